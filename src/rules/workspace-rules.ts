import { loadPlugins } from "../plugins/load-plugins.js";
import type { PythonRuntime } from "../python/api.js";
import { createPythonRuntime } from "../python/runtime.js";
import { createStepRegistry, type StepCatalogue } from "../steps/step-catalogue.js";
import type { Workspace } from "../workspace/load-workspace.js";
import { type LoadedRules, loadRules } from "./load-rules.js";
import type { PredefinedRuleDefinition } from "./rule-registry.js";

export interface WorkspaceRulesOptions {
  /** Plugin and predefined steps; default the predefined steps of reference §1.3. */
  steps?: StepCatalogue;
  predefinedRules?: readonly PredefinedRuleDefinition[];
  /**
   * "full" checks every expression and script with the interpreter when the fast path cannot
   * (loading it takes seconds, so only `validate` asks for it); "fast" compiles with the fast
   * path only; "none" keeps expressions as source.
   */
  python?: "full" | "fast" | "none";
}

/** The rules and steps stage of a loaded home (issue 4, item 7). */
export async function loadWorkspaceRules(
  workspace: Workspace,
  options: WorkspaceRulesOptions = {},
): Promise<LoadedRules> {
  const mode = options.python ?? "fast";
  // Without explicit steps and predefined rules, the home's plugins (src/plugins/) provide them.
  const plugins =
    options.steps || options.predefinedRules
      ? undefined
      : loadPlugins({ classpath: workspace.classpath, types: workspace.types });
  const predefinedRules = options.predefinedRules ?? plugins?.rules;
  const load = (python?: PythonRuntime) => {
    const loaded = loadRules({
      classpath: workspace.classpath,
      types: workspace.types,
      steps: options.steps ?? plugins?.steps ?? createStepRegistry(),
      ...(python ? { python } : {}),
      ...(predefinedRules ? { predefinedRules } : {}),
    });
    if (plugins) loaded.diagnostics.unshift(...plugins.diagnostics);
    return loaded;
  };
  if (mode === "none") return load();
  const runtime = () =>
    createPythonRuntime({ types: workspace.types, timeLimitMs: workspace.settings.pythonTimeLimitMs });
  const fast = load(runtime());
  if (mode === "fast" || !fast.compiled.size) return fast;
  const checker = syntaxChecker(workspace);
  if (!checker.needsInterpreter([...fast.compiled.values()])) return fast;
  await checker.load();
  return load(checker);
}

let sharedChecker: PythonRuntime | undefined;

/**
 * A runtime with the interpreter, kept for the whole process, that only compiles: a runtime
 * compiles each source once (the fast one above never loaded the interpreter, so it cannot
 * check what the fast path left), compiling does not depend on the types, and loading the
 * interpreter takes seconds, so every check in the process shares this one.
 */
function syntaxChecker(workspace: Workspace): PythonRuntime {
  sharedChecker ??= createPythonRuntime({ types: workspace.types });
  return sharedChecker;
}
