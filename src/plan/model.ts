import type { DeltaSpecification, Operation } from "../delta/model.js";
import type { RuleScope } from "../rules/model.js";

/** A step in the final plan, with its provenance (DESIGN §2.4). */
export interface PlannedStep {
  order: number;
  description: string;
  type: string;
  rule: string;
  scope: RuleScope;
  /** The deployed id of the delta that made it (deployed scope). */
  deployed?: string;
  operation?: Operation;
  /** The operation committed when this step succeeds, or null. */
  checkpoint: Operation | null;
  /** Name of an intermediate checkpoint (`Checkpoint(delta, name, operation)`, reference §5.3). */
  checkpointName?: string;
  /** Other deltas this step's checkpoint commits (a plan-scope rule checkpointing deltas). */
  checkpointDeployeds?: string[];
  /** Converted parameters except order and description. CIs stay CI objects until rendering. */
  parameters: Record<string, unknown>;
}

export type PlanBlock = CompositePlanBlock | InterleavedPlanBlock;

export interface CompositePlanBlock {
  kind: "serial" | "parallel";
  description: string;
  blocks: PlanBlock[];
}

export interface InterleavedPlanBlock {
  kind: "interleaved";
  description: string;
  /** Deployed ids of the deltas planned in this block. */
  deltas: string[];
  steps: PlannedStep[];
}

/** A whole deployment plan: what the planner returns and every renderer reads (DESIGN §2.4). */
export interface Plan {
  /** The deltas planned and the deployment they belong to (operation, applications, rollback). */
  specification: DeltaSpecification;
  /** Names of the orchestrators that shaped the plan, in the order they were applied. */
  orchestrators: string[];
  /** The root block: pre-plan steps first, post-plan steps last (DESIGN §3). */
  root: PlanBlock;
}
