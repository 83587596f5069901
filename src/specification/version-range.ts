/**
 * Application dependency ranges as XL Deploy writes them (Maven style): `1.0` (exactly),
 * `[1.0,2.0)`, `(1.0,2.0]`, `[1.0,)`, `(,2.0]`, `[1.0]`.
 */
export interface VersionRange {
  lower?: { version: string; inclusive: boolean };
  upper?: { version: string; inclusive: boolean };
}

/** Undefined when the text is not a range. */
export function parseVersionRange(text: string): VersionRange | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const first = trimmed[0];
  if (first !== "[" && first !== "(") {
    return /[[\](),]/.test(trimmed)
      ? undefined
      : { lower: { version: trimmed, inclusive: true }, upper: { version: trimmed, inclusive: true } };
  }
  const last = trimmed[trimmed.length - 1];
  if (last !== "]" && last !== ")") return undefined;
  const inner = trimmed.slice(1, -1);
  const parts = inner.split(",").map((part) => part.trim());
  if (parts.length === 1) {
    if (first !== "[" || last !== "]" || parts[0] === "") return undefined;
    return { lower: { version: parts[0], inclusive: true }, upper: { version: parts[0], inclusive: true } };
  }
  if (parts.length !== 2 || (parts[0] === "" && parts[1] === "")) return undefined;
  const range: VersionRange = {};
  if (parts[0] !== "") range.lower = { version: parts[0], inclusive: first === "[" };
  if (parts[1] !== "") range.upper = { version: parts[1], inclusive: last === "]" };
  if (range.lower && range.upper && compareVersions(range.lower.version, range.upper.version) > 0) return undefined;
  return range;
}

export function satisfies(version: string, range: VersionRange): boolean {
  if (range.lower) {
    const order = compareVersions(version, range.lower.version);
    if (order < 0 || (order === 0 && !range.lower.inclusive)) return false;
  }
  if (range.upper) {
    const order = compareVersions(version, range.upper.version);
    if (order > 0 || (order === 0 && !range.upper.inclusive)) return false;
  }
  return true;
}

/**
 * Compares version names segment by segment (`.`, `-`, `_`): numbers numerically, text
 * lexicographically, a number before text, and a version with fewer segments before one
 * that extends it (1.0 < 1.0.1). Good enough for the SemVer-like names packages carry.
 */
export function compareVersions(left: string, right: string): number {
  const a = left.split(/[.\-_]/);
  const b = right.split(/[.\-_]/);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const x = a[i];
    const y = b[i];
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) {
      const difference = Number(x) - Number(y);
      if (difference !== 0) return Math.sign(difference);
    } else if (xNumeric !== yNumeric) {
      return xNumeric ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}
