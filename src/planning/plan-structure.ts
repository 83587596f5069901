import type { InterleavedPlanBlock, PlanBlock, PlannedStep } from "../plan/model.js";

/** Reference §2.6: a step list above this many steps is split by order value. */
export const splitByOrderAbove = 30;
/** Reference §2.6: a step list still above this many steps is split into chunks of this size. */
export const chunkSize = 100;

/**
 * Splitting (reference §2.6, always applied): an interleaved block with more than 30 steps
 * becomes a serial block with one interleaved block per order value (ascending); any block
 * still above 100 steps becomes a serial block of chunks of 100. Steps must already be sorted.
 */
export function splitStepLists(block: PlanBlock): PlanBlock {
  if (block.kind !== "interleaved") return { ...block, blocks: block.blocks.map(splitStepLists) };
  if (block.steps.length <= splitByOrderAbove) return block;
  const byOrder = new Map<number, PlannedStep[]>();
  for (const step of block.steps) {
    const group = byOrder.get(step.order);
    if (group) group.push(step);
    else byOrder.set(step.order, [step]);
  }
  const parts = [...byOrder.entries()]
    .sort(([a], [b]) => a - b)
    .map(([order, steps]) => chunk(subBlock(block, `${block.description} (order ${order})`, steps)));
  return { kind: "serial", description: block.description, blocks: parts };
}

function chunk(block: InterleavedPlanBlock): PlanBlock {
  if (block.steps.length <= chunkSize) return block;
  const count = Math.ceil(block.steps.length / chunkSize);
  const parts: PlanBlock[] = [];
  for (let i = 0; i < count; i++) {
    const steps = block.steps.slice(i * chunkSize, (i + 1) * chunkSize);
    parts.push(subBlock(block, `${block.description}, part ${i + 1} of ${count}`, steps));
  }
  return { kind: "serial", description: block.description, blocks: parts };
}

/** A part of `parent` holding `steps`; its deltas are those of its steps, in the parent's order. */
function subBlock(parent: InterleavedPlanBlock, description: string, steps: PlannedStep[]): InterleavedPlanBlock {
  const present = new Set<string>();
  for (const step of steps) if (step.deployed !== undefined) present.add(step.deployed);
  return { kind: "interleaved", description, deltas: parent.deltas.filter((id) => present.has(id)), steps };
}

/**
 * Simplification (reference §2.6, when the deployed application's `optimizePlan` is true):
 * removes intermediate plans, never steps. Blocks without steps are dropped and a serial or
 * parallel block with one child is replaced by that child. A plan left with no steps at all
 * becomes one empty interleaved block carrying the root's description and deltas.
 */
export function simplifyPlan(root: PlanBlock): PlanBlock {
  return simplify(root) ?? { kind: "interleaved", description: root.description, deltas: allDeltas(root), steps: [] };
}

function simplify(block: PlanBlock): PlanBlock | undefined {
  if (block.kind === "interleaved") return block.steps.length > 0 ? block : undefined;
  const children: PlanBlock[] = [];
  for (const child of block.blocks) {
    const simplified = simplify(child);
    if (simplified !== undefined) children.push(simplified);
  }
  if (children.length === 0) return undefined;
  if (children.length === 1) return children[0];
  return { kind: block.kind, description: block.description, blocks: children };
}

function allDeltas(block: PlanBlock): string[] {
  if (block.kind === "interleaved") return block.deltas;
  return block.blocks.flatMap(allDeltas);
}
