import { sortDiagnostics } from "../diagnostics/format.js";
import type { DeploymentRequest } from "../specification/model.js";
import type { ExplainedBlock, ExplainedStep, Explanation, FailedCondition, RuleOutcome } from "./explanation.js";

/** Version of the `explain --format json` document; keys are only added within 1.x. */
export const explainFormatVersion = "1.0";

/**
 * `planwright explain --format json` (README, "explain --format json"), in pieces of about one
 * delta each: 10,000 deltas × 100 rules make a document too large for one JavaScript string.
 * The layout is indented JSON with each rule outcome and each step on one line of its own.
 */
export function* explanationJsonChunks(explanation: Explanation): Generator<string> {
  const head = {
    explainFormat: explainFormatVersion,
    request: explanation.request ? requestJson(explanation.request) : null,
    planned: explanation.planned,
  };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "blocks": [`;
  for (const [index, block] of explanation.blocks.entries()) {
    yield index === 0 ? "\n" : ",\n";
    yield* blockChunks(block);
  }
  yield `${explanation.blocks.length > 0 ? "\n  " : ""}],\n  "steps": ${lineArray(explanation.steps.map(stepJson), "  ")},\n`;
  const diagnostics = JSON.stringify(sortDiagnostics(explanation.diagnostics), null, 2).replaceAll("\n", "\n  ");
  yield `  "diagnostics": ${diagnostics}\n}\n`;
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

/** A block in pieces of one delta each: one block may hold all 10,000 deltas of a deployment. */
function* blockChunks(block: ExplainedBlock): Generator<string> {
  yield [
    "    {",
    `      "description": ${JSON.stringify(block.description)},`,
    `      "scope": ${JSON.stringify(block.scope)},`,
    `      "planPath": ${JSON.stringify(block.planPath)},`,
    `      "deltas": [`,
  ].join("\n");
  for (const [index, delta] of block.deltas.entries()) {
    yield `${index === 0 ? "\n" : ",\n"}        {\n          "id": ${JSON.stringify(delta.id)},\n` +
      `          "operation": ${JSON.stringify(delta.operation)},\n          "type": ${JSON.stringify(delta.type)},\n` +
      `          "rules": ${lineArray(delta.rules.map(ruleJson), "          ")}\n        }`;
  }
  yield `${block.deltas.length > 0 ? "\n      " : ""}],\n      "rules": ${lineArray(block.rules.map(ruleJson), "      ")}\n    }`;
}

/** A JSON array with one compact item per line, closed at `indent`. */
function lineArray(items: unknown[], indent: string): string {
  if (items.length === 0) return "[]";
  return `[\n${items.map((item) => `${indent}  ${JSON.stringify(item)}`).join(",\n")}\n${indent}]`;
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
  if (failed.condition !== "expression") return failed;
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
