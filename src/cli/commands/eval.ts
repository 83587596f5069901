import { readFileSync } from "node:fs";
import { Option } from "commander";
import { diagnostic } from "../../diagnostics/catalogue.js";
import { type Diagnostic, DiagnosticError, hasErrors } from "../../diagnostics/diagnostic.js";
import { evaluationBindings } from "../../planning/planner.js";
import { PlanningFailure } from "../../planning/planning-failure.js";
import { loadPlanningHome, preparePlanning } from "../../planning/planning-session.js";
import type { DisplayValue } from "../../python/api.js";
import { reportDiagnostics, resolveHome, writeData } from "../io.js";
import type { CommandRegistration } from "../main.js";
import { addRequestOptions, deploymentRequest, type RequestOptions } from "./request-options.js";
import { scriptLog } from "./script-log.js";

interface EvalOptions extends RequestOptions {
  deployed?: string;
  file?: string;
  format: "text" | "json";
  color: boolean;
}

/** One expression's outcome: its value as Python shows it, or the exception it raised. */
type Outcome = { expr: string; value: DisplayValue } | { expr: string; error: string; message: string };

/**
 * `planwright eval` (DESIGN §2.3): evaluates Jython expressions with the bindings a rule of
 * this deployment would see — with --deployed ID those of that delta's deployed-scope rules.
 * Text prints each result's repr; JSON one object per line. Exit 1 if any failed.
 */
export const registerEval: CommandRegistration = (program, setExit) => {
  const command = program
    .command("eval")
    .description("Evaluate Jython expressions with the bindings a rule would see")
    .argument("[expression...]", "expressions to evaluate");
  addRequestOptions(command)
    .option("--deployed <id>", "also bind delta, deployed and previousDeployed of this deployed")
    .option("--file <file>", "read expressions from this file, one per line")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-color", "never colour the output")
    .action(async (expressions: string[], options: EvalOptions) => {
      setExit(await evaluate(expressions, options));
    });
};

async function evaluate(arguments_: string[], options: EvalOptions): Promise<number> {
  const expressions = readExpressions(arguments_, options.file);
  const request = deploymentRequest(options);
  const problems = [expressions, request].filter((x): x is Diagnostic => "severity" in x);
  if (problems.length > 0 || !Array.isArray(expressions) || "severity" in request) {
    reportDiagnostics(problems, !options.color);
    return 1;
  }
  const home = loadPlanningHome(resolveHome(options.home), { log: scriptLog });
  const { prepared, diagnostics } = hasErrors(home.diagnostics)
    ? { prepared: undefined, diagnostics: [] }
    : preparePlanning(home, request, { log: scriptLog });
  const all = [...home.diagnostics, ...diagnostics];
  const delta = options.deployed ? prepared?.specification.deltas.find((d) => d.id === options.deployed) : undefined;
  if (prepared && options.deployed && !delta) all.push(diagnostic("PW8010", { id: options.deployed }));
  reportDiagnostics(all, !options.color);
  if (!prepared || hasErrors(all)) return 1;

  const bindings = evaluationBindings(prepared.input, delta);
  const { python } = home;
  const outcomes: Outcome[] = [];
  for (const [index, expr] of expressions.entries()) {
    const text = { source: expr, location: { file: options.file ?? "<eval>", line: index + 1, column: 1 } };
    try {
      const compiled = python.compileExpression(text);
      if ("severity" in compiled) throw new DiagnosticError([compiled]);
      if (!python.interpreterLoaded && python.needsInterpreter([compiled])) await python.load();
      outcomes.push({ expr, value: python.evaluateForDisplay(compiled, bindings) });
    } catch (error) {
      outcomes.push({ expr, ...exceptionOf(error) });
    }
  }
  const lines = outcomes.map((outcome) => (options.format === "json" ? jsonLine(outcome) : textLine(outcome)));
  writeData(lines.join("\n"));
  return outcomes.some((outcome) => "error" in outcome) ? 1 : 0;
}

/** EXPRESSION arguments, or the non-blank lines of --file. */
function readExpressions(arguments_: string[], file: string | undefined): string[] | Diagnostic {
  if (file !== undefined) {
    try {
      return readFileSync(file, "utf8")
        .split(/\r?\n/)
        .filter((line) => line.trim() !== "");
    } catch (error) {
      return diagnostic("PW8013", { file, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return arguments_.length > 0 ? arguments_ : diagnostic("PW8012");
}

/** The Python exception type and message behind a failed evaluation. */
function exceptionOf(error: unknown): { error: string; message: string } {
  if (error instanceof DiagnosticError) {
    const [first] = error.diagnostics;
    if (!first) return { error: "Exception", message: error.message };
    const raised = /raised ([\w.]+): ([\s\S]*)$/.exec(first.message);
    if (raised) return { error: raised[1]!, message: raised[2]! };
    const byCode: Record<string, string> = { PW6051: "ImportError", PW6052: "SyntaxError", PW6053: "TimeoutError" };
    return { error: byCode[first.code] ?? first.code, message: first.message };
  }
  if (error instanceof PlanningFailure) return { error: error.pythonType, message: error.message };
  throw error;
}

function textLine(outcome: Outcome): string {
  return "value" in outcome ? outcome.value.repr : `${outcome.error}: ${outcome.message}`;
}

function jsonLine(outcome: Outcome): string {
  if ("value" in outcome)
    return JSON.stringify({ expr: outcome.expr, value: outcome.value.json, type: outcome.value.type });
  return JSON.stringify({ expr: outcome.expr, error: outcome.error, message: outcome.message });
}
