import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceText } from "../rules/model.js";
import type { TypeRegistry } from "../types/model.js";

/**
 * The contract between the planner and the Jython-compatible runtime (DESIGN §4).
 *
 * Binding values the runtime understands: JS primitives (string → str or unicode as the
 * runtime decides, number, boolean, null/undefined → None), arrays (→ list), Map and plain
 * objects (→ dict), Set (→ set), `ConfigurationItem` (→ CI bridge), `Delta` and
 * `DeltaSpecification` (recognised by shape), and `HostObject`s (see host-object.ts).
 *
 * Values coming back: None → null, bool → boolean, int/long/float → number, str/unicode →
 * string, list/tuple → array, set → Set, dict → Map, CI proxies → the ConfigurationItem,
 * host objects → themselves, anything else → an opaque object whose String() is its repr.
 */
export interface CompiledExpression {
  readonly source: SourceText;
  /** True when the fast path compiled it; false when it needs the full interpreter. */
  readonly fastPath: boolean;
}

export interface CompiledScript {
  readonly source: SourceText;
}

export interface EvaluationOptions {
  /** Rule name for diagnostics. */
  rule?: string;
}

/** A value as the `eval` command shows it. */
export interface DisplayValue {
  /** Python type name (`str`, `unicode`, `int`, `long`, `NoneType`, `list`, ...). */
  type: string;
  /** repr() as Jython 2.7 prints it. */
  repr: string;
  /** JSON form per DESIGN §2.3 (`eval --format json`). */
  json: unknown;
}

export interface PythonRuntime {
  /** Compiles once; a syntax error comes back as a PW6xxx diagnostic at the source's location. */
  compileExpression(text: SourceText, options?: EvaluationOptions): CompiledExpression | Diagnostic;
  compileScript(text: SourceText, options?: EvaluationOptions): CompiledScript | Diagnostic;
  /** True when any of these needs the full interpreter (so the caller can `load()` first). */
  needsInterpreter(compiled: readonly (CompiledExpression | CompiledScript)[]): boolean;
  /** Loads the full interpreter once per process; resolves immediately when loaded. */
  load(): Promise<void>;
  readonly interpreterLoaded: boolean;
  /**
   * Evaluates synchronously. Throws `DiagnosticError` (PW6xxx: Python exception with
   * type, message, file and Python line; time limit exceeded) naming `options.rule`.
   * A fast-path expression never needs `load()`; others need it to have resolved.
   */
  evaluate(compiled: CompiledExpression, bindings: Record<string, unknown>, options?: EvaluationOptions): unknown;
  evaluateForDisplay(
    compiled: CompiledExpression,
    bindings: Record<string, unknown>,
    options?: EvaluationOptions,
  ): DisplayValue;
  runScript(compiled: CompiledScript, bindings: Record<string, unknown>, options?: EvaluationOptions): void;
}

export interface PythonRuntimeOptions {
  types: TypeRegistry;
  /** Per evaluation or script run; default 10 000 ms (planner.conf `xl.python.time-limit`). */
  timeLimitMs?: number;
  /** Where Python's stdout/stderr and `logger` go. */
  log?: (level: "debug" | "info" | "warn" | "error", message: string) => void;
}
