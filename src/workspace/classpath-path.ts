/**
 * Normalises a classpath path to `a/b/c` form, or returns undefined when it escapes its root:
 * absolute (`/x`, `\x`, `C:\x`) or climbing above the root with `..`. Backslashes count as
 * separators because plugin files written on Windows use them.
 */
export function normalizeClasspathPath(path: string): string | undefined {
  const slashed = path.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed)) return undefined;
  const segments: string[] = [];
  for (const segment of slashed.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.join("/");
}
