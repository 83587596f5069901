import { sortDiagnostics } from "../diagnostics/format.js";
import type { DeploymentRequest } from "../specification/model.js";
import type { ExplainedBlock, ExplainedStep, Explanation, FailedCondition, RuleOutcome } from "./explanation.js";

/** Version of the `explain --format json` document; keys are only added within 1.x. */
export const explainFormatVersion = "1.0";

/** `planwright explain --format json` (README, "explain --format json"). */
export function renderExplanationJson(explanation: Explanation): string {
  return `${JSON.stringify(explanationDocument(explanation), null, 2)}\n`;
}

function explanationDocument(explanation: Explanation): Record<string, unknown> {
  return {
    explainFormat: explainFormatVersion,
    request: explanation.request ? requestJson(explanation.request) : null,
    planned: explanation.planned,
    blocks: explanation.blocks.map(blockJson),
    steps: explanation.steps.map(stepJson),
    diagnostics: sortDiagnostics(explanation.diagnostics),
  };
}

/** The request as the command-line flags name it; flags not given are null. */
function requestJson(request: DeploymentRequest): Record<string, unknown> {
  return {
    package: request.kind === "deploy" ? request.packageId : null,
    environment: request.kind === "deploy" ? request.environmentId : null,
    undeploy: request.kind === "undeploy" ? request.deployedApplicationId : null,
    from: request.fromPackageId ?? null,
    orchestrators: request.orchestrators ?? null,
  };
}

function blockJson(block: ExplainedBlock): Record<string, unknown> {
  return {
    description: block.description,
    scope: block.scope,
    planPath: block.planPath,
    deltas: block.deltas.map((delta) => ({
      id: delta.id,
      operation: delta.operation,
      type: delta.type,
      rules: delta.rules.map(ruleJson),
    })),
    rules: block.rules.map(ruleJson),
  };
}

function ruleJson(outcome: RuleOutcome): Record<string, unknown> {
  const { rule } = outcome;
  return {
    name: rule.name,
    kind: rule.kind,
    plugin: rule.kind === "predefined" ? rule.plugin : null,
    scope: rule.scope,
    file: rule.location.file,
    line: rule.location.line ?? null,
    column: rule.location.column ?? null,
    fired: outcome.outcome === "fired",
    failedCondition: outcome.failed ? conditionJson(outcome.failed) : null,
    stepCount: outcome.stepCount,
    steps: outcome.steps,
  };
}

function conditionJson(failed: FailedCondition): Record<string, unknown> {
  if (failed.condition !== "expression") return { ...failed };
  return {
    condition: failed.condition,
    expression: failed.expression,
    value: failed.value,
    file: failed.location.file,
    line: failed.location.line ?? null,
    column: failed.location.column ?? null,
  };
}

function stepJson(step: ExplainedStep): Record<string, unknown> {
  return {
    planPath: step.planPath,
    order: step.order,
    description: step.description,
    rule: step.rule,
    scope: step.scope,
    deployed: step.deployed ?? null,
    operation: step.operation ?? null,
  };
}
