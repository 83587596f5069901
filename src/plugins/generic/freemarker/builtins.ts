import { Unresolvable } from "./model.js";
import { computerNumber, isSequence, printedNumber, type Value } from "./value.js";

/**
 * The built-ins of the subset, applied to an evaluated target (undefined: missing, which only
 * `?has_content` accepts) and evaluated arguments. Anything FreeMarker would reject, or whose
 * result depends on server settings, is Unresolvable.
 */
export function applyBuiltin(name: string, target: Value | undefined, args: Value[]): Value {
  if (name === "has_content") return hasContent(target);
  if (target === undefined) throw new Unresolvable(`?${name} of a missing value`);
  if (name === "string") return args.length === 0 ? asString(target) : booleanChoice(target, args);
  if (args.length > 0) throw new Unresolvable(`?${name} takes no arguments`);
  switch (name) {
    case "upper_case":
      return text(target, name).toUpperCase();
    case "lower_case":
      return text(target, name).toLowerCase();
    case "trim":
      return javaTrim(text(target, name));
    case "length":
      return text(target, name).length;
    case "c":
      if (typeof target === "boolean") return String(target);
      if (typeof target === "number") return computerNumber(target);
      throw new Unresolvable("?c of a non-number");
    case "number":
      return typeof target === "number" ? target : parsedNumber(text(target, name));
    case "boolean":
      return typeof target === "boolean" ? target : parsedBoolean(text(target, name));
    case "size":
      if (isSequence(target)) return target.items.length;
      throw new Unresolvable("?size of a non-sequence");
    default:
      throw new Unresolvable(`built-in ?${name}`);
  }
}

function hasContent(target: Value | undefined): boolean {
  if (target === undefined) return false;
  if (typeof target === "string") return target.length > 0;
  if (typeof target === "number" || typeof target === "boolean") return true;
  if (isSequence(target)) return target.items.length > 0;
  throw new Unresolvable("?has_content of a CI or map");
}

/** `?string`: booleans as true/false (the default boolean_format), numbers as `${…}` prints them. */
function asString(target: Value): string {
  if (typeof target === "string") return target;
  if (typeof target === "number") return printedNumber(target);
  if (typeof target === "boolean") return String(target);
  throw new Unresolvable(`?string of a ${target.kind}`);
}

/** `?string("yes", "no")` of a boolean. */
function booleanChoice(target: Value, args: Value[]): string {
  const [whenTrue, whenFalse] = args;
  if (typeof target !== "boolean" || args.length !== 2 || typeof whenTrue !== "string" || typeof whenFalse !== "string")
    throw new Unresolvable("?string(…) of a non-boolean or with other arguments");
  return target ? whenTrue : whenFalse;
}

function text(target: Value, name: string): string {
  if (typeof target === "string") return target;
  throw new Unresolvable(`?${name} of a non-string`);
}

/** Java's String.trim: strips characters up to U+0020 at both ends (not Unicode spaces). */
function javaTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return value.slice(start, end);
}

/** Plain decimal numbers only; FreeMarker's other accepted forms are left to it. */
function parsedNumber(value: string): number {
  if (!/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/.test(value)) throw new Unresolvable(`?number of "${value}"`);
  return Number(value);
}

function parsedBoolean(value: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  throw new Unresolvable(`?boolean of "${value}"`);
}
