import type { Delta, Operation } from "../delta/model.js";
import type { Diagnostic, SourceLocation } from "../diagnostics/diagnostic.js";
import type { InterleavedOrchestrationBlock, OrchestrationBlock } from "../orchestration/model.js";
import type { Plan, PlanBlock, PlannedStep } from "../plan/model.js";
import { type PropertyLookup, SecretMask } from "../plan/secret-mask.js";
import type { Rule, RuleScope } from "../rules/model.js";
import type { DeploymentRequest } from "../specification/model.js";
import { postPlanDescription, prePlanDescription, type RuleEvaluation } from "./planner.js";

/**
 * What `planwright explain` shows, as data (DESIGN §2.3): per planning block the deltas and
 * every rule considered for them, then the rule-level blocks' rules, then every step with the
 * rule that made it. The text and JSON renderers print this and nothing else.
 */
export interface Explanation {
  /** Absent when the command-line flags describe no request. */
  request?: DeploymentRequest;
  /** False when planning (or what comes before it) failed; `diagnostics` say why. */
  planned: boolean;
  blocks: ExplainedBlock[];
  steps: ExplainedStep[];
  diagnostics: Diagnostic[];
}

/** A block rules were applied to: pre-plan, one orchestration leaf, or post-plan. */
export interface ExplainedBlock {
  description: string;
  scope: "pre-plan" | "orchestration" | "post-plan";
  /** JSON pointer of this block in the plan JSON (DESIGN §2.4); null when it is not in the plan. */
  planPath: string | null;
  deltas: ExplainedDelta[];
  /** Pre-plan, plan or post-plan scope rules considered once for the block. */
  rules: RuleOutcome[];
}

export interface ExplainedDelta {
  id: string;
  operation: Operation;
  type: string;
  rules: RuleOutcome[];
}

export interface RuleOutcome {
  rule: Rule;
  outcome: RuleEvaluation["outcome"];
  /** The first condition that failed; absent when the rule fired. */
  failed?: FailedCondition;
  /** JSON pointers of the steps it added, in the order added; empty when not fired or not planned. */
  steps: readonly string[];
  /** How many steps it added (also known when planning failed later). */
  stepCount: number;
}

export type FailedCondition =
  | { condition: "disabled" }
  | { condition: "type"; expected: readonly string[]; actual: string }
  | { condition: "operation"; expected: readonly Operation[]; actual: Operation }
  | { condition: "expression"; expression: string; location: SourceLocation; value: string };

export interface ExplainedStep {
  /** JSON pointer of the step in the plan JSON. */
  planPath: string;
  order: number;
  description: string;
  rule: string;
  scope: RuleScope;
  deployed?: string;
  operation?: Operation;
}

export interface ExplanationInput {
  request?: DeploymentRequest;
  /** The orchestration planned, when planning got that far. */
  orchestration?: OrchestrationBlock;
  /** Every rule evaluation traced, in the order the planner made them. */
  evaluations: readonly RuleEvaluation[];
  plan?: Plan;
  diagnostics: Diagnostic[];
  /** Finds password properties, whose values are masked in step descriptions. */
  types: PropertyLookup;
  /** Keep only this deployed's delta and steps. */
  deployed?: string;
  /** Keep only this rule's evaluations and steps. */
  rule?: string;
}

/** Builds the explanation from the planner's trace and (when planning succeeded) its plan. */
export function explainPlanning(input: ExplanationInput): Explanation {
  const { plan } = input;
  const paths = plan ? planPaths(plan.root) : { steps: new Map<PlannedStep, string>(), emptyBlocks: [] };
  const mask = plan ? SecretMask.forPlan(plan, input.types) : new SecretMask();
  const blocks = planningBlocks(input.orchestration).map((block) => ({ ...block, outcomes: new Map() }));
  collectEvaluations(input, blocks, paths.steps);
  const explained = blocks.map((block) => explainedBlock(block, paths, input)).filter((b) => b !== undefined);
  const steps = [...paths.steps.entries()]
    .filter(
      ([step]) =>
        (input.rule === undefined || step.rule === input.rule) &&
        (input.deployed === undefined || step.deployed === input.deployed),
    )
    .map(([step, planPath]) => explainedStep(step, planPath, mask));
  return {
    ...(input.request ? { request: input.request } : {}),
    planned: plan !== undefined,
    blocks: explained,
    steps,
    diagnostics: input.diagnostics,
  };
}

/** A block in the order the planner visits them, gathering the outcomes traced for it. */
interface PlanningBlock {
  description: string;
  scope: ExplainedBlock["scope"];
  leaf?: InterleavedOrchestrationBlock;
  /** Per delta id (or "" for the block's own rules), the outcomes in trace order. */
  outcomes: Map<string, RuleOutcome[]>;
}

/** Pre-plan, the orchestration's leaves depth first, post-plan: the planner's order. */
function planningBlocks(orchestration: OrchestrationBlock | undefined): Omit<PlanningBlock, "outcomes">[] {
  const leaves: InterleavedOrchestrationBlock[] = [];
  const visit = (block: OrchestrationBlock) => {
    if (block.kind === "interleaved") leaves.push(block);
    else for (const child of block.blocks) visit(child);
  };
  if (orchestration) visit(orchestration);
  return [
    { description: prePlanDescription, scope: "pre-plan" },
    ...leaves.map((leaf) => ({ description: leaf.description, scope: "orchestration" as const, leaf })),
    { description: postPlanDescription, scope: "post-plan" },
  ];
}

function collectEvaluations(
  input: ExplanationInput,
  blocks: PlanningBlock[],
  stepPaths: ReadonlyMap<PlannedStep, string>,
): void {
  const byLeaf = new Map(blocks.filter((b) => b.leaf).map((b) => [b.leaf, b]));
  const pre = blocks[0]!;
  const post = blocks[blocks.length - 1]!;
  for (const evaluation of input.evaluations) {
    const block = evaluation.leaf ? byLeaf.get(evaluation.leaf) : evaluation.rule.scope === "post-plan" ? post : pre;
    if (!block) continue;
    const key = evaluation.delta?.id ?? "";
    const outcomes = block.outcomes.get(key) ?? [];
    if (outcomes.length === 0) block.outcomes.set(key, outcomes);
    const failed = failure(evaluation);
    outcomes.push({
      rule: evaluation.rule,
      outcome: evaluation.outcome,
      ...(failed ? { failed } : {}),
      steps: evaluation.added?.length ? placesOf(evaluation.added, stepPaths) : noSteps,
      stepCount: evaluation.steps ?? 0,
    });
  }
}

/** Shared by every outcome without steps: explaining 10,000 deltas makes millions of outcomes. */
const noSteps: readonly string[] = Object.freeze([]);
const disabled: FailedCondition = Object.freeze({ condition: "disabled" });

/** The plan places of steps; those not in the plan (planning failed) are left out. */
function placesOf(steps: readonly PlannedStep[], stepPaths: ReadonlyMap<PlannedStep, string>): string[] {
  const places: string[] = [];
  for (const step of steps) {
    const place = stepPaths.get(step);
    if (place !== undefined) places.push(place);
  }
  return places;
}

function failure(evaluation: RuleEvaluation): FailedCondition | undefined {
  const { rule, delta } = evaluation;
  switch (evaluation.outcome) {
    case "fired":
      return undefined;
    case "disabled":
      return disabled;
    case "type":
      return { condition: "type", expected: rule.conditions.types, actual: delta!.deployedOrPrevious.type };
    case "operation":
      return { condition: "operation", expected: rule.conditions.operations, actual: delta!.operation };
    case "expression": {
      const expression = rule.conditions.expression!;
      // A condition that is not a Boolean fails planning (PW8001), so one that failed was False.
      return {
        condition: "expression",
        expression: expression.source.trim(),
        location: expression.location,
        value: "False",
      };
    }
  }
}

function explainedBlock(
  block: PlanningBlock,
  paths: { steps: ReadonlyMap<PlannedStep, string>; emptyBlocks: PlanBlockPath[] },
  input: ExplanationInput,
): ExplainedBlock | undefined {
  const planPath = blockPath(block, paths);
  const shown = (outcomes: RuleOutcome[] | undefined): RuleOutcome[] =>
    input.rule === undefined ? (outcomes ?? []) : (outcomes ?? []).filter((o) => o.rule.name === input.rule);
  const deltas: ExplainedDelta[] = (block.leaf?.deltas ?? [])
    .filter((delta) => input.deployed === undefined || delta.id === input.deployed)
    .map((delta) => explainedDelta(delta, shown(block.outcomes.get(delta.id))));
  const rules = input.deployed === undefined ? shown(block.outcomes.get("")) : [];
  const filtered = input.rule !== undefined || input.deployed !== undefined;
  // Filters keep the blocks where something is left; unfiltered, pre/post-plan blocks show when they had rules.
  if (filtered && rules.length === 0 && deltas.every((d) => d.rules.length === 0)) return undefined;
  if (!filtered && block.scope !== "orchestration" && rules.length === 0) return undefined;
  return {
    description: block.description,
    scope: block.scope,
    planPath,
    deltas: filtered ? deltas.filter((d) => d.rules.length > 0) : deltas,
    rules,
  };
}

function explainedDelta(delta: Delta, rules: RuleOutcome[]): ExplainedDelta {
  return { id: delta.id, operation: delta.operation, type: delta.deployedOrPrevious.type, rules };
}

/**
 * Where the block ended up in the plan. Splitting may turn it into a serial block of parts and
 * simplification may drop or hoist it, so a block with steps is the deepest block holding all of
 * them; a block without steps is the next empty plan block with its description (kept only when
 * the plan is not simplified), else null.
 */
function blockPath(
  block: PlanningBlock,
  paths: { steps: ReadonlyMap<PlannedStep, string>; emptyBlocks: PlanBlockPath[] },
): string | null {
  const stepPaths = [...block.outcomes.values()].flatMap((outcomes) => outcomes.flatMap((outcome) => outcome.steps));
  if (stepPaths.length > 0) return commonBlock(stepPaths);
  if (block.scope !== "orchestration") return null;
  const index = paths.emptyBlocks.findIndex((empty) => empty.description === block.description);
  if (index < 0) return null;
  const [found] = paths.emptyBlocks.splice(index, 1);
  return found!.path;
}

/** The deepest block pointer that is a prefix of every step pointer. */
function commonBlock(stepPaths: string[]): string {
  const split = stepPaths.map((p) => p.split("/").slice(0, -2));
  let common = split[0]!;
  for (const parts of split.slice(1)) {
    let length = 0;
    while (length < common.length && length < parts.length && common[length] === parts[length]) length++;
    common = common.slice(0, length);
  }
  // A pointer ending in ".../blocks" names an array, not a block: step back to the block holding it.
  if (common[common.length - 1] === "blocks") common = common.slice(0, -1);
  return common.join("/");
}

interface PlanBlockPath {
  description: string;
  path: string;
}

/** JSON pointers (RFC 6901) of every step in the plan JSON, and the empty interleaved blocks in order. */
function planPaths(root: PlanBlock): { steps: Map<PlannedStep, string>; emptyBlocks: PlanBlockPath[] } {
  const steps = new Map<PlannedStep, string>();
  const emptyBlocks: PlanBlockPath[] = [];
  const visit = (block: PlanBlock, path: string) => {
    if (block.kind !== "interleaved") {
      for (const [index, child] of block.blocks.entries()) visit(child, `${path}/blocks/${index}`);
      return;
    }
    if (block.steps.length === 0) emptyBlocks.push({ description: block.description, path });
    for (const [index, step] of block.steps.entries()) steps.set(step, `${path}/steps/${index}`);
  };
  visit(root, "/plan");
  return { steps, emptyBlocks };
}

function explainedStep(step: PlannedStep, planPath: string, mask: SecretMask): ExplainedStep {
  return {
    planPath,
    order: step.order,
    description: mask.apply(step.description),
    rule: step.rule,
    scope: step.scope,
    ...(step.deployed !== undefined ? { deployed: step.deployed } : {}),
    ...(step.operation !== undefined ? { operation: step.operation } : {}),
  };
}
