/** A problem a user can cause, as data (DESIGN §2.5). Rendered by `format.ts`. */
export type Severity = "error" | "warning" | "info";

export interface SourceLocation {
  /** Path relative to the home; inside an archive `plugins/x.jar!/xl-rules.xml`. */
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Name of the rule the problem belongs to, when there is one. */
  rule?: string;
  hint?: string;
}

/** `file:line:column`, leaving out the parts not known. */
export function formatLocation(location: Partial<SourceLocation>): string {
  return [location.file, location.line, location.column].filter((part) => part !== undefined).join(":");
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * Thrown only where a stage must stop (e.g. planning a rule that failed). Carries
 * catalogue diagnostics; the CLI prints them and exits 1. Never used for internal bugs.
 */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"));
    this.name = "DiagnosticError";
  }
}
