import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostics, sortDiagnostics } from "../diagnostics/format.js";

/** `--home`, else `$PLANWRIGHT_HOME`, else the current directory (DESIGN §2.3). */
export function resolveHome(option: string | undefined): string {
  return path.resolve(option ?? process.env.PLANWRIGHT_HOME ?? process.cwd());
}

/** Colour only on a terminal; `NO_COLOR` and `--no-color` turn it off. */
export function useColor(stream: NodeJS.WriteStream, noColorFlag = false): boolean {
  if (noColorFlag || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "")) return false;
  return stream.isTTY === true;
}

/** Diagnostics go to stderr as text, sorted, whatever the data format. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], noColorFlag = false): void {
  if (diagnostics.length === 0) return;
  const text = formatDiagnostics(sortDiagnostics(diagnostics), { color: useColor(process.stderr, noColorFlag) });
  process.stderr.write(`${text}\n`);
}

/** Data goes to stdout, or to `--output FILE`. */
export function writeData(text: string, output?: string): void {
  const body = text.endsWith("\n") ? text : `${text}\n`;
  if (output) writeFileSync(output, body);
  else process.stdout.write(body);
}
