// The planning pipeline of `planwright plan`, stage by stage against dist/, with the time
// each stage takes (issue 6, item 8: load, specification, delta, orchestration, planning,
// render). The Python runtime lives as long as the process, as in `plan --watch`.
import { analyzeSpecification } from "../../dist/delta/analyze.js";
import { orchestrate } from "../../dist/orchestration/orchestrate.js";
import { OrchestratorRegistry } from "../../dist/orchestration/orchestrator-registry.js";
import { renderPlan } from "../../dist/plan/render.js";
import { planDeployment } from "../../dist/planning/planner.js";
import { loadPlanningHome } from "../../dist/planning/planning-session.js";
import { specify } from "../../dist/specification/specify.js";
import { createStepConstruction } from "../../dist/steps/step-construction.js";

let python;

function failIfErrors(stage, diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const shown = errors.slice(0, 5).map((d) => `${d.file ?? ""}:${d.line ?? ""} ${d.code} ${d.message}`);
    throw new Error(`${stage} failed:\n${shown.join("\n")}`);
  }
}

/** Plans `packageId` to `environmentId` in `home`; returns times in ms per phase and counts. */
export async function runPipeline({ home, packageId, environmentId }) {
  const phasesMs = {};
  // CPU time besides wall time: on a busy machine it shows what the work itself costs.
  const cpuAtStart = process.cpuUsage();
  let mark = performance.now();
  const lap = (phase) => {
    const now = performance.now();
    phasesMs[phase] = Math.round((now - mark) * 100) / 100;
    mark = now;
  };

  const loaded = loadPlanningHome(home, python ? { python } : {});
  python = loaded.python;
  failIfErrors("loading the home", loaded.diagnostics);
  const { types, repository } = loaded.workspace;
  lap("load");

  const specified = specify({ kind: "deploy", packageId, environmentId }, { types, repository });
  failIfErrors("specification", specified.diagnostics);
  lap("specification");

  const deltaSpecification = analyzeSpecification(specified.specification, types);
  lap("delta");

  const { orchestrators } = specified.specification;
  const orchestrated = orchestrate(deltaSpecification, orchestrators, OrchestratorRegistry.withBuiltins());
  failIfErrors("orchestration", orchestrated.diagnostics);
  lap("orchestration");

  const planned = await planDeployment({
    specification: deltaSpecification,
    orchestration: orchestrated.orchestration,
    orchestrators,
    rules: loaded.rules,
    stepRegistry: loaded.steps,
    steps: createStepConstruction({ steps: loaded.steps, types, repository }),
    types,
    repository,
    python,
  });
  failIfErrors("planning", planned.diagnostics);
  lap("planning");

  const text = renderPlan(planned.plan, "text", { types });
  lap("render");
  const cpu = process.cpuUsage(cpuAtStart);
  const json = renderPlan(planned.plan, "json", { types });
  lap("renderJson");

  const { load, specification, delta, orchestration, planning, render } = phasesMs;
  const totalMs = Math.round((load + specification + delta + orchestration + planning + render) * 100) / 100;
  const summary = JSON.parse(json).summary;
  return {
    phasesMs,
    totalMs,
    cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10,
    counts: {
      deltas: deltaSpecification.deltas.length,
      steps: summary.steps,
      blocks: summary.blocks,
      textBytes: text.length,
    },
  };
}
