import { type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import type { TypeRegistry } from "../types/model.js";
import type { StepParameterDescriptor } from "./model.js";

/**
 * Converting step parameter values to the parameter's kind (manual, "Define steps in XML
 * rules"). Pure functions: the step builder turns failures into PW5xxx diagnostics that name
 * the rule, the step and the parameter.
 *
 * Literal text is converted to the kind. A value from an expression or a script keyword
 * must already have the kind (`60` for an integer, not `"60"` — though a string is converted
 * like literal text, as XL Deploy's converter does for strings); CIs are checked against the
 * parameter's CI type.
 */
export type Conversion =
  | { ok: true; value: unknown }
  | { ok: false; problem: "format"; detail: string }
  | { ok: false; problem: "missing-ci"; id: string }
  | { ok: false; problem: "ci-type"; id: string; actual: string; expected: string };

export interface ConversionContext {
  types: TypeRegistry;
  /** Looks a CI up by id, for CI parameters written as text. */
  resolveCi(id: string): ConfigurationItem | undefined;
}

const integerPattern = /^[+-]?\d+$/;
const javaIntegerLimit = 2 ** 31;

export function convertText(text: string, parameter: StepParameterDescriptor, context: ConversionContext): Conversion {
  switch (parameter.kind) {
    case "string":
    case "object":
      return { ok: true, value: text };
    case "integer": {
      const value = Number(text);
      if (!integerPattern.test(text) || value < -javaIntegerLimit || value >= javaIntegerLimit) {
        return { ok: false, problem: "format", detail: "Write a whole number such as 60." };
      }
      return { ok: true, value };
    }
    case "boolean": {
      const lower = text.toLowerCase();
      if (lower === "true" || lower === "false") return { ok: true, value: lower === "true" };
      return { ok: false, problem: "format", detail: "Write true or false." };
    }
    case "enum":
      if (parameter.enumValues && !parameter.enumValues.includes(text)) {
        return { ok: false, problem: "format", detail: `The values are ${parameter.enumValues.join(", ")}.` };
      }
      return { ok: true, value: text };
    case "ci":
      return checkCi(context.resolveCi(text), text, parameter, context);
    case "map":
    case "list":
      if (text === "") return { ok: true, value: parameter.kind === "map" ? {} : [] };
      return {
        ok: false,
        problem: "format",
        detail:
          parameter.kind === "map"
            ? "Write map entries as child elements, or use an expression."
            : "Write list entries as <value> elements, or use an expression.",
      };
  }
}

/** A value from an expression or a script keyword. `null`/`undefined` never get here (they mean "not given"). */
export function convertValue(
  value: unknown,
  parameter: StepParameterDescriptor,
  context: ConversionContext,
): Conversion {
  if (typeof value === "string" && parameter.kind !== "map" && parameter.kind !== "list") {
    return convertText(value, parameter, context);
  }
  switch (parameter.kind) {
    case "object":
      return { ok: true, value };
    case "string":
    case "enum":
      return mismatch(value, "Make the expression give a string, e.g. with str(…).");
    case "integer":
      if (typeof value === "number" && Number.isInteger(value)) return { ok: true, value };
      return mismatch(value, "Make the expression give a whole number, e.g. with int(…).");
    case "boolean":
      if (typeof value === "boolean") return { ok: true, value };
      return mismatch(value, "Make the expression give True or False.");
    case "ci":
      if (isConfigurationItem(value)) return checkCi(value, value.id, parameter, context);
      return mismatch(value, "Make the expression give a configuration item, e.g. deployed.container.");
    case "map":
      if (value instanceof Map)
        return { ok: true, value: Object.fromEntries([...value].map(([k, v]) => [String(k), v])) };
      if (isPlainObject(value)) return { ok: true, value: { ...value } };
      return mismatch(value, "Make the expression give a dict.");
    case "list":
      if (Array.isArray(value)) return { ok: true, value: [...value] };
      if (value instanceof Set) return { ok: true, value: [...value] };
      return mismatch(value, "Make the expression give a list.");
  }
}

function checkCi(
  ci: ConfigurationItem | undefined,
  id: string,
  parameter: StepParameterDescriptor,
  context: ConversionContext,
): Conversion {
  if (!ci) return { ok: false, problem: "missing-ci", id };
  const expected = parameter.ciType;
  // A CI type no loaded plugin defines cannot be checked; the step's own code decides later.
  if (expected && context.types.has(expected) && !context.types.isSubtypeOf(ci.type, expected)) {
    return { ok: false, problem: "ci-type", id: ci.id, actual: ci.type, expected };
  }
  return { ok: true, value: ci };
}

function mismatch(value: unknown, detail: string): Conversion {
  return { ok: false, problem: "format", detail: `The value is ${describeValue(value)}. ${detail}` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || isConfigurationItem(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** How a value is named in messages: its Python-ish kind and a short form. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "string") return `the string '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === "number") return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (isConfigurationItem(value)) return `the CI ${value.id}`;
  if (Array.isArray(value)) return "a list";
  if (value instanceof Map || isPlainObject(value)) return "a dict";
  if (value instanceof Set) return "a set";
  return `a ${typeof value}`;
}
