import { Option } from "commander";
import pc from "picocolors";
import { diagnostic } from "../../diagnostics/catalogue.js";
import { type Diagnostic, hasErrors } from "../../diagnostics/diagnostic.js";
import { type Explanation, explainPlanning } from "../../planning/explanation.js";
import { explanationJsonChunks } from "../../planning/explanation-json.js";
import { explanationTextChunks } from "../../planning/explanation-text.js";
import type { RuleEvaluation } from "../../planning/planner.js";
import { loadPlanningHome, planRequest } from "../../planning/planning-session.js";
import { reportDiagnostics, resolveHome, useColor } from "../io.js";
import type { CommandRegistration } from "../main.js";
import { addRequestOptions, deploymentRequest, type RequestOptions } from "./request-options.js";
import { scriptLog } from "./script-log.js";

interface ExplainOptions extends RequestOptions {
  deployed?: string;
  rule?: string;
  format: "text" | "json";
  color: boolean;
}

/**
 * `planwright explain` (DESIGN §2.3): per plan block and delta, every rule considered and
 * the first condition that failed (type, operation, expression value) or the steps it added;
 * then every step with the rule that made it. --deployed and --rule narrow both lists.
 * Text is printed only for a plan; `--format json` prints the document in any case, with the
 * diagnostics (which also go to stderr) and whatever was considered before planning stopped.
 */
export const registerExplain: CommandRegistration = (program, setExit) => {
  const command = program.command("explain").description("Show which rules fired, which did not, and why");
  addRequestOptions(command)
    .option("--deployed <id>", "only this deployed's delta and steps")
    .option("--rule <name>", "only this rule")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-color", "never colour the output")
    .action(async (options: ExplainOptions) => {
      setExit(await explain(options));
    });
};

async function explain(options: ExplainOptions): Promise<number> {
  const explanation = await explanationOf(options);
  reportDiagnostics(explanation.diagnostics, !options.color);
  const failed = !explanation.planned || hasErrors(explanation.diagnostics);
  // Written as they are made: an explanation of 10,000 deltas is far larger than its plan.
  const chunks =
    options.format === "json"
      ? explanationJsonChunks(explanation)
      : failed
        ? []
        : explanationTextChunks(explanation, pc.createColors(useColor(process.stdout, !options.color)));
  for (const chunk of chunks) process.stdout.write(chunk);
  return failed ? 1 : 0;
}

async function explanationOf(options: ExplainOptions): Promise<Explanation> {
  const request = deploymentRequest(options);
  if ("severity" in request) return { planned: false, blocks: [], steps: [], diagnostics: [request] };
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
  return explainPlanning({
    request,
    ...(result.prepared ? { orchestration: result.prepared.orchestration } : {}),
    evaluations,
    ...(result.plan ? { plan: result.plan } : {}),
    diagnostics: [...result.diagnostics, ...problems],
    types: home.workspace.types,
    ...(options.deployed !== undefined ? { deployed: options.deployed } : {}),
    ...(options.rule !== undefined ? { rule: options.rule } : {}),
  });
}
