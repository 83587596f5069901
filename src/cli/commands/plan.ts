import { Option } from "commander";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import type { Plan } from "../../plan/model.js";
import { summarizePlan } from "../../plan/plan-summary.js";
import { type PlanFormat, planFormats, renderPlan } from "../../plan/render.js";
import { watchHome } from "../../planning/home-watcher.js";
import {
  keepPreviousRulesOnError,
  loadPlanningHome,
  type PlanningHome,
  planRequest,
  reloadPlanningHome,
} from "../../planning/planning-session.js";
import type { DeploymentRequest } from "../../specification/model.js";
import { reportDiagnostics, resolveHome, useColor, writeData } from "../io.js";
import type { CommandRegistration } from "../main.js";
import { addRequestOptions, deploymentRequest, type RequestOptions } from "./request-options.js";
import { scriptLog } from "./script-log.js";

export interface PlanOptions extends RequestOptions {
  format: PlanFormat;
  output?: string;
  detailedExitcode?: boolean;
  watch?: boolean;
  color: boolean;
}

/**
 * `planwright plan` (DESIGN §2.3): the plan of a deployment or undeployment, as text, JSON,
 * DOT or Mermaid. Exit 1 on any error (nothing is printed then); with --detailed-exitcode,
 * 0 when nothing changes and 2 when something does. --watch plans again on every change.
 */
export const registerPlan: CommandRegistration = (program, setExit) => {
  const command = program.command("plan").description("Print the deployment plan the rules produce");
  addRequestOptions(command)
    .addOption(new Option("--format <format>", "output format").choices([...planFormats]).default("text"))
    .option("--output <file>", "write the plan to this file instead of stdout")
    .option("--detailed-exitcode", "exit 0 when nothing changes, 2 when something does")
    .option("--watch", "plan again whenever a file of the home changes")
    .option("--no-color", "never colour the output")
    .action(async (options: PlanOptions) => {
      const request = deploymentRequest(options);
      if ("code" in request) {
        reportDiagnostics([request], !options.color);
        setExit(1);
        return;
      }
      const home = resolveHome(options.home);
      if (options.watch) {
        await watchPlans(home, request, options, interrupted());
        return;
      }
      setExit(await planOnce(home, request, options));
    });
};

/** Plans and prints once; returns the exit code. */
async function planOnce(home: string, request: DeploymentRequest, options: PlanOptions): Promise<number> {
  return planAndPrint(loadPlanningHome(home, { log: scriptLog }), request, options);
}

async function planAndPrint(planningHome: PlanningHome, request: DeploymentRequest, options: PlanOptions) {
  const result = await planRequest(planningHome, request, { log: scriptLog });
  reportDiagnostics(result.diagnostics, !options.color);
  if (!result.plan) return 1;
  const color = options.format === "text" && !options.output && useColor(process.stdout, !options.color);
  writeData(renderPlan(result.plan, options.format, { types: planningHome.workspace.types, color }), options.output);
  if (!options.detailedExitcode) return 0;
  return hasChanges(result.plan) ? 2 : 0;
}

/** DESIGN §2.3: no changes when every delta is NOOP and no rule added a step. */
function hasChanges(plan: Plan): boolean {
  const { steps, operations } = summarizePlan(plan);
  return steps > 0 || operations.CREATE + operations.MODIFY + operations.DESTROY > 0;
}

/**
 * `--watch`: plans now and after every change of a file of the home (within ~100 ms, or on
 * planner.conf's `xl.file-watch.interval` when set), until interrupted. Each load gets a new
 * Python runtime, so changed types and Python modules are seen (the interpreter itself loads
 * once per process), and changed plugin modules are imported again.
 * A rescan whose rules or plugin modules have errors reports them (once per rescan) and keeps
 * planning with the last rules and modules that loaded cleanly (manual, "Rescan").
 */
export async function watchPlans(
  home: string,
  request: DeploymentRequest,
  options: PlanOptions,
  until: Promise<void>,
): Promise<void> {
  const first = loadPlanningHome(home, { log: scriptLog });
  const interval = first.workspace.settings.fileWatchIntervalMs;
  let lastGood = hasErrors(first.ruleDiagnostics) ? undefined : first;
  const planWatched = (planningHome: PlanningHome) => {
    const effective = keepPreviousRulesOnError(planningHome, lastGood);
    if (effective !== planningHome) {
      reportDiagnostics(planningHome.ruleDiagnostics, !options.color);
      process.stderr.write(
        "planwright: the rules or plugin modules have errors; planning with the previous ones until they are fixed\n",
      );
    } else if (!hasErrors(planningHome.ruleDiagnostics)) lastGood = planningHome;
    return planAndPrint(effective, request, options);
  };
  let running: Promise<unknown> = planWatched(first);
  let again = false;
  const replan = () => {
    if (again) return;
    again = true;
    running = running.then(() => {
      again = false;
      process.stderr.write(`planwright: change detected, planning again (${new Date().toLocaleTimeString()})\n`);
      return reloadPlanningHome(home, { log: scriptLog }).then(planWatched);
    });
  };
  const stop = watchHome(home, interval, replan);
  await until;
  stop();
  await running;
}

/** Resolves on Ctrl-C or SIGTERM. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}
