/**
 * The spellings of step and parameter names (reference §1.1, corpus survey §5.1): XML uses
 * kebab-case (`os-script`, `target-host`), Python factories use underscores
 * (`steps.os_script(target_host=…)`), and Java-style declarations are camelCase, dashed one
 * capital at a time (`defaultHostURL` → `default-host-u-r-l`).
 */

/** `uploadOnly` → `upload-only`; `defaultHostURL` → `default-host-u-r-l`; dashed names stay. */
export function camelToKebab(name: string): string {
  let result = "";
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    const lower = c.toLowerCase();
    if (c !== lower && i > 0 && name[i - 1] !== "-" && name[i - 1] !== "_") result += `-${lower}`;
    else result += lower;
  }
  return result;
}

/** `os_script` → `os-script`. */
export function underscoresToDashes(name: string): string {
  return name.replaceAll("_", "-");
}

/**
 * Every spelling under which `name` may be registered, most literal first: as written,
 * underscores as dashes, camelCase dashed. Lookups try each in turn.
 */
export function nameCandidates(name: string): string[] {
  const dashed = underscoresToDashes(name);
  const candidates = [name, dashed, camelToKebab(dashed)];
  return candidates.filter((candidate, index) => candidates.indexOf(candidate) === index);
}
