import pc from "picocolors";
import { type Diagnostic, formatLocation } from "./diagnostic.js";

export interface FormatOptions {
  color: boolean;
}

/** `file:line:col error PW1234: message` and an indented hint line (DESIGN §2.5). */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = { color: false }): string {
  const c = pc.createColors(options.color);
  const where = d.file ? `${formatLocation(d)} ` : "";
  const severity =
    d.severity === "error" ? c.red("error") : d.severity === "warning" ? c.yellow("warning") : c.blue("info");
  const rule = d.rule ? ` [rule ${d.rule}]` : "";
  const head = `${c.bold(where)}${severity} ${c.dim(d.code)}: ${d.message}${rule}`;
  return d.hint ? `${head}\n  ${c.dim(`hint: ${d.hint}`)}` : head;
}

export function formatDiagnostics(all: readonly Diagnostic[], options?: FormatOptions): string {
  return all.map((d) => formatDiagnostic(d, options)).join("\n");
}

/** Stable order for output: by file, line, column, then code. */
export function sortDiagnostics(all: readonly Diagnostic[]): Diagnostic[] {
  return [...all].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
