import type { Delta, DeltaSpecification } from "../delta/model.js";
import type { CiValue } from "../repository/model.js";
import { isConfigurationItem } from "../repository/model.js";
import type { Plan, PlanBlock, PlannedStep } from "./model.js";
import { parameterJson } from "./parameter-value.js";
import { summarizePlan } from "./plan-summary.js";
import { type PropertyLookup, SecretMask } from "./secret-mask.js";

const planFormatVersion = "1.0";

export interface JsonRenderOptions {
  /** Finds password properties, whose values are masked. */
  types: PropertyLookup;
}

/** The JSON plan, format 1.0, keys in the order of DESIGN §2.4. */
export function renderJson(plan: Plan, options: JsonRenderOptions): string {
  return `${JSON.stringify(planDocument(plan, options), null, 2)}\n`;
}

/** The document `renderJson` prints, as data. */
function planDocument(plan: Plan, options: JsonRenderOptions): Record<string, unknown> {
  const mask = SecretMask.forPlan(plan, options.types);
  const summary = summarizePlan(plan);
  return {
    formatVersion: planFormatVersion,
    deployment: deploymentJson(plan),
    deltas: plan.specification.deltas.map(deltaJson),
    plan: blockJson(plan.root, mask),
    summary: {
      steps: summary.steps,
      blocks: summary.blocks,
      CREATE: summary.operations.CREATE,
      MODIFY: summary.operations.MODIFY,
      DESTROY: summary.operations.DESTROY,
      NOOP: summary.operations.NOOP,
    },
  };
}

function deploymentJson(plan: Plan): Record<string, unknown> {
  const spec: DeltaSpecification = plan.specification;
  return {
    operation: spec.operation,
    rollback: spec.rollback,
    deployedApplication: spec.deployedOrPreviousApplication.id,
    version: spec.operation === "DESTROY" ? null : referenceId(spec.deployedApplication.values.version),
    previousVersion: spec.previousDeployedApplication
      ? referenceId(spec.previousDeployedApplication.values.version)
      : null,
    environment: referenceId(spec.deployedOrPreviousApplication.values.environment),
    orchestrators: [...plan.orchestrators],
  };
}

function deltaJson(delta: Delta): Record<string, unknown> {
  return {
    id: delta.id,
    operation: delta.operation,
    type: delta.deployedOrPrevious.type,
    container: referenceId(delta.deployedOrPrevious.values.container),
    changedProperties: [...delta.changedProperties],
  };
}

function blockJson(block: PlanBlock, mask: SecretMask): Record<string, unknown> {
  if (block.kind === "interleaved") {
    return {
      kind: block.kind,
      description: mask.apply(block.description),
      deltas: [...block.deltas],
      steps: block.steps.map((step) => stepJson(step, mask)),
    };
  }
  return {
    kind: block.kind,
    description: mask.apply(block.description),
    blocks: block.blocks.map((child) => blockJson(child, mask)),
  };
}

function stepJson(step: PlannedStep, mask: SecretMask): Record<string, unknown> {
  return {
    order: step.order,
    description: mask.apply(step.description),
    type: step.type,
    rule: step.rule,
    scope: step.scope,
    deployed: step.deployed ?? null,
    operation: step.operation ?? null,
    checkpoint: step.checkpoint,
    parameters: parameterJson(step.parameters, mask),
  };
}

/** A reference property as its id; a string id as itself; unset as null. */
function referenceId(value: CiValue | undefined): string | null {
  if (value === undefined) return null;
  if (isConfigurationItem(value)) return value.id;
  return typeof value === "string" ? value : null;
}
