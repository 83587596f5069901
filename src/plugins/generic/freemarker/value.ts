import { Unresolvable, unknownValue } from "./model.js";

/** A list of strings (set/list of string properties); a set's order is unknown, so it is not iterated or indexed. */
export interface SequenceValue {
  kind: "sequence";
  items: readonly string[];
  ordered: boolean;
}

/** A CI, a map or a list of CIs: walked by longer lookup paths, never printed or compared. */
export interface NodeValue {
  kind: "node";
  path: readonly string[];
}

export type Value = string | number | boolean | SequenceValue | NodeValue;

/** A lookup result as a value; undefined when missing. */
export function lookedUpValue(found: unknown, path: readonly string[]): Value | undefined {
  if (found === undefined || found === null) return undefined;
  if (found === unknownValue) throw new Unresolvable(`${path.join(".")} is known only at execution time`);
  if (typeof found === "string" || typeof found === "boolean") return found;
  if (typeof found === "number") {
    if (!Number.isFinite(found)) throw new Unresolvable("non-finite number");
    return found;
  }
  const ordered = Array.isArray(found);
  const items: unknown[] | undefined = ordered ? found : found instanceof Set ? [...found] : undefined;
  if (items?.every((item) => typeof item === "string")) return { kind: "sequence", items, ordered };
  if (typeof found === "object") return { kind: "node", path };
  throw new Unresolvable(`unsupported value at ${path.join(".")}`);
}

/**
 * A number as `${…}` prints it. FreeMarker formats with the server's number_format and locale
 * (by default with grouping: 1234 → "1,234"), unknown here; only small integers print the same
 * under every format.
 */
export function printedNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  throw new Unresolvable(`${value} prints by the server's number format`);
}

/** A number as `?c` prints it: integers plainly; fractions are left to FreeMarker. */
export function computerNumber(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  throw new Unresolvable(`${value} with ?c`);
}

/** Text for `${…}` and string concatenation; booleans, sequences and nodes are errors there in FreeMarker. */
export function printed(value: Value): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return printedNumber(value);
  throw new Unresolvable(
    typeof value === "boolean" ? "boolean printed without ?c or ?string" : `${value.kind} printed`,
  );
}

export function isSequence(value: Value): value is SequenceValue {
  return typeof value === "object" && value.kind === "sequence";
}
