import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CompiledExpression, CompiledScript, PythonRuntime } from "../python/api.js";
import type { StepDescriptor, StepRegistry } from "../steps/model.js";
import { convertText } from "../steps/parameter-conversion.js";
import { stepParameter } from "../steps/step-catalogue.js";
import type { TypeRegistry } from "../types/model.js";
import type { Classpath } from "../workspace/model.js";
import type {
  ParameterTemplate,
  RuleScope,
  ScriptRule,
  SourceText,
  StepMacro,
  StepTemplate,
  XmlRule,
} from "./model.js";

/** Everything rule validation consults. Without `python`, expressions are kept as source, unchecked. */
export interface RuleValidationContext {
  types: TypeRegistry;
  steps: StepRegistry;
  classpath: Classpath;
  python?: PythonRuntime;
  /** Filled with each expression and script compiled, so the planner compiles nothing twice. */
  compiled: Map<SourceText, CompiledExpression | CompiledScript>;
}

/** Parameters whose value can only be calculated from a delta (manual, "Calculated step parameters"). */
const deltaOnlyParameters = new Set(["description", "target-host", "artifact", "previous-artifact"]);

/**
 * The checks of a rule that need the types, steps, classpath or Python (issue 4, item 2); the
 * rules reader has already checked what the file alone can tell. Script rules get their
 * script resolved here (`rule.script`).
 */
export function validateRule(rule: XmlRule | ScriptRule, context: RuleValidationContext): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const { types } = context;
  rule.conditions.types.forEach((type, index) => {
    const at = { ...(rule.conditions.typeLocations?.[index] ?? rule.location), rule: rule.name };
    if (!types.has(type)) {
      problems.push(diagnostic("PW4023", { rule: rule.name, type }, at));
    } else if (!types.isSubtypeOf(type, "udm.Deployed")) {
      const missing = undefinedSupertype(type, types);
      if (missing) problems.push(diagnostic("PW4028", { rule: rule.name, type, missing }, at));
      else problems.push(diagnostic("PW4024", { rule: rule.name, type }, at));
    }
  });
  if (rule.conditions.expression) compileExpression(rule.conditions.expression, rule.name, context, problems);
  if (rule.kind === "script") validateScript(rule, context, problems);
  else for (const step of rule.steps) validateStep(step, rule.name, rule.scope, context, problems);
  return problems;
}

/** The first supertype of `type` that no loaded synthetic.xml defines (its plugin is missing). */
function undefinedSupertype(type: string, types: TypeRegistry): string | undefined {
  const seen = new Set<string>();
  for (let current = types.get(type); current?.superType && !seen.has(current.name); ) {
    seen.add(current.name);
    if (!types.has(current.superType)) return current.superType;
    current = types.get(current.superType);
  }
  return undefined;
}

/** The one step of a step macro; its scope is the calling rule's, so scope-dependent checks wait for planning. */
export function validateMacro(macro: StepMacro, context: RuleValidationContext): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const step of macro.steps) validateStep(step, undefined, undefined, context, problems);
  return problems;
}

function validateScript(rule: ScriptRule, context: RuleValidationContext, problems: Diagnostic[]): void {
  const path = rule.scriptPath;
  if (path === "") return;
  const at = { ...(rule.scriptPathLocation ?? rule.location), rule: rule.name };
  const escaping = context.classpath.checkPath(path, at);
  if (escaping) {
    problems.push(escaping);
    return;
  }
  const resource = context.classpath.find(path);
  if (!resource) {
    problems.push(diagnostic("PW4032", { rule: rule.name, path }, at));
    return;
  }
  if (!path.endsWith(".py")) problems.push(diagnostic("PW4033", { rule: rule.name, path }, at));
  rule.script = { source: resource.text(), location: { file: resource.displayPath, line: 1, column: 1 } };
  if (context.python) {
    const compiled = context.python.compileScript(rule.script, { rule: rule.name });
    if ("severity" in compiled) problems.push(compiled);
    else context.compiled.set(rule.script, compiled);
  }
}

function validateStep(
  step: StepTemplate,
  rule: string | undefined,
  scope: RuleScope | undefined,
  context: RuleValidationContext,
  problems: Diagnostic[],
): void {
  const at = { ...step.location, rule };
  const descriptor = context.steps.get(step.type);
  if (!descriptor) {
    problems.push(diagnostic("PW5001", { step: step.type }, at));
    for (const written of step.parameters) compileExpressionsIn(written, rule, context, problems);
    return;
  }
  const given = new Set<string>();
  for (const written of step.parameters) {
    compileExpressionsIn(written, rule, context, problems);
    const parameter = stepParameter(descriptor, written.name);
    const parameterAt = { ...written.location, rule };
    if (!parameter) {
      const known = descriptor.parameters.map((p) => p.name).join(", ") || "(none)";
      problems.push(diagnostic("PW5002", { step: descriptor.name, parameter: written.name, known }, parameterAt));
      continue;
    }
    if (given.has(parameter.name)) {
      problems.push(diagnostic("PW5004", { step: descriptor.name, parameter: parameter.name }, parameterAt));
      continue;
    }
    given.add(parameter.name);
    const names = { step: descriptor.name, parameter: parameter.name, kind: parameter.kind };
    if (written.form === "text" && parameter.kind !== "ci") {
      const converted = convertText(written.text, parameter, { types: context.types, resolveCi: () => undefined });
      if (!converted.ok && converted.problem === "format") {
        problems.push(
          diagnostic("PW5010", { ...names, value: `'${written.text}'`, detail: converted.detail }, parameterAt),
        );
      }
    } else if (written.form === "map" || written.form === "list") {
      const createCi = parameter.kind === "ci" && written.form === "map" && written.entries.length === 1;
      if (parameter.kind === "list" && written.form === "map") {
        const element = written.entries.find((e) => e.name !== "value")?.name ?? "";
        problems.push(diagnostic("PW5006", { ...names, element }, parameterAt));
      } else if (parameter.kind !== "map" && parameter.kind !== "list" && !createCi) {
        problems.push(diagnostic("PW5005", names, parameterAt));
      }
    }
  }
  checkRequired(descriptor, given, scope, at, problems);
}

function checkRequired(
  descriptor: StepDescriptor,
  given: Set<string>,
  scope: RuleScope | undefined,
  at: { rule: string | undefined },
  problems: Diagnostic[],
): void {
  for (const parameter of descriptor.parameters) {
    if (!parameter.required || given.has(parameter.name)) continue;
    if (!parameter.calculated) {
      problems.push(diagnostic("PW5003", { step: descriptor.name, parameter: parameter.name }, at));
    } else if (scope !== undefined && scope !== "deployed" && deltaOnlyParameters.has(parameter.name)) {
      const reason = `outside the deployed scope (this rule's scope is ${scope})`;
      problems.push(diagnostic("PW5020", { step: descriptor.name, parameter: parameter.name, reason }, at));
    }
  }
}

function compileExpressionsIn(
  written: ParameterTemplate,
  rule: string | undefined,
  context: RuleValidationContext,
  problems: Diagnostic[],
): void {
  switch (written.form) {
    case "expression":
      compileExpression(written.expression, rule, context, problems);
      return;
    case "map":
      for (const entry of written.entries) compileExpressionsIn(entry, rule, context, problems);
      return;
    case "list":
      for (const value of written.values) compileExpressionsIn(value, rule, context, problems);
      return;
    case "text":
      return;
  }
}

function compileExpression(
  text: SourceText,
  rule: string | undefined,
  context: RuleValidationContext,
  problems: Diagnostic[],
): void {
  if (!context.python) return;
  const compiled = context.python.compileExpression(text, rule === undefined ? {} : { rule });
  if ("severity" in compiled) problems.push(compiled);
  else context.compiled.set(text, compiled);
}
