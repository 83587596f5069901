/**
 * Resolves the simple FreeMarker forms that generic plugin property values use
 * (generic-plugins.md §0.2): `${a.b.c}`, `${a.b!default}` and `${a.b!}`, where the default is a
 * quoted string, a number or true/false. `lookup` walks a dotted path and returns undefined
 * for a missing value. Anything else — directives (`<#if …>`), built-ins (`?string`),
 * expressions, a missing value without default, or a value that is not text, a number or a
 * boolean — keeps the whole text as written, for FreeMarker to render at execution time.
 */
export function resolveFreemarkerText(text: string, lookup: (path: string[]) => unknown): string {
  if (!text.includes("${")) return text;
  if (/<#|<@|\[#|\[@/.test(text)) return text;
  let unresolved = false;
  const resolved = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    const value = interpolate(inner, lookup);
    if (value === undefined) {
      unresolved = true;
      return whole;
    }
    return value;
  });
  return unresolved ? text : resolved;
}

const interpolation =
  /^\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(?:(!)\s*(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?|true|false))?)?\s*$/;

function interpolate(inner: string, lookup: (path: string[]) => unknown): string | undefined {
  const match = interpolation.exec(inner);
  if (!match) return undefined;
  const [, path, bang, doubleQuoted, singleQuoted, literal] = match;
  const value = lookup(path!.split("."));
  if (value === undefined || value === null) {
    if (!bang) return undefined;
    return doubleQuoted ?? singleQuoted ?? literal ?? "";
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}
