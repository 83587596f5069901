import type { Operation } from "../delta/model.js";
import type { Plan, PlanBlock, PlannedStep } from "./model.js";

/** The counts every renderer closes with (DESIGN §2.4 `summary`). */
export interface PlanSummary {
  steps: number;
  /** Interleaved blocks: the sub-plans that hold steps. */
  blocks: number;
  /** Deltas per operation. */
  operations: Record<Operation, number>;
}

export function summarizePlan(plan: Plan): PlanSummary {
  const summary: PlanSummary = {
    steps: 0,
    blocks: 0,
    operations: { CREATE: 0, MODIFY: 0, DESTROY: 0, NOOP: 0 },
  };
  for (const delta of plan.specification.deltas) summary.operations[delta.operation]++;
  visitInterleaved(plan.root, (steps) => {
    summary.blocks++;
    summary.steps += steps.length;
  });
  return summary;
}

/** `Plan: N steps in M blocks — a create, b modify, c destroy, d noop` (issue 6, item 5). */
export function summaryLine(summary: PlanSummary): string {
  const o = summary.operations;
  return `Plan: ${summary.steps} steps in ${summary.blocks} blocks — ${o.CREATE} create, ${o.MODIFY} modify, ${o.DESTROY} destroy, ${o.NOOP} noop`;
}

function visitInterleaved(block: PlanBlock, visit: (steps: PlannedStep[]) => void): void {
  if (block.kind === "interleaved") visit(block.steps);
  else for (const child of block.blocks) visitInterleaved(child, visit);
}
