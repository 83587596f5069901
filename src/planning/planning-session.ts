import type { DeltaSpecification } from "../delta/model.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import type { OrchestrationBlock } from "../orchestration/model.js";
import { prepareDeployment } from "../orchestration/prepare-deployment.js";
import type { Plan } from "../plan/model.js";
import { loadPlugins } from "../plugins/load-plugins.js";
import { importChangedPluginModules } from "../plugins/plugin-module.js";
import type { PythonRuntime } from "../python/api.js";
import type { PluginModuleSource } from "../python/interpreter/pyodide-host.js";
import { createPythonRuntime } from "../python/runtime.js";
import { loadRules } from "../rules/load-rules.js";
import type { RuleRegistry } from "../rules/rule-registry.js";
import type { DeploymentRequest } from "../specification/model.js";
import type { StepRegistry } from "../steps/model.js";
import { createStepConstruction } from "../steps/step-construction.js";
import { loadWorkspace, type Workspace } from "../workspace/load-workspace.js";
import type { Classpath } from "../workspace/model.js";
import { type PlanningInput, planDeployment, type RuleEvaluation } from "./planner.js";
import type { LogSink } from "./script-logger.js";

/** A home loaded for planning: the workspace, its rules and steps, and a Python runtime. */
export interface PlanningHome {
  workspace: Workspace;
  rules: RuleRegistry;
  steps: StepRegistry;
  python: PythonRuntime;
  /** The workspace's and the rules' diagnostics. */
  diagnostics: Diagnostic[];
  /** The plugins' and the rules files' share of `diagnostics` (for `plan --watch`'s rescan). */
  ruleDiagnostics: Diagnostic[];
}

export interface LoadPlanningHomeOptions {
  /**
   * Reuse a runtime across loads of unchanged homes (compiled code is kept). It keeps the types
   * and Python modules of the home it was made for; the interpreter loads once per process anyway.
   */
  python?: PythonRuntime;
  /** Where scripts' `logger` and `print` output goes. */
  log?: LogSink;
}

/** Loads everything planning needs from a home directory (DESIGN §2.1). */
export function loadPlanningHome(home: string, options: LoadPlanningHomeOptions = {}): PlanningHome {
  const workspace = loadWorkspace(home);
  const python =
    options.python ??
    createPythonRuntime({
      types: workspace.types,
      timeLimitMs: workspace.settings.pythonTimeLimitMs,
      ...(options.log ? { log: options.log } : {}),
      resolveModule: (name) => pythonModule(workspace.classpath, name),
    });
  // Built-in and home plugins (src/plugins/): their rules register first, their steps join the predefined ones.
  const plugins = loadPlugins({ classpath: workspace.classpath, types: workspace.types });
  const loaded = loadRules({
    classpath: workspace.classpath,
    types: workspace.types,
    steps: plugins.steps,
    predefinedRules: plugins.rules,
    python,
  });
  return {
    workspace,
    rules: loaded.rules,
    steps: loaded.steps,
    python,
    diagnostics: [...workspace.diagnostics, ...plugins.diagnostics, ...loaded.diagnostics],
    ruleDiagnostics: [...plugins.diagnostics, ...loaded.diagnostics],
  };
}

/**
 * `loadPlanningHome` for a home loaded before in this process (`plan --watch`): plugin modules
 * whose file changed are imported again first, since Node would otherwise keep the old version.
 */
export async function reloadPlanningHome(home: string, options: LoadPlanningHomeOptions = {}): Promise<PlanningHome> {
  await importChangedPluginModules(home);
  return loadPlanningHome(home, options);
}

/**
 * The manual's rescan rule applied to a fresh load: when the rules (or the plugin modules,
 * whose rules and steps join them) have errors but `previous` loaded cleanly, plan with the
 * previous rule set (the errors are still reported). Anything else in the home (types,
 * repository) is always taken fresh.
 */
export function keepPreviousRulesOnError(fresh: PlanningHome, previous: PlanningHome | undefined): PlanningHome {
  if (!previous || !hasErrors(fresh.ruleDiagnostics) || hasErrors(fresh.workspace.diagnostics)) return fresh;
  return { ...fresh, rules: previous.rules, steps: previous.steps, diagnostics: fresh.workspace.diagnostics };
}

/** `import rules.helpers` finds `rules/helpers.py` or `rules/helpers/__init__.py` on the classpath. */
function pythonModule(classpath: Classpath, dottedName: string): PluginModuleSource | undefined {
  const base = dottedName.replaceAll(".", "/");
  for (const [path, isPackage] of [
    [`${base}.py`, false],
    [`${base}/__init__.py`, true],
  ] as const) {
    const resource = classpath.find(path);
    if (resource)
      return { source: resource.text(), location: { file: resource.displayPath, line: 1 }, package: isPackage };
  }
  return undefined;
}

/** The stages before planning, and what planning needs from them. */
export interface PreparedPlanning {
  specification: DeltaSpecification;
  orchestration: OrchestrationBlock;
  orchestrators: string[];
  /** The planner's input, ready to run (add `trace` for explain). */
  input: PlanningInput;
}

export interface PlanningOptions {
  log?: LogSink;
  trace?: (evaluation: RuleEvaluation) => void;
}

/** Specification, delta analysis and orchestration of a request; stops at the first stage with errors. */
export function preparePlanning(
  home: PlanningHome,
  request: DeploymentRequest,
  options: PlanningOptions = {},
): { prepared?: PreparedPlanning; diagnostics: Diagnostic[] } {
  const { workspace } = home;
  const result = prepareDeployment(request, { types: workspace.types, repository: workspace.repository });
  if (!result.deployment || hasErrors(result.diagnostics)) return { diagnostics: result.diagnostics };
  const { deltaSpecification, orchestration, orchestrators } = result.deployment;
  const input: PlanningInput = {
    specification: deltaSpecification,
    orchestration,
    orchestrators,
    rules: home.rules,
    stepRegistry: home.steps,
    steps: createStepConstruction({ steps: home.steps, types: workspace.types, repository: workspace.repository }),
    types: workspace.types,
    repository: workspace.repository,
    python: home.python,
    ...(options.log ? { log: options.log } : {}),
    ...(options.trace ? { trace: options.trace } : {}),
  };
  return {
    prepared: { specification: deltaSpecification, orchestration, orchestrators, input },
    diagnostics: result.diagnostics,
  };
}

export interface PlannedRequest {
  /** Absent when any stage reported an error: nothing partial is shown. */
  plan?: Plan;
  prepared?: PreparedPlanning;
  diagnostics: Diagnostic[];
}

/** The whole `planwright plan` pipeline after loading: request → plan. */
export async function planRequest(
  home: PlanningHome,
  request: DeploymentRequest,
  options: PlanningOptions = {},
): Promise<PlannedRequest> {
  if (hasErrors(home.diagnostics)) return { diagnostics: home.diagnostics };
  const { prepared, diagnostics } = preparePlanning(home, request, options);
  const all = [...home.diagnostics, ...diagnostics];
  if (!prepared) return { diagnostics: all };
  const planned = await planDeployment(prepared.input);
  all.push(...planned.diagnostics);
  if (!planned.plan || hasErrors(all)) return { prepared, diagnostics: all };
  return { plan: planned.plan, prepared, diagnostics: all };
}
