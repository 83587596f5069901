import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CompiledExpression, CompiledScript, PythonRuntime } from "../python/api.js";
import { macroStepDescriptor } from "../steps/step-builder.js";
import type { StepCatalogue } from "../steps/step-catalogue.js";
import type { TypeRegistry } from "../types/model.js";
import type { Classpath, ClasspathResource } from "../workspace/model.js";
import type { SourceText } from "./model.js";
import { type PredefinedRuleDefinition, RuleRegistry } from "./rule-registry.js";
import { validateMacro, validateRule } from "./rule-validation.js";
import { type RulesFile, readRulesFile } from "./rules-reader.js";

export interface RulesLoadOptions {
  classpath: Classpath;
  types: TypeRegistry;
  /** Predefined and plugin steps. Not changed: step macros go into an extension of it. */
  steps: StepCatalogue;
  /** Compiles every expression and script; without it they stay source until planning. */
  python?: PythonRuntime;
  /** Rules implemented by TypeScript plugins, registered before the files' rules. */
  predefinedRules?: readonly PredefinedRuleDefinition[];
}

export interface LoadedRules {
  rules: RuleRegistry;
  /** `options.steps` plus the step macros of the rules files. */
  steps: StepCatalogue;
  /** Each compiled expression and script by its SourceText (identity). */
  compiled: ReadonlyMap<SourceText, CompiledExpression | CompiledScript>;
  /** The files read, in registration order. */
  files: RulesFile[];
  diagnostics: Diagnostic[];
}

/**
 * Reads every xl-rules.xml on the classpath and registers its rules in DESIGN §3 order:
 * predefined rules, then plugins by name, then ext/ (document order within a file). Step
 * macros of all files are registered before any rule is validated, so a rule may use a macro
 * of another file; `disable-rule` is applied whatever the order.
 */
export function loadRules(options: RulesLoadOptions): LoadedRules {
  const { classpath, types, python } = options;
  const resources = registrationOrder(classpath.findAll("xl-rules.xml"));
  const files = resources.map((resource) => readRulesFile(resource.text(), resource.displayPath));
  const diagnostics: Diagnostic[] = files.flatMap((f) => f.diagnostics);

  const steps = options.steps.extend();
  for (const file of files) {
    for (const macro of file.macros) {
      const clash = steps.add(macroStepDescriptor(macro), macro.location);
      if (clash) diagnostics.push(clash);
    }
  }

  const rules = new RuleRegistry(types);
  for (const predefined of options.predefinedRules ?? []) {
    const duplicate = rules.registerPredefined(predefined);
    if (duplicate) diagnostics.push(duplicate);
  }
  const compiled = new Map<SourceText, CompiledExpression | CompiledScript>();
  const context = { types, steps, classpath, python, compiled };
  for (const file of files) {
    for (const macro of file.macros) diagnostics.push(...validateMacro(macro, context));
    for (const rule of file.rules) {
      const duplicate = rules.register(rule);
      if (duplicate) diagnostics.push(duplicate);
      diagnostics.push(...validateRule(rule, context));
    }
    for (const disable of file.disables) rules.disable(disable.name, disable.location);
  }
  diagnostics.push(...rules.unresolvedDisables());
  return { rules, steps, compiled, files, diagnostics };
}

/** Plugins in classpath (name) order first, ext/ last. */
function registrationOrder(resources: ClasspathResource[]): ClasspathResource[] {
  return [...resources.filter((r) => r.root.name !== "ext"), ...resources.filter((r) => r.root.name === "ext")];
}
