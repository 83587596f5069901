import { diagnostic } from "../diagnostics/catalogue.js";
import { type Diagnostic, DiagnosticError, type SourceLocation } from "../diagnostics/diagnostic.js";
import type { ConfigurationItem } from "../repository/model.js";
import type { ParameterTemplate, SourceText, StepMacro, StepTemplate } from "../rules/model.js";
import { type CalculationContext, calculateParameter } from "./calculated-parameters.js";
import type { Step, StepDescriptor, StepParameterDescriptor, StepParameterKind, StepRegistry } from "./model.js";
import {
  type Conversion,
  type ConversionContext,
  convertText,
  convertValue,
  describeValue,
} from "./parameter-conversion.js";
import { stepParameter } from "./step-catalogue.js";

/**
 * What the planner gives to build a step: the rule, its scope and delta (for calculated
 * parameters), CI lookup (for CI parameters written as ids) and Python evaluation (for
 * `expression="true"`; `extra` adds bindings, `macro` inside a step macro). `evaluate` may
 * throw DiagnosticError; the builder returns those diagnostics.
 */
export interface StepBuildContext extends CalculationContext, ConversionContext {
  rule: string;
  steps: StepRegistry;
  evaluate(expression: SourceText, extra?: Record<string, unknown>): unknown;
}

export type StepBuildResult = { ok: true; step: Step } | { ok: false; diagnostics: Diagnostic[] };

/** Builds the step an XML rule (or a step macro) describes. */
export function buildStep(template: StepTemplate, context: StepBuildContext): StepBuildResult {
  const compiled = compiledTemplate(template, context);
  if (compiled) return guard(() => buildCompiled(template, compiled, context));
  return guard(() => buildFromTemplate(template, context, undefined, []));
}

/**
 * A template resolved once against its step descriptor (DESIGN §6: planning builds one step
 * per rule per delta): the parameter each written one sets, literal text already converted,
 * and per descriptor parameter where its value comes from. Building then only evaluates the
 * expressions and calculates what the rule left out. Templates with anything unusual (an
 * unknown or repeated parameter, a literal that does not convert, a step macro) are left to
 * `buildFromTemplate`, which reports them.
 */
interface CompiledTemplate {
  descriptor: StepDescriptor;
  /** Per descriptor parameter, in the descriptor's order. */
  sources: ParameterSource[];
  /** Indexes of the `computed` sources in the order the rule writes them. */
  computedOrder: number[];
}

/** Compiled per step registry: a rescan's registry resolves step names afresh. */
const compiledTemplates = new WeakMap<StepTemplate, { steps: StepRegistry; compiled: CompiledTemplate | undefined }>();

function compiledTemplate(template: StepTemplate, context: StepBuildContext): CompiledTemplate | undefined {
  let entry = compiledTemplates.get(template);
  if (entry?.steps !== context.steps) {
    entry = { steps: context.steps, compiled: compileTemplate(template, context) };
    compiledTemplates.set(template, entry);
  }
  const { compiled } = entry;
  // The registry may have gained a step since (a macro of the same spelling): look it up again.
  return compiled && context.steps.get(template.type) === compiled.descriptor ? compiled : undefined;
}

/** Where a descriptor parameter's value comes from: nothing written, a constant, or per build. */
type ParameterSource =
  | { kind: "absent" }
  | { kind: "constant"; value: unknown }
  | { kind: "computed"; written: ParameterTemplate };

/** Kinds whose literal text converts, without lookups, to a primitive every step can share. */
const constantKinds: ReadonlySet<StepParameterKind> = new Set(["string", "object", "integer", "boolean", "enum"]);

function compileTemplate(template: StepTemplate, context: StepBuildContext): CompiledTemplate | undefined {
  const descriptor = context.steps.get(template.type);
  if (!descriptor || descriptor.macro) return undefined;
  const written = new Map<StepParameterDescriptor, ParameterTemplate>();
  for (const parameterTemplate of template.parameters) {
    const parameter = stepParameter(descriptor, parameterTemplate.name);
    if (!parameter || written.has(parameter)) return undefined;
    written.set(parameter, parameterTemplate);
  }
  const sources: ParameterSource[] = [];
  for (const parameter of descriptor.parameters) {
    const given = written.get(parameter);
    if (!given) sources.push({ kind: "absent" });
    else if (given.form === "text" && constantKinds.has(parameter.kind)) {
      const converted = convertText(given.text, parameter, context);
      if (!converted.ok) return undefined;
      sources.push({ kind: "constant", value: converted.value });
    } else sources.push({ kind: "computed", written: given });
  }
  // Converted in the order written, as `buildFromTemplate` does: the first expression that throws decides.
  const computedOrder = [...written.keys()]
    .map((parameter) => descriptor.parameters.indexOf(parameter))
    .filter((index) => sources[index]!.kind === "computed");
  return { descriptor, sources, computedOrder };
}

function buildCompiled(template: StepTemplate, compiled: CompiledTemplate, context: StepBuildContext): StepBuildResult {
  const { descriptor, sources, computedOrder } = compiled;
  const values: unknown[] = new Array(sources.length);
  const problems: Diagnostic[] = [];
  for (const index of computedOrder) {
    const { written } = sources[index] as ParameterSource & { kind: "computed" };
    values[index] = writtenValue(written, descriptor.parameters[index]!, descriptor, context, undefined, problems);
  }
  if (problems.length > 0) return fail(problems);
  for (let index = 0; index < sources.length; index++) {
    const source = sources[index]!;
    if (source.kind === "constant") values[index] = source.value;
  }
  return assembleStep(
    descriptor,
    (index) => values[index],
    context,
    () => ({ ...template.location, rule: context.rule }),
  );
}

/**
 * The step from each descriptor parameter's given value (`undefined`: not given): calculated
 * parameters filled in (context maps always enriched), required ones checked (PW5020, PW5003),
 * description and order taken out of the parameters.
 */
function assembleStep(
  descriptor: StepDescriptor,
  given: (index: number) => unknown,
  context: StepBuildContext,
  at: () => Partial<SourceLocation> & { rule: string },
): StepBuildResult {
  let description: unknown;
  let order: unknown;
  const parameters: Record<string, unknown> = {};
  const problems: Diagnostic[] = [];
  for (let index = 0; index < descriptor.parameters.length; index++) {
    const parameter = descriptor.parameters[index]!;
    let value = given(index);
    if (parameter.calculated && (value === undefined || parameter.kind === "map")) {
      const calculation = calculateParameter(parameter, context, value as Record<string, unknown> | undefined);
      if (calculation && "value" in calculation) value = calculation.value;
      else if (value === undefined && parameter.required) {
        const reason = calculation?.unavailable ?? "by Planwright";
        problems.push(diagnostic("PW5020", { step: descriptor.name, parameter: parameter.name, reason }, at()));
        continue;
      }
    }
    if (value === undefined) {
      if (parameter.required) {
        problems.push(diagnostic("PW5003", { step: descriptor.name, parameter: parameter.name }, at()));
      }
      continue;
    }
    if (parameter.name === "description") description = value;
    else if (parameter.name === "order") order = value;
    else parameters[parameter.name] = value;
  }
  if (problems.length > 0) return fail(problems);
  return {
    ok: true,
    step: {
      type: descriptor.name,
      description: typeof description === "string" ? description : "",
      order: typeof order === "number" ? order : 0,
      parameters,
    },
  };
}

/**
 * Builds the step a planning script asks for: `steps.os_script(target_host=…)` or
 * `steps.os_script(**{'target-host': …})`. `args` are the keyword arguments as the Python
 * runtime returns them; `location` is the script line, when known.
 */
export function buildStepFromArguments(
  stepName: string,
  args: Record<string, unknown>,
  context: StepBuildContext,
  location?: SourceLocation,
): StepBuildResult {
  return guard(() => {
    const at = { ...location, rule: context.rule };
    const descriptor = context.steps.get(stepName);
    if (!descriptor) return fail([diagnostic("PW5001", { step: stepName }, at)]);
    const given = new Map<string, unknown>();
    const problems: Diagnostic[] = [];
    for (const [name, value] of Object.entries(args)) {
      const parameter = stepParameter(descriptor, name);
      if (!parameter) {
        problems.push(unknownParameter(descriptor, name, at));
        continue;
      }
      if (given.has(parameter.name)) {
        problems.push(diagnostic("PW5004", { step: descriptor.name, parameter: parameter.name }, at));
        continue;
      }
      if (value === null || value === undefined) continue;
      const converted = convertValue(value, parameter, context);
      if (converted.ok) given.set(parameter.name, converted.value);
      else problems.push(conversionProblem(converted, value, parameter, descriptor, at));
    }
    if (problems.length > 0) return fail(problems);
    return complete(descriptor, given, context, at, []);
  });
}

function guard(build: () => StepBuildResult): StepBuildResult {
  try {
    return build();
  } catch (error) {
    if (error instanceof DiagnosticError) return fail(error.diagnostics);
    throw error;
  }
}

function fail(diagnostics: Diagnostic[]): StepBuildResult {
  return { ok: false, diagnostics };
}

function buildFromTemplate(
  template: StepTemplate,
  context: StepBuildContext,
  extra: Record<string, unknown> | undefined,
  activeMacros: string[],
): StepBuildResult {
  const at = { ...template.location, rule: context.rule };
  const descriptor = context.steps.get(template.type);
  if (!descriptor) return fail([diagnostic("PW5001", { step: template.type }, at)]);
  const given = new Map<string, unknown>();
  const problems: Diagnostic[] = [];
  for (const written of template.parameters) {
    const parameter = stepParameter(descriptor, written.name);
    const parameterAt = { ...written.location, rule: context.rule };
    if (!parameter) {
      problems.push(unknownParameter(descriptor, written.name, parameterAt));
      continue;
    }
    if (given.has(parameter.name)) {
      problems.push(diagnostic("PW5004", { step: descriptor.name, parameter: parameter.name }, parameterAt));
      continue;
    }
    const value = writtenValue(written, parameter, descriptor, context, extra, problems);
    if (value !== undefined) given.set(parameter.name, value);
  }
  if (problems.length > 0) return fail(problems);
  return complete(descriptor, given, context, at, activeMacros);
}

/**
 * One written parameter converted to its kind; `undefined` when not given (an expression gave
 * None) or when it does not convert, the problem then added to `problems`.
 */
function writtenValue(
  written: ParameterTemplate,
  parameter: StepParameterDescriptor,
  step: StepDescriptor,
  context: StepBuildContext,
  extra: Record<string, unknown> | undefined,
  problems: Diagnostic[],
): unknown {
  let shown: unknown;
  let conversion: Conversion;
  switch (written.form) {
    case "text":
      shown = written.text;
      conversion = convertText(written.text, parameter, context);
      break;
    case "expression":
      shown = context.evaluate(written.expression, extra);
      if (shown === null || shown === undefined) return undefined;
      conversion = convertValue(shown, parameter, context);
      break;
    case "map":
    case "list":
      if (parameter.kind === "map") return entriesOf(written, context, extra);
      if (parameter.kind === "list") {
        if (written.form === "list") return written.values.map((v) => rawValue(v, context, extra));
        const element = written.entries.find((e) => e.name !== "value")?.name ?? "";
        problems.push(
          diagnostic("PW5006", { step: step.name, parameter: parameter.name, element }, writtenAt(written, context)),
        );
        return undefined;
      }
      if (parameter.kind === "ci" && written.form === "map" && written.entries.length === 1) {
        return newConfigurationItem(written.entries[0]!, context, extra);
      }
      problems.push(
        diagnostic(
          "PW5005",
          { step: step.name, parameter: parameter.name, kind: parameter.kind },
          writtenAt(written, context),
        ),
      );
      return undefined;
  }
  if (conversion.ok) return conversion.value;
  problems.push(conversionProblem(conversion, shown, parameter, step, writtenAt(written, context)));
  return undefined;
}

/** Where a problem with a written parameter is reported; built only when there is one. */
function writtenAt(written: ParameterTemplate, context: StepBuildContext): SourceLocation & { rule: string } {
  return { ...written.location, rule: context.rule };
}

/** Map entries: text stays a string, expressions give any value (a CI, a dict, the context…). */
function entriesOf(
  written: ParameterTemplate & { form: "map" | "list" },
  context: StepBuildContext,
  extra: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const entries = written.form === "map" ? written.entries : written.values;
  const result: Record<string, unknown> = {};
  for (const entry of entries) result[entry.name] = rawValue(entry, context, extra);
  return result;
}

function rawValue(
  written: ParameterTemplate,
  context: StepBuildContext,
  extra: Record<string, unknown> | undefined,
): unknown {
  switch (written.form) {
    case "text":
      return written.text;
    case "expression":
      return context.evaluate(written.expression, extra) ?? null;
    case "map":
      return entriesOf(written, context, extra);
    case "list":
      return written.values.map((v) => rawValue(v, context, extra));
  }
}

/** `create-ci`'s `<ci><overthere.SshHost><id>…</id><os>UNIX</os></overthere.SshHost></ci>`. */
function newConfigurationItem(
  written: ParameterTemplate,
  context: StepBuildContext,
  extra: Record<string, unknown> | undefined,
): ConfigurationItem {
  const properties = written.form === "map" || written.form === "list" ? entriesOf(written, context, extra) : {};
  const id = String(properties.id ?? "");
  delete properties.id;
  return {
    id,
    name: id.slice(id.lastIndexOf("/") + 1),
    type: written.name,
    values: properties as ConfigurationItem["values"],
  };
}

/** Calculated parameters, required checks, and macro expansion. */
function complete(
  descriptor: StepDescriptor,
  given: Map<string, unknown>,
  context: StepBuildContext,
  at: Partial<SourceLocation> & { rule: string },
  activeMacros: string[],
): StepBuildResult {
  if (descriptor.macro) return expandMacro(descriptor.macro, descriptor, given, context, at, activeMacros);
  return assembleStep(
    descriptor,
    (index) => given.get(descriptor.parameters[index]!.name),
    context,
    () => at,
  );
}

/** Kinds of step-macro parameter types (reference §7.5). */
export const macroParameterKinds: Readonly<Record<string, StepParameterKind>> = {
  boolean: "boolean",
  integer: "integer",
  string: "string",
  ci: "ci",
  list_of_string: "list",
  set_of_string: "list",
  map_string_string: "map",
};

/** The `macro` dict holds every declared parameter (None when not given); the one inner step is built with it. */
function expandMacro(
  macro: StepMacro,
  descriptor: StepDescriptor,
  given: Map<string, unknown>,
  context: StepBuildContext,
  at: Partial<SourceLocation> & { rule: string },
  activeMacros: string[],
): StepBuildResult {
  const inner = macro.steps[0];
  if (!inner || activeMacros.includes(macro.name)) {
    return fail([diagnostic("PW5008", { macro: macro.name }, at)]);
  }
  const values: Record<string, unknown> = {};
  const problems: Diagnostic[] = [];
  for (const parameter of descriptor.parameters) {
    let value = given.get(parameter.name);
    const declared = macro.parameters.find((p) => p.name === parameter.name);
    if (value === undefined && declared?.defaultValue !== undefined) {
      const converted = convertText(declared.defaultValue, parameter, context);
      if (converted.ok) value = converted.value;
    }
    if (value === undefined && parameter.required) {
      problems.push(diagnostic("PW5003", { step: descriptor.name, parameter: parameter.name }, at));
    }
    values[parameter.name] = value ?? null;
  }
  if (problems.length > 0) return fail(problems);
  return buildFromTemplate(inner, context, { macro: values }, [...activeMacros, macro.name]);
}

/** The step descriptor a `<step-macro>` registers: its declared parameters, verbatim names. */
export function macroStepDescriptor(macro: StepMacro): StepDescriptor {
  return {
    name: macro.name,
    description: `Step macro defined at ${macro.location.file}:${macro.location.line ?? 1}`,
    source: macro.location.file,
    macro,
    parameters: macro.parameters.map((p) => ({
      name: p.name,
      kind: macroParameterKinds[p.kind] ?? "object",
      required: p.required,
      calculated: false,
      ...(p.defaultValue !== undefined ? { defaultValue: p.defaultValue } : {}),
    })),
  };
}

function unknownParameter(step: StepDescriptor, name: string, at: Partial<SourceLocation> & { rule: string }) {
  const known = step.parameters.map((p) => p.name).join(", ") || "(none)";
  return diagnostic("PW5002", { step: step.name, parameter: name, known }, at);
}

function conversionProblem(
  conversion: Conversion & { ok: false },
  shown: unknown,
  parameter: StepParameterDescriptor,
  step: StepDescriptor,
  at: Partial<SourceLocation> & { rule: string },
): Diagnostic {
  const names = { step: step.name, parameter: parameter.name };
  switch (conversion.problem) {
    case "format":
      return diagnostic(
        "PW5010",
        { ...names, value: describeValue(shown), kind: parameter.kind, detail: conversion.detail },
        at,
      );
    case "missing-ci":
      return diagnostic("PW5011", { ...names, id: conversion.id }, at);
    case "ci-type":
      return diagnostic(
        "PW5012",
        { ...names, id: conversion.id, actual: conversion.actual, expected: conversion.expected },
        at,
      );
  }
}
