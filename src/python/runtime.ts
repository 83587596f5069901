import { diagnostic, type MessageArguments } from "../diagnostics/catalogue.js";
import { type Diagnostic, DiagnosticError } from "../diagnostics/diagnostic.js";
import type { SourceText } from "../rules/model.js";
import type {
  CompiledExpression,
  CompiledScript,
  DisplayValue,
  EvaluationOptions,
  PythonRuntime,
  PythonRuntimeOptions,
} from "./api.js";
import { compileFastExpression, type FastExpression } from "./fastpath/fast-expression.js";
import { displayValue } from "./interpreter/display.js";
import { type PluginModuleSource, PyodideHost, type PythonCode, PythonFailure } from "./interpreter/pyodide-host.js";
import { type PythonEnvironment, toHost } from "./values/ci-bridge.js";
import { PythonException } from "./values/python-exception.js";

export const defaultTimeLimitMs = 10_000;

export interface PlanwrightRuntimeOptions extends PythonRuntimeOptions {
  /** Python modules on the plugin classpath, by dotted name (`rules.helpers`). */
  resolveModule?: (dottedName: string) => PluginModuleSource | undefined;
}

/** A PythonRuntime that also says how often each path was taken (benchmarks, tests). */
export interface PlanwrightRuntime extends PythonRuntime {
  readonly statistics: { fastEvaluations: number; interpreterEvaluations: number; scriptRuns: number };
}

interface Expression extends CompiledExpression {
  readonly fast: FastExpression | undefined;
  code: PythonCode | undefined;
}

interface Script extends CompiledScript {
  code: PythonCode | undefined;
}

/**
 * The Jython-compatible runtime (DESIGN §4): expressions take the fast path when it accepts
 * them and Pyodide otherwise; scripts always run in Pyodide. Compiled forms are cached by
 * source and position, so each source compiles once per process. The interpreter loads only
 * on `load()`; until then, sources that need it are compiled when they first run, so a
 * syntax error in them surfaces from `evaluate`/`runScript` as a DiagnosticError.
 */
export function createPythonRuntime(options: PlanwrightRuntimeOptions): PlanwrightRuntime {
  return new Runtime(options);
}

class Runtime implements PlanwrightRuntime {
  private host: PyodideHost | undefined;
  private loading: Promise<void> | undefined;
  private readonly expressions = new Map<string, Expression>();
  private readonly scripts = new Map<string, Script>();
  private readonly environment: PythonEnvironment;
  private readonly timeLimitMs: number;
  private compiledCount = 0;
  readonly statistics = { fastEvaluations: 0, interpreterEvaluations: 0, scriptRuns: 0 };

  constructor(private readonly options: PlanwrightRuntimeOptions) {
    this.environment = { types: options.types };
    this.timeLimitMs = options.timeLimitMs ?? defaultTimeLimitMs;
  }

  get interpreterLoaded(): boolean {
    return this.host !== undefined;
  }

  compileExpression(text: SourceText, options: EvaluationOptions = {}): CompiledExpression | Diagnostic {
    const key = sourceKey(text);
    const cached = this.expressions.get(key);
    if (cached) return cached;
    const fast = compileFastExpression(text.source);
    const expression: Expression = { source: text, fastPath: fast !== undefined, fast, code: undefined };
    if (!fast && this.host) {
      const code = this.host.compile(text, "eval", this.uniqueName(text));
      if (code instanceof PythonFailure) return this.failureDiagnostic(code, text, options);
      expression.code = code;
    }
    this.expressions.set(key, expression);
    return expression;
  }

  compileScript(text: SourceText, options: EvaluationOptions = {}): CompiledScript | Diagnostic {
    const key = sourceKey(text);
    const cached = this.scripts.get(key);
    if (cached) return cached;
    const script: Script = { source: text, code: undefined };
    if (this.host) {
      const code = this.host.compile(text, "exec", this.uniqueName(text));
      if (code instanceof PythonFailure) return this.failureDiagnostic(code, text, options);
      script.code = code;
    }
    this.scripts.set(key, script);
    return script;
  }

  needsInterpreter(compiled: readonly (CompiledExpression | CompiledScript)[]): boolean {
    return compiled.some((item) => !("fastPath" in item) || !item.fastPath);
  }

  load(): Promise<void> {
    this.loading ??= PyodideHost.start({
      types: this.options.types,
      log: this.options.log ?? (() => {}),
      resolveModule: this.options.resolveModule,
    }).then(
      (host) => {
        this.host = host;
      },
      (error: unknown) => {
        throw new DiagnosticError([
          diagnostic("PW6054", { message: error instanceof Error ? error.message : String(error) }),
        ]);
      },
    );
    return this.loading;
  }

  evaluate(compiled: CompiledExpression, bindings: Record<string, unknown>, options: EvaluationOptions = {}): unknown {
    return toHost(this.evaluateValue(compiled as Expression, bindings, options));
  }

  evaluateForDisplay(
    compiled: CompiledExpression,
    bindings: Record<string, unknown>,
    options: EvaluationOptions = {},
  ): DisplayValue {
    return displayValue(this.evaluateValue(compiled as Expression, bindings, options));
  }

  runScript(compiled: CompiledScript, bindings: Record<string, unknown>, options: EvaluationOptions = {}): void {
    const script = compiled as Script;
    const host = this.requireHost();
    script.code ??= this.compileOrThrow(host, script.source, "exec", options);
    this.statistics.scriptRuns++;
    const result = host.run(script.code, bindings, this.timeLimitMs);
    if (result instanceof PythonFailure) this.throwFailure(result, script.source, options);
  }

  /** The result in the value model (values/model.ts). */
  private evaluateValue(
    expression: Expression,
    bindings: Record<string, unknown>,
    options: EvaluationOptions,
  ): unknown {
    if (expression.fast) {
      this.statistics.fastEvaluations++;
      try {
        return expression.fast.evaluate(bindings, this.environment);
      } catch (error) {
        if (error instanceof PythonException) {
          throw new DiagnosticError([
            diagnostic(
              "PW6050",
              { subject: subject(options), pythonType: error.pythonType, message: error.message },
              at(expression.source, options),
            ),
          ]);
        }
        throw error;
      }
    }
    const host = this.requireHost();
    expression.code ??= this.compileOrThrow(host, expression.source, "eval", options);
    this.statistics.interpreterEvaluations++;
    const result = host.run(expression.code, bindings, this.timeLimitMs);
    if (result instanceof PythonFailure) this.throwFailure(result, expression.source, options);
    return result;
  }

  private requireHost(): PyodideHost {
    if (!this.host) throw new Error("PythonRuntime.load() must resolve before this code runs");
    return this.host;
  }

  private compileOrThrow(host: PyodideHost, text: SourceText, mode: "eval" | "exec", options: EvaluationOptions) {
    const code = host.compile(text, mode, this.uniqueName(text));
    if (code instanceof PythonFailure) this.throwFailure(code, text, options);
    return code;
  }

  private uniqueName(text: SourceText): string {
    this.compiledCount++;
    return `${text.location.file}#${this.compiledCount}`;
  }

  private throwFailure(failure: PythonFailure, text: SourceText, options: EvaluationOptions): never {
    if (failure.kind === "host") {
      if (failure.hostError instanceof DiagnosticError) throw failure.hostError;
    }
    throw new DiagnosticError([this.failureDiagnostic(failure, text, options)]);
  }

  private failureDiagnostic(failure: PythonFailure, text: SourceText, options: EvaluationOptions): Diagnostic {
    const where = {
      file: failure.file ?? text.location.file,
      line: failure.line ?? text.location.line,
      column: failure.column,
      rule: options.rule,
    };
    const args: MessageArguments = { subject: subject(options), message: failure.message };
    switch (failure.kind) {
      case "timeout":
        return diagnostic("PW6053", { ...args, limit: this.timeLimitMs }, at(text, options));
      case "host": {
        const error = failure.hostError;
        const pythonType = error instanceof Error ? error.name : "JavaException";
        const message = error instanceof Error ? error.message : String(error);
        return diagnostic("PW6050", { ...args, pythonType, message }, where);
      }
      case "python":
        if (failure.pythonType === "SyntaxError" || failure.pythonType === "IndentationError") {
          return diagnostic("PW6052", args, where);
        }
        if (failure.pythonType === "ImportError" && failure.importName) {
          return diagnostic("PW6051", { ...args, module: failure.importName }, where);
        }
        return diagnostic("PW6050", { ...args, pythonType: failure.pythonType }, where);
    }
  }
}

function sourceKey(text: SourceText): string {
  const { file, line, column } = text.location;
  return `${file}\u0000${line ?? ""}\u0000${column ?? ""}\u0000${text.source}`;
}

function subject(options: EvaluationOptions): string {
  return options.rule === undefined ? "Python code" : `rule '${options.rule}'`;
}

function at(text: SourceText, options: EvaluationOptions) {
  return { file: text.location.file, line: text.location.line, column: text.location.column, rule: options.rule };
}
