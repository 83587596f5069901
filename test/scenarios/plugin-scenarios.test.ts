import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { renderPlan } from "../../src/plan/render.js";
import { loadPlanningHome, planRequest } from "../../src/planning/planning-session.js";
import type { DeploymentRequest } from "../../src/specification/model.js";

/**
 * Whole-scenario tests of the built-in plugins and the plugin API (issue 7): each folder
 * `generic-*`, `file-*`, `cmd-*` or `predefined-*` holds a `home/` and a `scenario.json`
 * listing requests; each request's diagnostics, text plan and JSON plan are compared with
 * `<case>.baseline.txt`. `UPDATE_BASELINES=1` rewrites the baselines (review them by eye).
 */

interface ScenarioCase {
  name: string;
  package?: string;
  environment?: string;
  from?: string;
  undeploy?: string;
}

const root = path.dirname(new URL(import.meta.url).pathname);
const prefixes = ["generic-", "file-", "cmd-", "predefined-"];
const scenarios = readdirSync(root).filter(
  (name) => prefixes.some((prefix) => name.startsWith(prefix)) && existsSync(path.join(root, name, "scenario.json")),
);

function requestOf(scenarioCase: ScenarioCase): DeploymentRequest {
  const from = scenarioCase.from ? { fromPackageId: scenarioCase.from } : {};
  if (scenarioCase.undeploy) return { kind: "undeploy", deployedApplicationId: scenarioCase.undeploy, ...from };
  return { kind: "deploy", packageId: scenarioCase.package!, environmentId: scenarioCase.environment!, ...from };
}

async function outcome(home: string, scenarioCase: ScenarioCase): Promise<string> {
  const planningHome = loadPlanningHome(home);
  const result = await planRequest(planningHome, requestOf(scenarioCase));
  const relative = (text: string) => text.replaceAll(`${home}/`, "");
  const sections = [`# ${scenarioCase.name}`];
  if (result.diagnostics.length > 0)
    sections.push(relative(result.diagnostics.map((d) => formatDiagnostic(d)).join("\n")));
  if (result.plan) {
    const types = planningHome.workspace.types;
    sections.push(renderPlan(result.plan, "text", { types }), renderPlan(result.plan, "json", { types }));
  }
  return `${sections.join("\n\n")}\n`;
}

describe.each(scenarios)("scenario %s", (scenario) => {
  const folder = path.join(root, scenario);
  const cases = (JSON.parse(readFileSync(path.join(folder, "scenario.json"), "utf8")) as { cases: ScenarioCase[] })
    .cases;
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, scenarioCase) => {
    const actual = await outcome(path.join(folder, "home"), scenarioCase);
    const baseline = path.join(folder, `${scenarioCase.name}.baseline.txt`);
    if (process.env.UPDATE_BASELINES === "1") writeFileSync(baseline, actual);
    expect(existsSync(baseline), `${baseline} is missing; run with UPDATE_BASELINES=1`).toBe(true);
    expect(actual).toBe(readFileSync(baseline, "utf8"));
  });
});
