import pc from "picocolors";
import { diagnostic } from "../../diagnostics/catalogue.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { PlanBlock, PlannedStep } from "../../plan/model.js";
import type { RuleEvaluation } from "../../planning/planner.js";
import { loadPlanningHome, planRequest } from "../../planning/planning-session.js";
import { reportDiagnostics, resolveHome, useColor, writeData } from "../io.js";
import type { CommandRegistration } from "../main.js";
import { addRequestOptions, deploymentRequest, type RequestOptions } from "./request-options.js";
import { scriptLog } from "./script-log.js";

interface ExplainOptions extends RequestOptions {
  deployed?: string;
  rule?: string;
  color: boolean;
}

/**
 * `planwright explain` (DESIGN §2.3): per plan block and delta, every rule considered and
 * the first condition that failed (type, operation, expression value) or the steps it added;
 * then every step with the rule that made it. --deployed and --rule narrow both lists.
 */
export const registerExplain: CommandRegistration = (program, setExit) => {
  const command = program.command("explain").description("Show which rules fired, which did not, and why");
  addRequestOptions(command)
    .option("--deployed <id>", "only this deployed's delta and steps")
    .option("--rule <name>", "only this rule")
    .option("--no-color", "never colour the output")
    .action(async (options: ExplainOptions) => {
      setExit(await explain(options));
    });
};

async function explain(options: ExplainOptions): Promise<number> {
  const request = deploymentRequest(options);
  if ("severity" in request) {
    reportDiagnostics([request], !options.color);
    return 1;
  }
  const home = loadPlanningHome(resolveHome(options.home), { log: scriptLog });
  const evaluations: RuleEvaluation[] = [];
  const result = await planRequest(home, request, { log: scriptLog, trace: (e) => evaluations.push(e) });
  const problems: Diagnostic[] = [];
  if (options.rule !== undefined && !home.rules.get(options.rule)) {
    problems.push(diagnostic("PW8011", { name: options.rule }));
  }
  const deltas = result.prepared?.specification.deltas ?? [];
  if (options.deployed !== undefined && result.prepared && !deltas.some((d) => d.id === options.deployed)) {
    problems.push(diagnostic("PW8010", { id: options.deployed }));
  }
  reportDiagnostics([...result.diagnostics, ...problems], !options.color);
  if (!result.plan || problems.length > 0) return 1;

  const c = pc.createColors(useColor(process.stdout, !options.color));
  const shown = evaluations.filter(
    (e) =>
      (options.rule === undefined || e.rule.name === options.rule) &&
      (options.deployed === undefined || e.delta?.id === options.deployed),
  );
  const steps = allSteps(result.plan.root).filter(
    (s) =>
      (options.rule === undefined || s.rule === options.rule) &&
      (options.deployed === undefined || s.deployed === options.deployed),
  );
  writeData([...evaluationLines(shown, c), "", ...stepLines(steps, c)].join("\n"));
  return 0;
}

type Colors = ReturnType<typeof pc.createColors>;

/** Evaluations grouped by block, then by delta (deployed scope) or scope. */
function evaluationLines(evaluations: RuleEvaluation[], c: Colors): string[] {
  const lines: string[] = [];
  let block: string | undefined;
  let group: string | undefined;
  for (const evaluation of evaluations) {
    if (evaluation.block !== block) {
      block = evaluation.block;
      group = undefined;
      lines.push(c.bold(block));
    }
    const { delta } = evaluation;
    const heading = delta
      ? `${delta.id}  ${delta.operation} ${delta.deployedOrPrevious.type}`
      : `${evaluation.rule.scope} rules`;
    if (heading !== group) {
      group = heading;
      lines.push(`  ${heading}`);
    }
    const outcome = evaluation.outcome === "fired" ? c.green("fired     ") : c.yellow(evaluation.outcome.padEnd(10));
    lines.push(`    ${outcome} ${evaluation.rule.name}  ${c.dim(reason(evaluation))}`);
  }
  if (lines.length === 0) lines.push("No rule was considered.");
  return lines;
}

/** Why a rule fired or not, in the words of its conditions. */
function reason(evaluation: RuleEvaluation): string {
  const { rule, delta } = evaluation;
  switch (evaluation.outcome) {
    case "fired":
      return evaluation.steps === 1 ? "added 1 step" : `added ${evaluation.steps ?? 0} steps`;
    case "disabled":
      return "disabled by a disable-rule";
    case "type":
      return `type: needs ${rule.conditions.types.join(" or ")}; deployed is ${delta?.deployedOrPrevious.type}`;
    case "operation":
      return `operation: needs ${rule.conditions.operations.join(" or ")}; delta is ${delta?.operation}`;
    case "expression":
      return `expression: ${rule.conditions.expression?.source.trim()} was False`;
  }
}

function stepLines(steps: PlannedStep[], c: Colors): string[] {
  if (steps.length === 0) return ["No steps."];
  return [
    c.bold("Steps"),
    ...steps.map((step) => {
      const origin = [step.scope, step.deployed, step.operation].filter(Boolean).join(", ");
      return `  ${String(step.order).padStart(3)}  ${step.description}  ${c.dim(`← ${step.rule} (${origin})`)}`;
    }),
  ];
}

function allSteps(block: PlanBlock): PlannedStep[] {
  return block.kind === "interleaved" ? block.steps : block.blocks.flatMap(allSteps);
}
