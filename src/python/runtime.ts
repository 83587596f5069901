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
import {
  compileFastScript,
  type FastScript,
  pythonLineOf,
  pythonModuleOf,
  ScriptTimeout,
} from "./fastpath/fast-script.js";
import type { ModuleRegistry } from "./fastpath/home-modules.js";
import { displayValue } from "./interpreter/display.js";
import {
  type PluginModuleSource,
  PyodideHost,
  type PyodideHostOptions,
  type PythonCode,
  PythonFailure,
} from "./interpreter/pyodide-host.js";
import { type PythonEnvironment, toHost } from "./values/ci-bridge.js";
import { PythonException } from "./values/python-exception.js";

const defaultTimeLimitMs = 10_000;

export interface PlanwrightRuntimeOptions extends PythonRuntimeOptions {
  /** Python modules on the plugin classpath, by dotted name (`rules.helpers`). */
  resolveModule?: (dottedName: string) => PluginModuleSource | undefined;
}

/** A PythonRuntime that also says how often each path was taken (benchmarks, tests). */
export interface PlanwrightRuntime extends PythonRuntime {
  readonly statistics: {
    fastEvaluations: number;
    interpreterEvaluations: number;
    scriptRuns: number;
    fastScriptRuns: number;
  };
}

interface Expression extends CompiledExpression {
  readonly fast: FastExpression | undefined;
  code: PythonCode | undefined;
}

interface Script extends CompiledScript {
  /** Same meaning as CompiledExpression.fastPath (the planner hands fast code all bindings). */
  readonly fastPath: boolean;
  readonly fast: FastScript | undefined;
  code: PythonCode | undefined;
}

/**
 * One Pyodide per process, shared by every runtime (it takes seconds to start); each run
 * re-binds it to its runtime's types, log and classpath.
 */
let sharedHost: Promise<PyodideHost> | undefined;
let loadedHost: PyodideHost | undefined;
/** Names of compiled code, unique in the process because the interpreter is. */
let compiledCount = 0;

/**
 * The Jython-compatible runtime (DESIGN §4): expressions and planning scripts take the fast
 * path when it accepts them and Pyodide otherwise. Compiled forms are cached by source and
 * position, so each source compiles once per runtime. The interpreter loads only on
 * `load()`; until then, sources that need it are compiled when they first run, so a syntax
 * error in them surfaces from `evaluate`/`runScript` as a DiagnosticError.
 */
export function createPythonRuntime(options: PlanwrightRuntimeOptions): PlanwrightRuntime {
  return new Runtime(options);
}

class Runtime implements PlanwrightRuntime {
  private loading: Promise<void> | undefined;
  private readonly expressions = new Map<string, Expression>();
  private readonly scripts = new Map<string, Script>();
  private readonly environment: PythonEnvironment;
  private readonly timeLimitMs: number;
  private readonly hostOptions: PyodideHostOptions;
  private readonly log: NonNullable<PythonRuntimeOptions["log"]>;
  private readonly resolveModule: PlanwrightRuntimeOptions["resolveModule"];
  /**
   * Home modules fast scripts imported: run once per runtime, as the interpreter runs a
   * module once while it serves this runtime's classpath (a module imported by both paths runs in each).
   */
  private readonly modules: ModuleRegistry = new Map();
  /**
   * Where scripts importing home modules run, fixed at the first one: in the interpreter when
   * it is loaded then (scripts it runs import the same modules), else on the fast path.
   */
  private modulesPath: "fast" | "interpreter" | undefined;
  readonly statistics = { fastEvaluations: 0, interpreterEvaluations: 0, scriptRuns: 0, fastScriptRuns: 0 };

  constructor(options: PlanwrightRuntimeOptions) {
    this.environment = { types: options.types };
    this.timeLimitMs = options.timeLimitMs ?? defaultTimeLimitMs;
    this.log = options.log ?? (() => {});
    this.resolveModule = options.resolveModule;
    this.hostOptions = { types: options.types, log: this.log, resolveModule: options.resolveModule };
  }

  get interpreterLoaded(): boolean {
    return this.host !== undefined;
  }

  /** The process's interpreter once loaded, bound to this runtime. */
  private get host(): PyodideHost | undefined {
    loadedHost?.bind(this.hostOptions);
    return loadedHost;
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
    const fast = compileFastScript(text.source, { resolveModule: this.resolveModule });
    const script: Script = { source: text, fastPath: fast !== undefined, fast, code: undefined };
    if (!fast && this.host) {
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
    sharedHost ??= PyodideHost.start(this.hostOptions);
    this.loading ??= sharedHost.then(
      (host) => {
        loadedHost = host;
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
    if (script.fast?.importsModules) this.modulesPath ??= this.host ? "interpreter" : "fast";
    if (script.fast && (!script.fast.importsModules || this.modulesPath === "fast")) {
      this.runFastScript(script.fast, script.source, bindings, options);
      return;
    }
    const host = this.requireHost();
    script.code ??= this.compileOrThrow(host, script.source, "exec", options);
    this.statistics.scriptRuns++;
    const result = host.run(script.code, bindings, this.timeLimitMs);
    if (result instanceof PythonFailure) this.throwFailure(result, script.source, options);
  }

  /**
   * A fast script needs no watchdog: its loops and function calls check the deadline as
   * they go, and its recursion stops at Jython's limit. Its failures become the
   * diagnostics the interpreter would give.
   */
  private runFastScript(
    fast: FastScript,
    text: SourceText,
    bindings: Record<string, unknown>,
    options: EvaluationOptions,
  ): void {
    this.statistics.scriptRuns++;
    this.statistics.fastScriptRuns++;
    const env = {
      types: this.environment.types,
      log: this.log,
      deadline: Date.now() + this.timeLimitMs,
      modules: this.modules,
    };
    try {
      fast.run(bindings, env);
    } catch (error) {
      if (error instanceof DiagnosticError) throw error;
      const args: MessageArguments = { subject: subject(options) };
      if (error instanceof ScriptTimeout) {
        throw new DiagnosticError([
          diagnostic("PW6053", { ...args, message: "", limit: this.timeLimitMs }, at(text, options)),
        ]);
      }
      if (error instanceof PythonException) {
        const line = pythonLineOf(error);
        // A statement of an imported home module raised it: its file and line, as the interpreter reports them.
        const source = pythonModuleOf(error) ?? text.location;
        const where = {
          file: source.file,
          line: line === undefined ? source.line : (source.line ?? 1) + line - 1,
          rule: options.rule,
        };
        throw new DiagnosticError([
          diagnostic("PW6050", { ...args, pythonType: error.pythonType, message: error.message }, where),
        ]);
      }
      // What a host function threw reaches the interpreter's caller the same way (PythonFailure "host").
      const pythonType = error instanceof Error ? error.name : "JavaException";
      const message = error instanceof Error ? error.message : String(error);
      throw new DiagnosticError([
        diagnostic(
          "PW6050",
          { ...args, pythonType, message },
          { file: text.location.file, line: text.location.line, rule: options.rule },
        ),
      ]);
    }
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
    compiledCount++;
    return `${text.location.file}#${compiledCount}`;
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
