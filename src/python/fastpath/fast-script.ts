import type { SourceLocation } from "../../diagnostics/diagnostic.js";
import { isConfigurationItem } from "../../repository/model.js";
import { isHostObject } from "../host-object.js";
import { PythonCheckpoint } from "../interpreter/host-values.js";
import { builtins } from "../values/builtins.js";
import {
  attributeError,
  fromHost,
  getItemOf,
  HostFunction,
  type PythonEnvironment,
  setCiProperty,
  toHost,
} from "../values/ci-bridge.js";
import { iterate, unimplementedMethods } from "../values/methods.js";
import {
  isDelta,
  JavaHashMap,
  JavaHashSet,
  JavaName,
  PyDict,
  PySet,
  PyStr,
  PyTuple,
  type PyValue,
  pythonTypeName,
} from "../values/model.js";
import { compare, equals, numericRank, toBigInt, truthy } from "../values/operations.js";
import { isExceptionClass, isExceptionSubclass, PythonException, typeError } from "../values/python-exception.js";
import { exceptionArgs, isText, makeText, repr, str, textOf } from "../values/text.js";
import {
  binaryOperations,
  callMethod,
  callValue,
  declineBuiltinValue,
  type Evaluator,
  ExpressionCompiler,
  getAttribute,
} from "./fast-expression.js";
import {
  type HomeModuleSource,
  isHomeModuleName,
  type ModuleRegistry,
  type ResolveModule,
  ScriptModule,
} from "./home-modules.js";
import { sortInPlace } from "./list-sort.js";
import type { BinaryOperator, Node } from "./parser.js";
import {
  addMappingKeywords,
  bindArguments,
  type FunctionCode,
  instantiateException,
  type KeywordArgument,
  raisedInstance,
  ScriptFunction,
  starItems,
} from "./script-function.js";
import {
  addComprehensionTargets,
  collectAssignedNames,
  containsTry,
  type FunctionScope,
  functionScope,
  walk,
  walkCalls,
  walkDefinitions,
} from "./script-scopes.js";
import { type FunctionDefinition, parseScript, type Statement } from "./statement-parser.js";
import { Decline } from "./tokenizer.js";

/** What a script run needs besides its bindings. */
export interface ScriptEnvironment extends PythonEnvironment {
  /** Where `print` writes, line by line (the interpreter's stdout goes to "info" too). */
  log(level: "info", message: string): void;
  /** Date.now() after which loops stop the run (ScriptTimeout). */
  readonly deadline: number;
  /** The home modules imported so far, kept across runs (the runtime's); a run without one imports afresh. */
  readonly modules?: ModuleRegistry;
}

/**
 * A planning script compiled to JS closures (the statement subset of statement-parser.ts).
 * `run` throws PythonException (its script line through `pythonLineOf`), ScriptTimeout, or
 * whatever a host function threw.
 */
export interface FastScript {
  readonly source: string;
  /** The script imports home modules (whose top level runs at the first import of a registry). */
  readonly importsModules: boolean;
  run(bindings: Readonly<Record<string, unknown>>, env: ScriptEnvironment): void;
}

/** A loop ran past the time limit (or grew a list without bound): reported like the interpreter's limit. */
export class ScriptTimeout extends Error {
  constructor() {
    super("time limit exceeded");
    this.name = "ScriptTimeout";
  }
}

const errorLines = new WeakMap<object, number>();
/** Where the module is whose statement raised an exception (absent: the script itself). */
const errorModules = new WeakMap<object, SourceLocation>();

/** The script line (1-based) a Python exception of a fast script was raised at. */
export function pythonLineOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null ? errorLines.get(error) : undefined;
}

/**
 * Where a home module's statement raised the exception (its file and the line of the
 * module's first line; `pythonLineOf` is then a line of that module), or undefined when
 * the script's own statement did.
 */
export function pythonModuleOf(error: unknown): SourceLocation | undefined {
  return typeof error === "object" && error !== null ? errorModules.get(error) : undefined;
}

function tagLine(error: unknown, line: number, module: SourceLocation | undefined): void {
  if (error instanceof PythonException && !errorLines.has(error)) {
    errorLines.set(error, line);
    if (module) errorModules.set(error, module);
  }
}

/** What compiling a script may use besides its source. */
export interface FastScriptOptions {
  /** The plugin classpath's Python modules: `from helpers import x` runs helpers on the fast path when it compiles there. */
  resolveModule?: ResolveModule;
}

/**
 * Compiles a planning script of the subset, or returns undefined when anything in it is
 * outside the subset (the caller runs it in the interpreter, which also reports syntax
 * errors). Every loop and every function call checks the deadline, and recursion stops at
 * Jython's limit, so a run needs no watchdog.
 */
export function compileFastScript(source: string, options: FastScriptOptions = {}): FastScript | undefined {
  const compiled = compileFastScriptOrDecline(source, options);
  return compiled instanceof Decline ? undefined : compiled;
}

/**
 * Why the fast path declines a script (its Decline, whose message names the construct), or
 * the compiled script. A script importing a home module declines when the module does.
 */
export function compileFastScriptOrDecline(source: string, options: FastScriptOptions = {}): FastScript | Decline {
  let body: Block;
  let names: string[];
  let importsModules: boolean;
  try {
    const statements = parseScript(source);
    const modules = options.resolveModule ? moduleCompiler(options.resolveModule) : undefined;
    const compiler = new ScriptCompiler(statements, modules, undefined);
    body = compiler.compileBlock(statements);
    names = [...compiler.readNames];
    importsModules = compiler.importsModules;
  } catch (error) {
    if (error instanceof Decline) return error;
    throw error;
  }
  return {
    source,
    importsModules,
    run(bindings, env) {
      // Only the bindings the script reads: the planner hands every rule a dozen.
      const scope: Record<string, unknown> = Object.create(null);
      for (const name of names) if (name in bindings) scope[name] = detach(fromHost(bindings[name], env));
      const state: RunState = {
        types: env.types,
        log: env.log,
        deadline: env.deadline,
        iterations: 0,
        globals: scope,
        returned: null,
        depth: 0,
        caught: undefined,
        modules: env.modules ?? new Map(),
      };
      body(scope, state);
    },
  };
}

/** One run's environment: also what its expressions receive as their environment. */
interface RunState extends ScriptEnvironment {
  iterations: number;
  /** The module's names; a function's statements get its locals as their scope. */
  globals: Record<string, unknown>;
  /** The value of the `return` that ended the innermost function body. */
  returned: PyValue;
  /** Script function calls running. */
  depth: number;
  /** What the running frame's latest handler caught: a bare `raise` re-raises it. */
  caught: unknown;
  modules: ModuleRegistry;
}

/** What a statement tells its block: go on, break/continue the innermost loop, or return. */
enum Flow {
  Next = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
}

/** Where a nested function's locals keep the scope it was made in (not a Python identifier). */
const enclosingScope = "<enclosing>";

/** Jython 2.7's default recursion limit: the 1001st nested call of script functions fails. */
const recursionLimit = 1000;

/** Where the compiler is: what decides how names resolve and which statements are allowed. */
interface CompileContext {
  function: FunctionScope | undefined;
  /** The functions it is nested in, outermost first: their locals are its free variables (closures). */
  enclosing: readonly FunctionScope[];
  /** The function has a nested `def` (which may read its locals). */
  nestedDef: boolean;
  loops: number;
  /** Inside an except clause's body (a bare `raise` may re-raise), and whether it has a nested try. */
  handler: { nestedTry: boolean } | undefined;
  finallyBody: boolean;
}

type Block = (scope: Record<string, unknown>, state: RunState) => Flow;

/** A callable value applied to positional arguments (map's function, sorted's cmp and key). */
type Invoke = (args: PyValue[]) => PyValue;

type StandIn = "Operation" | "DefaultOrders" | "Checkpoint" | "HashSet" | "HashMap" | "Type";

/** Java classes served as stand-ins, by package: compile-time constants and constructors. */
const standIns: Record<string, Record<string, StandIn>> = {
  "com.xebialabs.deployit.plugin.api.deployment.specification": { Operation: "Operation" },
  "com.xebialabs.deployit.plugin.api.deployment.planning": { DefaultOrders: "DefaultOrders", Checkpoint: "Checkpoint" },
  "java.util": { HashSet: "HashSet", HashMap: "HashMap" },
  "com.xebialabs.deployit.plugin.api.reflect": { Type: "Type" },
};

/** Methods of java.util's HashSet and HashMap the fast path does not have (iterators, map entries, Java arrays). */
const missingJavaMethods = new Set(["iterator", "entrySet", "toArray"]);

const operations = new Set(["CREATE", "DESTROY", "MODIFY", "NOOP"]);

/** com.xebialabs.deployit.plugin.api.deployment.planning.DefaultOrders, as the interpreter's stand-in has them. */
const defaultOrders: Record<string, number> = {
  PRE_FLIGHT: 0,
  STOP_ARTIFACTS: 10,
  STOP_CONTAINERS: 20,
  UNDEPLOY_ARTIFACTS: 30,
  DESTROY_RESOURCES: 40,
  CREATE_RESOURCES: 60,
  DEPLOY_ARTIFACTS: 70,
  START_CONTAINERS: 80,
  START_ARTIFACTS: 90,
  POST_FLIGHT: 100,
};

/** Names the interpreter provides as builtins beyond Python's own: a script reading them needs it. */
const interpreterBuiltins = new Set(["Type", "wrap", "isinstance", "reload", "print"]);

/** Mutating methods of list, dict and set that scripts use (corpus survey §6.2). */
const mutatingMethods = new Set(["append", "extend", "insert", "pop", "remove", "reverse", "sort", "update", "add"]);

class ScriptCompiler extends ExpressionCompiler {
  /** Import aliases → stand-in kind. */
  private readonly imported = new Map<string, StandIn>();
  private statementLine = 0;
  /** Every name the script reads. */
  readonly readNames = new Set<string>();
  private readonly functionScopes = new Map<FunctionDefinition, FunctionScope>();
  private context: CompileContext = {
    function: undefined,
    enclosing: [],
    nestedDef: false,
    loops: 0,
    handler: undefined,
    finallyBody: false,
  };

  /** A `from module import ...` of a home module: the modules it runs (packages first) and the names it binds. */
  private readonly homeImports = new Map<
    Statement,
    { chain: CompiledModule[]; names: { name: string; alias: string }[] }
  >();
  /** An `import a.b [as m], ...` of home modules. */
  private readonly moduleImports = new Map<Statement, ModuleImport[]>();

  constructor(
    statements: Statement[],
    private readonly modules: ModuleCompiler | undefined,
    /** The module being compiled (its file and first line), undefined for a planning script. */
    private readonly origin: SourceLocation | undefined,
  ) {
    super();
    const assigned = new Set<string>();
    collectAssignedNames(statements, assigned);
    const allBound = new Set(assigned);
    /** Module names some function binds with `global`. */
    const moduleBound = new Set(assigned);
    walkDefinitions(statements, (definition) => {
      const scope = functionScope(definition);
      this.functionScopes.set(definition, scope);
      for (const name of scope.locals) allBound.add(name);
      for (const name of scope.globals) moduleBound.add(name);
    });
    for (const name of [...allBound, ...moduleBound]) {
      // Rebinding a builtin would change what our compiled calls mean.
      declineBuiltinValue(name);
      if (Object.hasOwn(builtins, name) || interpreterBuiltins.has(name)) throw new Decline(`assignment to ${name}`);
    }
    walk(statements, (statement) => {
      if (statement.kind === "importModules") {
        this.addModuleImports(statement, allBound, moduleBound);
        return;
      }
      if (statement.kind !== "import") return;
      const known = standIns[statement.module];
      if (!known) {
        this.addHomeImport(statement, allBound, moduleBound);
        return;
      }
      for (const { name, alias } of statement.names) {
        const kind = known?.[name];
        const bound = allBound.has(alias) || moduleBound.has(alias);
        if (!kind || bound || this.imported.has(alias)) {
          throw new Decline(`import of ${name}`);
        }
        this.imported.set(alias, kind);
      }
    });
    const collections = [...this.imported.values()].some((kind) => kind === "HashSet" || kind === "HashMap");
    if (collections) {
      walkCalls(statements, (node) => {
        if (node.callee.kind === "attribute" && missingJavaMethods.has(node.callee.name)) {
          throw new Decline(`method ${node.callee.name}`);
        }
      });
    }
  }

  /**
   * `import a.b` (binds a, the outermost package), `import a.b as m` (binds the module a.b),
   * `import package.Class as C` of a stand-in class.
   */
  private addModuleImports(
    statement: Statement & { kind: "importModules" },
    allBound: Set<string>,
    moduleBound: Set<string>,
  ): void {
    const imports: ModuleImport[] = [];
    for (const { module, alias } of statement.modules) {
      const dot = module.lastIndexOf(".");
      const standIn = alias && dot > 0 ? standIns[module.slice(0, dot)]?.[module.slice(dot + 1)] : undefined;
      const name = alias ?? module.split(".")[0]!;
      if (this.imported.has(name) || moduleBound.has(name) || allBound.has(name)) {
        throw new Decline(`import of ${name}`);
      }
      if (standIn) {
        this.imported.set(name, standIn);
        continue;
      }
      declineBuiltinValue(name);
      if (Object.hasOwn(builtins, name) || interpreterBuiltins.has(name)) throw new Decline(`import of ${name}`);
      if (!this.modules || !isHomeModuleName(module)) throw new Decline(`import of ${module}`);
      const chain = this.modules.chain(module);
      imports.push({ chain, name, index: alias ? chain.length - 1 : 0 });
      allBound.add(name);
    }
    this.moduleImports.set(statement, imports);
  }

  /** Resolves and compiles the module of `from module import names` (declining when it is not a home module of the subset). */
  private addHomeImport(
    statement: Statement & { kind: "import" },
    allBound: Set<string>,
    moduleBound: Set<string>,
  ): void {
    if (!this.modules || !isHomeModuleName(statement.module)) throw new Decline(`import from ${statement.module}`);
    const chain = this.modules.chain(statement.module);
    const imported = chain.at(-1)!;
    const names: { name: string; alias: string }[] = [];
    for (const { name, alias } of statement.names) {
      if (name === "*") {
        // Without __all__, `import *` binds the module's names that do not start with "_".
        if (imported.bound.has("__all__")) throw new Decline("import * with __all__");
        // Importing a package's submodules adds them to its names at run time.
        if (imported.isPackage) throw new Decline("import * from a package");
        if ([...imported.standIns].some((name) => !name.startsWith("_"))) throw new Decline("import * of stand-ins");
        for (const bound of imported.bound) if (!bound.startsWith("_")) names.push({ name: bound, alias: bound });
        continue;
      }
      // A name the module does not bind may be a submodule the interpreter would import.
      if (!imported.bound.has(name)) throw new Decline(`import of ${name} from ${statement.module}`);
      names.push({ name, alias });
    }
    for (const { alias } of names) {
      declineBuiltinValue(alias);
      if (Object.hasOwn(builtins, alias) || interpreterBuiltins.has(alias)) throw new Decline(`import of ${alias}`);
      if (this.imported.has(alias) || moduleBound.has(alias)) throw new Decline(`import of ${alias}`);
      allBound.add(alias);
    }
    this.homeImports.set(statement, { chain, names });
  }

  /**
   * The names the module's top level binds to values (what `from module import name` may
   * take), and those it imports as stand-ins (compile-time constants, no values to import).
   */
  boundNames(statements: Statement[]): { bound: Set<string>; standIns: Set<string> } {
    const bound = new Set<string>();
    collectAssignedNames(statements, bound);
    walk(statements, (statement) => {
      const home = statement.kind === "import" ? this.homeImports.get(statement) : undefined;
      for (const { alias } of home?.names ?? []) bound.add(alias);
      for (const { name } of this.moduleImports.get(statement) ?? []) bound.add(name);
    });
    return { bound, standIns: new Set(this.imported.keys()) };
  }

  get importsModules(): boolean {
    return this.homeImports.size > 0 || [...this.moduleImports.values()].some((imports) => imports.length > 0);
  }

  compileBlock(statements: Statement[]): Block {
    const compiled = statements.map((statement) => this.compileStatement(statement));
    if (compiled.length === 1) return compiled[0]!;
    return (scope, state) => {
      for (let i = 0; i < compiled.length; i++) {
        const flow = compiled[i]!(scope, state);
        if (flow !== Flow.Next) return flow;
      }
      return Flow.Next;
    };
  }

  /** Every node on another line than its statement records its own line when it raises. */
  override compile(node: Node): Evaluator {
    const evaluator = node.kind === "lambda" ? this.lambdaValue(node) : super.compile(node);
    const line = node.line;
    const origin = this.origin;
    if (line === undefined || line === this.statementLine || node.kind === "constant") return evaluator;
    return (scope, env) => {
      try {
        return evaluator(scope, env);
      } catch (error) {
        tagLine(error, line, origin);
        throw error;
      }
    };
  }

  private compileStatement(statement: Statement): Block {
    this.statementLine = statement.line;
    const run = this.statementBody(statement);
    const line = statement.line;
    const origin = this.origin;
    return (scope, state) => {
      try {
        return run(scope, state);
      } catch (error) {
        tagLine(error, line, origin);
        throw error;
      }
    };
  }

  private statementBody(statement: Statement): Block {
    switch (statement.kind) {
      case "expression": {
        const value = this.expression(statement.value);
        return (scope, state) => {
          value(scope, state);
          return Flow.Next;
        };
      }
      case "assign": {
        const value = this.expression(statement.value);
        const targets = statement.targets.map((target) => this.compileTarget(target));
        if (targets.length === 1) {
          const target = targets[0]!;
          return (scope, state) => {
            target(scope, state, value(scope, state));
            return Flow.Next;
          };
        }
        return (scope, state) => {
          const result = value(scope, state);
          for (const target of targets) target(scope, state, result);
          return Flow.Next;
        };
      }
      case "augmented":
        return this.compileAugmented(statement.target, statement.operator, statement.value);
      case "if": {
        const tests = statement.branches.map((branch) => this.expression(branch.test));
        const bodies = statement.branches.map((branch) => this.compileBlock(branch.body));
        const otherwise = statement.otherwise ? this.compileBlock(statement.otherwise) : undefined;
        this.statementLine = statement.line;
        return (scope, state) => {
          for (let i = 0; i < tests.length; i++) {
            if (truthy(tests[i]!(scope, state))) return bodies[i]!(scope, state);
          }
          return otherwise ? otherwise(scope, state) : Flow.Next;
        };
      }
      case "for":
        return this.compileFor(statement);
      case "while":
        return this.compileWhile(statement);
      case "pass":
      case "global":
        // `global` was resolved when the function's names were (functionScope).
        return () => Flow.Next;
      case "break":
      case "continue":
        if (this.context.loops === 0 || this.context.finallyBody) throw new Decline(`${statement.kind} out of a loop`);
        return statement.kind === "break" ? () => Flow.Break : () => Flow.Continue;
      case "return": {
        if (!this.context.function || this.context.finallyBody) throw new Decline("return outside a function");
        const value = statement.value ? this.expression(statement.value) : undefined;
        return (scope, state) => {
          state.returned = value ? value(scope, state) : null;
          return Flow.Return;
        };
      }
      case "def":
        return this.compileDef(statement.function, statement.line);
      case "try":
        return this.compileTry(statement);
      case "print": {
        const values = statement.values.map((value) => this.expression(value));
        return (scope, state) => {
          const text = values.map((value) => printText(value(scope, state))).join(" ");
          for (const line of text.split("\n")) state.log("info", line);
          return Flow.Next;
        };
      }
      case "raise":
        return this.compileRaise(statement.exception, statement.value);
      case "assert": {
        const test = this.expression(statement.test);
        const message = statement.message ? this.expression(statement.message) : undefined;
        // `assert test, message` is `raise AssertionError, message` when the test fails.
        return (scope, state) => {
          if (truthy(test(scope, state))) return Flow.Next;
          throw classInstance("AssertionError", message ? message(scope, state) : null);
        };
      }
      case "del": {
        const targets = statement.targets.map((target) => this.compileDelete(target));
        return (scope, state) => {
          for (const target of targets) target(scope, state);
          return Flow.Next;
        };
      }
      case "importModules": {
        if (this.context.function) throw new Decline("import in a function");
        const imports = this.moduleImports.get(statement) ?? [];
        return (scope, state) => {
          for (const { chain, name, index } of imports) scope[name] = importModules(chain, state)[index];
          return Flow.Next;
        };
      }
      case "import": {
        if (this.context.function) throw new Decline("import in a function");
        const home = this.homeImports.get(statement);
        // Stand-ins are resolved at compile time (they are constants).
        if (!home) return () => Flow.Next;
        const { chain, names } = home;
        return (scope, state) => {
          const { globals } = importModules(chain, state).at(-1)!;
          for (const { name, alias } of names) {
            const value = globals[name];
            if (value === undefined) throw new PythonException("ImportError", `cannot import name ${name}`);
            scope[alias] = value;
          }
          return Flow.Next;
        };
      }
    }
  }

  /** Expressions of a statement get the run state as their environment (it carries the deadline). */
  private expression(node: Node): (scope: Record<string, unknown>, state: RunState) => PyValue {
    const evaluator = this.compile(node);
    return evaluator;
  }

  private compileFor(statement: Statement & { kind: "for" }): Block {
    const iterable = this.expression(statement.iterable);
    const target = this.compileTarget(statement.target);
    const body = this.inLoop(() => this.compileBlock(statement.body));
    const otherwise = statement.otherwise ? this.compileBlock(statement.otherwise) : undefined;
    this.statementLine = statement.line;
    return (scope, state) => {
      let flow = Flow.Next as Flow;
      loop(iterable(scope, state), state, (item) => {
        target(scope, state, item);
        const next = body(scope, state);
        if (next === Flow.Break || next === Flow.Return) flow = next;
        return flow !== Flow.Next;
      });
      if (flow === Flow.Return) return flow;
      return flow === Flow.Next && otherwise ? otherwise(scope, state) : Flow.Next;
    };
  }

  /** Each turn checks the deadline: a `while True: pass` stops at the time limit. */
  private compileWhile(statement: Statement & { kind: "while" }): Block {
    const test = this.expression(statement.test);
    const body = this.inLoop(() => this.compileBlock(statement.body));
    const otherwise = statement.otherwise ? this.compileBlock(statement.otherwise) : undefined;
    this.statementLine = statement.line;
    return (scope, state) => {
      for (;;) {
        if (Date.now() > state.deadline) throw new ScriptTimeout();
        if (!truthy(test(scope, state))) return otherwise ? otherwise(scope, state) : Flow.Next;
        const flow = body(scope, state);
        if (flow === Flow.Break) return Flow.Next;
        if (flow === Flow.Return) return flow;
      }
    };
  }

  private inLoop<T>(compile: () => T): T {
    return this.within({ ...this.context, loops: this.context.loops + 1 }, compile);
  }

  private within<T>(context: CompileContext, compile: () => T): T {
    const saved = this.context;
    const line = this.statementLine;
    this.context = context;
    try {
      return compile();
    } finally {
      this.context = saved;
      this.statementLine = line;
    }
  }

  /**
   * `def`: binds a new function when it runs (in the module, or as a local of the function
   * it is nested in). Defaults are evaluated then, in the defining scope; the body runs in a
   * fresh locals record per call, and a nested function reads the defining function's
   * locals as they are when it reads them (Python 2 closures: late binding, no `nonlocal`).
   */
  private compileDef(definition: FunctionDefinition, line: number): Block {
    const defaults = definition.defaults.map((node) => this.expression(node));
    const scope = this.functionScopes.get(definition)!;
    const outer = this.context.function;
    const enclosing = outer ? [...this.context.enclosing, outer] : [];
    let nestedDef = false;
    walk(definition.body, (statement) => {
      if (statement.kind === "def") nestedDef = true;
    });
    const context: CompileContext = {
      function: scope,
      enclosing,
      nestedDef,
      loops: 0,
      handler: undefined,
      finallyBody: false,
    };
    const body = this.within(context, () => this.compileBlock(definition.body));
    this.statementLine = line;
    const bind = this.compileTarget({ kind: "name", id: definition.name });
    const name = definition.name;
    const { parameters, varargs, kwargs } = definition;
    const nested = outer !== undefined;
    return (defining, state) => {
      const code: FunctionCode = {
        name,
        parameters,
        varargs,
        kwargs,
        run: (locals, caller) => {
          if (nested) locals[enclosingScope] = defining;
          const callState = caller as RunState;
          return body(locals, callState) === Flow.Return ? callState.returned : null;
        },
      };
      const values = defaults.map((value) => value(defining, state));
      bind(defining, state, new ScriptFunction(code, values, state.globals));
      return Flow.Next;
    };
  }

  /**
   * A call of anything but a builtin, an exception class or a stand-in: a script function
   * (positional, keyword, `*sequence` and `**mapping` arguments) or a host callable.
   */
  private compileDynamicCall(node: Node & { kind: "call" }): Evaluator {
    const callee = this.compile(node.callee);
    const calleeName = node.callee.kind === "name" ? node.callee.id : undefined;
    const args = node.args.map((arg) => this.compile(arg));
    const keywords = node.keywords.map((keyword) => ({ name: keyword.name, value: this.compile(keyword.value) }));
    const star = node.star ? this.compile(node.star) : undefined;
    const kwargs = node.kwargs ? this.compile(node.kwargs) : undefined;
    return (scope, env) => {
      const state = runState(env);
      const function_ = callee(scope, env);
      const positional: PyValue[] = new Array(args.length);
      for (let i = 0; i < args.length; i++) positional[i] = args[i]!(scope, env);
      if (!(function_ instanceof ScriptFunction)) {
        if (star || kwargs || keywords.length > 0) {
          if (!(function_ instanceof HostFunction)) {
            throw typeError(`'${pythonTypeName(function_)}' object is not callable`);
          }
          if (star) positional.push(...starItems(calleeName ?? "function", star(scope, env)));
          return detach(function_.call(positional, env, keywordValues(keywords, kwargs, scope, env)));
        }
        return detach(callValue(function_, positional, env));
      }
      const named: KeywordArgument[] = keywords.map((keyword) => ({
        key: new PyStr(keyword.name),
        name: keyword.name,
        value: keyword.value(scope, env),
      }));
      const name = function_.code.name;
      if (star) positional.push(...starItems(name, star(scope, env)));
      if (kwargs) addMappingKeywords(name, kwargs(scope, env), named);
      return callFunction(function_, positional, named, state);
    };
  }

  /**
   * `map(f, sequence)`, `filter(f, sequence)`, `reduce(f, sequence[, initial])` with f any
   * callable value (a script function, a lambda, a builtin such as `str`) or None.
   */
  private compileFunctional(name: "map" | "filter" | "reduce", node: Node & { kind: "call" }): Evaluator {
    const arity = node.args.length;
    if (node.keywords.length > 0 || node.kwargs || node.star || arity < 2 || arity > (name === "reduce" ? 3 : 2)) {
      throw new Decline(`${name} arguments`);
    }
    const callable = this.compileCallable(node.args[0]!);
    const sequence = this.compile(node.args[1]!);
    const initial = node.args[2] ? this.compile(node.args[2]) : undefined;
    return (scope, env) => {
      const state = runState(env);
      const function_ = callable(scope, state);
      const items = sequence(scope, env);
      const start = initial ? { value: initial(scope, env) } : undefined;
      const each = (visit: (item: PyValue) => void, notIterable: string | undefined) => {
        try {
          if (!Array.isArray(items)) iterate(items);
        } catch (error) {
          if (notIterable && error instanceof PythonException && error.pythonType === "TypeError") {
            throw typeError(notIterable);
          }
          throw error;
        }
        loop(items, state, (item) => {
          visit(item);
          return false;
        });
      };
      if (name === "map") {
        const out: PyValue[] = [];
        // Jython's message counts map's arguments from 0.
        each(
          (item) => out.push(function_ === null ? item : function_([item])),
          "argument 1 to map() must support iteration",
        );
        return out;
      }
      if (name === "filter") {
        const kept: PyValue[] = [];
        each((item) => {
          if (truthy(function_ === null ? item : function_([item]))) kept.push(item);
        }, undefined);
        if (items instanceof PyTuple) return new PyTuple(kept);
        if (isText(items))
          return makeText(kept.map((item) => textOf(item as string | PyStr)).join(""), typeof items === "string");
        return kept;
      }
      if (function_ === null) throw typeError("'NoneType' object is not callable");
      let accumulated = start;
      each((item) => {
        accumulated = { value: accumulated ? function_([accumulated.value, item]) : item };
      }, "reduce() arg 2 must support iteration");
      if (!accumulated) throw typeError("reduce of empty sequence with no initial value");
      return accumulated.value;
    };
  }

  /**
   * A callable argument (map's function, sorted's cmp and key): a builtin function by its
   * name, None, or any expression whose value is a script function or a host callable.
   */
  private compileCallable(node: Node): (scope: Record<string, unknown>, state: RunState) => Invoke | null {
    if (node.kind === "name" && Object.hasOwn(builtins, node.id)) {
      const builtin = builtins[node.id]!;
      return () => builtin;
    }
    const value = this.compile(node);
    return (scope, state) => {
      const function_ = value(scope, state);
      if (function_ === null) return null;
      if (function_ instanceof ScriptFunction) return (args) => callFunction(function_, args, [], state);
      if (function_ instanceof HostFunction) return (args) => detach(function_.call(args, state));
      throw typeError(`'${pythonTypeName(function_)}' object is not callable`);
    };
  }

  /** `lambda parameters: body`: a function value; in a function it reads the function's locals late, as closures do. */
  private compileLambda(
    node: Node & { kind: "lambda" },
  ): (scope: Record<string, unknown>, state: RunState) => ScriptFunction {
    const locals = new Set([node.parameters, node.varargs, node.kwargs].flat().filter((name) => name !== undefined));
    addComprehensionTargets(node.body, locals);
    for (const name of locals) {
      declineBuiltinValue(name);
      if (Object.hasOwn(builtins, name) || interpreterBuiltins.has(name)) throw new Decline(`assignment to ${name}`);
    }
    const defaults = node.defaults.map((value) => this.compile(value));
    const outer = this.context.function;
    const context: CompileContext = {
      function: { locals, globals: new Set() },
      enclosing: outer ? [...this.context.enclosing, outer] : [],
      nestedDef: false,
      loops: 0,
      handler: undefined,
      finallyBody: false,
    };
    const body = this.within(context, () => this.compile(node.body));
    const { parameters, varargs, kwargs } = node;
    return (scope, state) => {
      const code: FunctionCode = {
        name: "<lambda>",
        parameters,
        varargs,
        kwargs,
        run: (lambdaLocals, caller) => {
          if (outer) lambdaLocals[enclosingScope] = scope;
          return body(lambdaLocals, caller as RunState);
        },
      };
      return new ScriptFunction(
        code,
        defaults.map((value) => value(scope, state)),
        state.globals,
      );
    };
  }

  private lambdaValue(node: Node & { kind: "lambda" }): Evaluator {
    const make = this.compileLambda(node);
    return (scope, env) => make(scope as Record<string, unknown>, runState(env));
  }

  /** `sorted(iterable, cmp=None, key=None, reverse=False)`, Python 2's positional order included. */
  private compileSorted(node: Node & { kind: "call" }): Evaluator {
    const first = node.args[0];
    if (node.star || node.kwargs || node.args.length > 4 || !first) throw new Decline("sorted arguments");
    const iterable = this.compile(first);
    const options = this.compileSortOptions(node.args.slice(1), node.keywords);
    return (scope, env) => {
      const items = [...iterate(iterable(scope, env))];
      sortWith(items, options(scope, runState(env)));
      return items;
    };
  }

  /** The `cmp`, `key` and `reverse` of sorted() and list.sort(), positional or by keyword. */
  private compileSortOptions(
    positional: Node[],
    keywords: { name: string; value: Node }[],
  ): (scope: Record<string, unknown>, state: RunState) => SortOptions {
    const names = ["cmp", "key", "reverse"];
    const given = new Map<string, Node>();
    for (const [i, node] of positional.entries()) given.set(names[i]!, node);
    for (const keyword of keywords) {
      if (!names.includes(keyword.name) || given.has(keyword.name)) throw new Decline("sort arguments");
      given.set(keyword.name, keyword.value);
    }
    const cmp = given.has("cmp") ? this.compileCallable(given.get("cmp")!) : undefined;
    const key = given.has("key") ? this.compileCallable(given.get("key")!) : undefined;
    const reverse = given.has("reverse") ? this.compile(given.get("reverse")!) : undefined;
    return (scope, state) => ({
      cmp: cmp ? cmp(scope, state) : null,
      key: key ? key(scope, state) : null,
      reverse: reverse ? truthy(reverse(scope, state)) : false,
    });
  }

  /** `x.sort(...)` with arguments: list.sort(cmp, key, reverse) on a list, else the host object's method. */
  private compileSortMethod(receiverNode: Node, node: Node & { kind: "call" }): Evaluator {
    if (node.star || node.kwargs || node.args.length > 3) throw new Decline("sort arguments");
    const receiver = this.compile(receiverNode);
    const options = this.compileSortOptions(node.args, node.keywords);
    const hostArguments = this.compileHostArguments(node);
    return (scope, env) => {
      const self = receiver(scope, env);
      if (Array.isArray(self)) {
        sortWith(self, options(scope, runState(env)));
        return null;
      }
      // A builtin passed by name (`key=len`) is no value a host method could receive.
      if (!hostArguments) throw typeError(`'${pythonTypeName(self)}' object has no list sort`);
      const { args, keywords } = hostArguments;
      const values = args.map((arg) => arg(scope, env));
      if (keywords.length === 0) return detach(callMethod(self, "sort", values, env));
      if (!isHostObject(self)) throw typeError("sort() takes no keyword arguments");
      const method = scriptAttribute(self, "sort", env);
      if (!(method instanceof HostFunction)) throw typeError(`'${pythonTypeName(method)}' object is not callable`);
      return detach(method.call(values, env, keywordValues(keywords, undefined, scope, env)));
    };
  }

  /** A call's arguments as plain values, or undefined when one is not a value of ours (a builtin by name). */
  private compileHostArguments(
    node: Node & { kind: "call" },
  ): { args: Evaluator[]; keywords: { name: string; value: Evaluator }[] } | undefined {
    try {
      return {
        args: node.args.map((arg) => this.compile(arg)),
        keywords: node.keywords.map((keyword) => ({ name: keyword.name, value: this.compile(keyword.value) })),
      };
    } catch (error) {
      if (error instanceof Decline) return undefined;
      throw error;
    }
  }

  /** A module-level name, read from a function body or the module. */
  private globalName(id: string): Evaluator {
    this.readNames.add(id);
    const inFunction = this.context.function !== undefined;
    return (_scope, env) => {
      const value = runState(env).globals[id];
      if (value === undefined) {
        throw new PythonException(
          "NameError",
          inFunction ? `global name '${id}' is not defined` : `name '${id}' is not defined`,
        );
      }
      return value;
    };
  }

  /**
   * `try` with `except` clauses matched by builtin class (and base class), `else` and
   * `finally`. A ScriptTimeout is never caught; what a host function threw is caught only
   * by a bare `except:` (as Jython's bare except catches Java exceptions, and `except
   * Exception` does not).
   */
  private compileTry(statement: Statement & { kind: "try" }): Block {
    const body = this.compileBlock(statement.body);
    const handlers = statement.handlers.map((handler) => {
      const types = handler.types === undefined ? undefined : exceptionClasses(handler.types);
      const bind = handler.name === undefined ? undefined : this.compileTarget({ kind: "name", id: handler.name });
      const handlerBody = this.within({ ...this.context, handler: { nestedTry: containsTry(handler.body) } }, () =>
        this.compileBlock(handler.body),
      );
      return { types, bind, body: handlerBody };
    });
    const otherwise = statement.otherwise ? this.compileBlock(statement.otherwise) : undefined;
    const final = statement.final
      ? this.within({ ...this.context, finallyBody: true }, () => this.compileBlock(statement.final!))
      : undefined;
    this.statementLine = statement.line;
    const handle = (error: unknown, scope: Record<string, unknown>, state: RunState): Flow => {
      if (error instanceof ScriptTimeout) throw error;
      for (const handler of handlers) {
        const caught =
          handler.types === undefined ||
          (error instanceof PythonException &&
            handler.types.some((type) => isExceptionSubclass(error.pythonType, type)));
        if (!caught) continue;
        handler.bind?.(scope, state, error);
        state.caught = error;
        return handler.body(scope, state);
      }
      throw error;
    };
    const guarded: Block = (scope, state) => {
      let flow: Flow;
      try {
        flow = body(scope, state);
      } catch (error) {
        return handle(error, scope, state);
      }
      return flow === Flow.Next && otherwise ? otherwise(scope, state) : flow;
    };
    if (!final) return guarded;
    return (scope, state) => {
      try {
        return guarded(scope, state);
      } finally {
        // The value of a `return` in the body, which calls in the finally clause would overwrite.
        const returned = state.returned;
        final(scope, state);
        state.returned = returned;
      }
    };
  }

  /** `raise` (re-raise, only in an except clause), `raise Class[, value]`, `raise instance`. */
  private compileRaise(exceptionNode: Node | undefined, valueNode: Node | undefined): Block {
    if (!exceptionNode) {
      // Python 2 keeps the caught exception past its handler, and a nested try replaces it: not worth copying.
      if (!this.context.handler || this.context.handler.nestedTry) throw new Decline("bare raise outside a handler");
      return (_scope, state) => {
        throw state.caught;
      };
    }
    const value = valueNode ? this.expression(valueNode) : undefined;
    if (exceptionNode.kind === "name" && isExceptionClass(exceptionNode.id)) {
      const type = exceptionNode.id;
      return (scope, state) => {
        throw classInstance(type, value ? value(scope, state) : null);
      };
    }
    const instance = this.expression(exceptionNode);
    return (scope, state) => {
      const raised = raisedInstance(instance(scope, state));
      if (value && value(scope, state) !== null && raised.pythonType !== "TypeError") {
        throw typeError("instance exception may not have a separate value");
      }
      throw freshlyRaised(raised);
    };
  }
  protected override compileListComprehension(node: Node & { kind: "listcomp" }): Evaluator {
    const iterable = this.compile(node.iterable);
    const target = this.compileTarget(node.target);
    const conditions = node.conditions.map((condition) => this.compile(condition));
    const element = this.compile(node.element);
    return (scope, env) => {
      const state = runState(env);
      const out: PyValue[] = [];
      const variables = scope as Record<string, unknown>;
      loop(iterable(scope, env), state, (item) => {
        // Python 2: the loop variable stays bound in the enclosing scope afterwards.
        target(variables, state, item);
        for (const condition of conditions) if (!truthy(condition(scope, env))) return false;
        out.push(element(scope, env));
        return false;
      });
      return out;
    };
  }

  /** `del name` unbinds it (reading it again fails as reading it before assignment does); `del x[key]`. */
  private compileDelete(node: Node): (scope: Record<string, unknown>, state: RunState) => void {
    if (node.kind === "subscript") {
      if (node.object.kind === "attribute" && node.object.name === "values") throw new Decline("del of a CI value");
      const object = this.expression(node.object);
      const index = this.expression(node.index);
      return (scope, state) => deleteItem(object(scope, state), index(scope, state));
    }
    if (node.kind !== "name") throw new Decline("del target");
    const id = node.id;
    if (this.imported.has(id) || this.context.function?.globals.has(id)) throw new Decline("del of this name");
    // Python 2 refuses to delete a variable a nested function may read (a SyntaxError).
    if (this.context.nestedDef) throw new Decline("del in a function with a nested def");
    // Reading it first raises what Python raises for an unbound name here.
    const read = this.compile(node);
    return (scope, state) => {
      read(scope, state);
      delete scope[id];
    };
  }

  /** Assignment targets: names, tuples/lists (unpacking), attributes and items. */
  private compileTarget(node: Node): (scope: Record<string, unknown>, state: RunState, value: PyValue) => void {
    switch (node.kind) {
      case "name": {
        const id = node.id;
        if (this.imported.has(id)) throw new Decline("assignment to an imported name");
        if (this.context.function?.globals.has(id)) {
          return (_scope, state, value) => {
            state.globals[id] = value;
          };
        }
        return (scope, _state, value) => {
          scope[id] = value;
        };
      }
      case "tuple":
      case "list": {
        const targets = node.items.map((item) => this.compileTarget(item));
        return (scope, state, value) => {
          const items = unpack(value, targets.length);
          for (let i = 0; i < targets.length; i++) targets[i]!(scope, state, items[i]);
        };
      }
      case "attribute": {
        const object = this.expression(node.object);
        const name = node.name;
        return (scope, state, value) => setAttribute(object(scope, state), name, value);
      }
      case "subscript": {
        if (node.index.kind === "slice") throw new Decline("slice assignment");
        const index = this.expression(node.index);
        if (node.object.kind === "attribute" && node.object.name === "values") {
          // `ci.values["x"] = v` writes through to the CI, as the interpreter's bridge does.
          const owner = this.expression(node.object.object);
          return (scope, state, value) => {
            const ownerValue = owner(scope, state);
            const key = index(scope, state);
            if (isConfigurationItem(ownerValue) && isText(key)) setCiProperty(ownerValue, textOf(key), value);
            else setItem(getAttribute(ownerValue, "values", state), key, value);
          };
        }
        const object = this.expression(node.object);
        return (scope, state, value) => {
          const container = object(scope, state);
          setItem(container, index(scope, state), value);
        };
      }
      default:
        throw new Decline("assignment target");
    }
  }

  private compileAugmented(targetNode: Node, operator: BinaryOperator, valueNode: Node): Block {
    const operation = binaryOperations[operator];
    const value = this.expression(valueNode);
    const inPlace = (current: PyValue, right: PyValue): PyValue => {
      // `list += iterable` extends the same list (other names for it see the change).
      if (operator === "+" && Array.isArray(current)) {
        current.push(...iterate(right));
        return current;
      }
      return operation(current, right);
    };
    switch (targetNode.kind) {
      case "name": {
        const read = this.expression(targetNode);
        const write = this.compileTarget(targetNode);
        return (scope, state) => {
          const current = read(scope, state);
          write(scope, state, inPlace(current, value(scope, state)));
          return Flow.Next;
        };
      }
      case "attribute": {
        if (targetNode.name === "values") throw new Decline("augmented values");
        const object = this.expression(targetNode.object);
        const name = targetNode.name;
        return (scope, state) => {
          const owner = object(scope, state);
          const current = scriptAttribute(owner, name, state);
          setAttribute(owner, name, inPlace(current, value(scope, state)));
          return Flow.Next;
        };
      }
      case "subscript": {
        if (targetNode.index.kind === "slice" || targetNode.object.kind === "attribute") {
          throw new Decline("augmented item target");
        }
        const object = this.expression(targetNode.object);
        const index = this.expression(targetNode.index);
        return (scope, state) => {
          const container = object(scope, state);
          const key = index(scope, state);
          const current = detach(getItemOf(container, key, state));
          setItem(container, key, inPlace(current, value(scope, state)));
          return Flow.Next;
        };
      }
      default:
        throw new Decline("augmented target");
    }
  }

  protected override compileName(id: string): Evaluator {
    if (this.imported.has(id)) throw new Decline("stand-in used as a value");
    declineBuiltinValue(id);
    if (interpreterBuiltins.has(id)) throw new Decline(`interpreter builtin ${id}`);
    const function_ = this.context.function;
    if (function_ && !function_.locals.has(id)) {
      // A free variable: the nearest enclosing function that binds it, else the module.
      const enclosing = this.context.enclosing;
      for (let level = enclosing.length - 1; level >= 0; level--) {
        if (!enclosing[level]!.locals.has(id)) continue;
        this.readNames.add(id);
        const hops = enclosing.length - level;
        return (scope) => {
          let frame = scope;
          for (let i = 0; i < hops; i++) frame = frame[enclosingScope] as Record<string, unknown>;
          const value = frame[id];
          // Jython reports an unbound free variable as the enclosing function's unbound local.
          if (value === undefined) {
            throw new PythonException("UnboundLocalError", `local variable '${id}' referenced before assignment`);
          }
          return value;
        };
      }
      return this.globalName(id);
    }
    this.readNames.add(id);
    if (function_) {
      return (scope) => {
        const value = scope[id];
        if (value === undefined) {
          throw new PythonException("UnboundLocalError", `local variable '${id}' referenced before assignment`);
        }
        return value;
      };
    }
    return (scope) => {
      const value = scope[id];
      if (value === undefined) throw new PythonException("NameError", `name '${id}' is not defined`);
      return value;
    };
  }

  protected override compileAttribute(objectNode: Node, name: string): Evaluator {
    if (objectNode.kind === "name" && this.imported.has(objectNode.id)) {
      return constant(this.standInConstant(this.imported.get(objectNode.id)!, name));
    }
    // `ci.values` is a live view in the interpreter; only `ci.values[...]` reads the same here.
    if (name === "values") throw new Decline("values outside a subscript");
    // `e.__class__.__name__` and the like: Python's object model, not the value model's.
    if (name.startsWith("__")) throw new Decline(`attribute ${name}`);
    if (unimplementedMethods.has(name)) throw new Decline(`method ${name}`);
    const object = this.compile(objectNode);
    return (scope, env) => scriptAttribute(object(scope, env), name, env);
  }

  protected override compileSubscript(objectNode: Node, indexNode: Node): Evaluator {
    if (objectNode.kind === "attribute" && objectNode.name === "values" && indexNode.kind !== "slice") {
      const owner = this.compile(objectNode.object);
      const index = this.compile(indexNode);
      return (scope, env) => {
        const values = getAttribute(owner(scope, env), "values", env);
        return detach(getItemOf(values, index(scope, env), env));
      };
    }
    const read = super.compileSubscript(objectNode, indexNode);
    return (scope, env) => detach(read(scope, env));
  }

  private standInConstant(kind: StandIn, name: string): PyValue {
    if (kind === "Operation" && operations.has(name)) return new JavaName("Operation", name);
    if (kind === "DefaultOrders" && Object.hasOwn(defaultOrders, name)) return defaultOrders[name]!;
    throw new Decline(`${kind}.${name}`);
  }

  protected override compileCall(node: Node & { kind: "call" }): Evaluator {
    const callee = node.callee;
    if (callee.kind === "name" && (callee.id === "map" || callee.id === "filter" || callee.id === "reduce")) {
      return this.compileFunctional(callee.id, node);
    }
    if (callee.kind === "name" && callee.id === "sorted" && (node.args.length > 1 || node.keywords.length > 0)) {
      return this.compileSorted(node);
    }
    const special =
      callee.kind === "name" &&
      (isExceptionClass(callee.id) ||
        this.imported.has(callee.id) ||
        Object.hasOwn(builtins, callee.id) ||
        callee.id === "isinstance");
    if (callee.kind !== "attribute" && !special) return this.compileDynamicCall(node);
    if (node.star) throw new Decline("* argument");
    if (callee.kind === "name" && isExceptionClass(callee.id)) {
      if (node.keywords.length > 0 || node.kwargs) throw new Decline("keywords to an exception class");
      const args = node.args.map((arg) => this.compile(arg));
      const type = callee.id;
      return (scope, env) =>
        instantiateException(
          type,
          args.map((arg) => arg(scope, env)),
        );
    }
    if (callee.kind === "name" && this.imported.get(callee.id) === "Checkpoint") return this.compileCheckpoint(node);
    if (
      callee.kind === "name" &&
      (this.imported.get(callee.id) === "HashSet" || this.imported.get(callee.id) === "HashMap")
    ) {
      return this.compileJavaCollection(this.imported.get(callee.id) as "HashSet" | "HashMap", node);
    }
    const hasKeywords = node.keywords.length > 0 || node.kwargs !== undefined;
    if (callee.kind === "name" && (Object.hasOwn(builtins, callee.id) || callee.id === "isinstance")) {
      if (hasKeywords) throw new Decline("keywords to a builtin");
      return super.compileCall(node);
    }
    if (callee.kind !== "attribute") {
      if (hasKeywords) throw new Decline("keywords to a plain callable");
      return super.compileCall(node);
    }
    const name = callee.name;
    if (name === "sort" && (node.args.length > 0 || node.keywords.length > 0)) {
      return this.compileSortMethod(callee.object, node);
    }
    if (hasKeywords && (mutatingMethods.has(name) || unimplementedMethods.has(name))) {
      throw new Decline("keywords to a method");
    }
    if (unimplementedMethods.has(name) && !mutatingMethods.has(name)) throw new Decline(`method ${name}`);
    if (callee.object.kind === "name" && this.isTypeStandIn(callee.object.id) && name === "valueOf") {
      return this.compileTypeValueOf(node);
    }
    if (callee.object.kind === "name" && this.imported.has(callee.object.id)) throw new Decline("stand-in method");
    const receiver = this.compile(callee.object);
    const args = node.args.map((arg) => this.compile(arg));
    const keywords = node.keywords.map((keyword) => ({ name: keyword.name, value: this.compile(keyword.value) }));
    const kwargs = node.kwargs ? this.compile(node.kwargs) : undefined;
    return (scope, env) => {
      const self = receiver(scope, env);
      const values: PyValue[] = new Array(args.length);
      for (let i = 0; i < args.length; i++) values[i] = args[i]!(scope, env);
      if (self instanceof ScriptModule) return callModuleAttribute(self, name, values, keywords, kwargs, scope, env);
      if (!hasKeywords) {
        if (self instanceof JavaHashSet || self instanceof JavaHashMap) {
          const result = javaCollectionMethod(self, name, values);
          if (result !== notMutating) return result;
        }
        if (mutatingMethods.has(name)) {
          const mutated = mutate(self, name, values);
          if (mutated !== notMutating) return mutated;
        }
        return detach(callMethod(self, name, values, env));
      }
      const named = keywordValues(keywords, kwargs, scope, env);
      if (!isHostObject(self)) throw typeError(`${name}() takes no keyword arguments`);
      const method = scriptAttribute(self, name, env);
      if (!(method instanceof HostFunction)) throw typeError(`'${pythonTypeName(method)}' object is not callable`);
      return detach(method.call(values, env, named));
    };
  }

  /** `Type` here means com.xebialabs.deployit.plugin.api.reflect.Type: imported, or the interpreter's builtin of that name. */
  private isTypeStandIn(id: string): boolean {
    return this.imported.has(id) ? this.imported.get(id) === "Type" : id === "Type";
  }

  /** `Type.valueOf(name)` or `Type.valueOf(prefix, name)`: a CI type, as `ci.type` is one (the interpreter's `_CiType.valueOf`). */
  private compileTypeValueOf(node: Node & { kind: "call" }): Evaluator {
    if (node.keywords.length > 0 || node.kwargs || node.star || node.args.length === 0) {
      throw new Decline("Type.valueOf arguments");
    }
    const parts = node.args.slice(0, 2).map((arg) => this.compile(arg));
    return (scope, env) => {
      const values = parts.map((part) => part(scope, env));
      // As Python's str(name) or "%s.%s" % (prefix, name).
      const name = values.length === 1 ? textOf(builtins.str!(values) as PyStr) : values.map(str).join(".");
      return new JavaName("Type", name, env.types);
    };
  }

  /** `HashSet()`, `HashSet(items)`, `HashMap()`, `HashMap(mapping)`: new collections, as the stand-ins' constructors. */
  private compileJavaCollection(kind: "HashSet" | "HashMap", node: Node & { kind: "call" }): Evaluator {
    if (node.keywords.length > 0 || node.kwargs || node.star || node.args.length > 1) {
      throw new Decline(`${kind} arguments`);
    }
    const initial = node.args[0] ? this.compile(node.args[0]) : undefined;
    if (kind === "HashSet") return (scope, env) => new JavaHashSet(initial ? iterate(initial(scope, env)) : []);
    return (scope, env) => {
      const map = new JavaHashMap();
      if (initial) {
        const source = initial(scope, env);
        const pairs = source instanceof PyDict ? source : (builtins.dict!([source]) as PyDict);
        for (const [key, value] of pairs.items()) map.set(key, value);
      }
      return map;
    };
  }

  /** `Checkpoint(delta[, name][, operation])`, as the interpreter's stand-in builds it. */
  private compileCheckpoint(node: Node & { kind: "call" }): Evaluator {
    if (node.keywords.length > 0 || node.kwargs || node.args.length < 1 || node.args.length > 3) {
      throw new Decline("Checkpoint arguments");
    }
    const args = node.args.map((arg) => this.compile(arg));
    return (scope, env) => {
      const [delta, first = null, second = null] = args.map((arg) => arg(scope, env));
      const [name, operation] =
        second === null && first instanceof JavaName && first.javaType === "Operation"
          ? [null, first]
          : [first, second];
      return new PythonCheckpoint(
        isDelta(delta) ? delta : null,
        (toHost(name) as string | null) ?? null,
        (toHost(operation) as string | null) ?? null,
      );
    };
  }
}

function constant(value: PyValue): Evaluator {
  return () => value;
}

function runState(env: PythonEnvironment): RunState {
  // A script's expressions receive its run state as their environment (see `run`).
  return env as RunState;
}

/**
 * Values from bindings, CIs and host calls are copied when they are lists, so that a
 * script's list mutations never reach the planner's objects (the interpreter copies them too).
 */
function detach(value: PyValue): PyValue {
  if (Array.isArray(value)) return value.map(detach);
  return value;
}

/** `object.name` in a script: the expression view plus `_delegate` and Checkpoint fields. */
function scriptAttribute(object: PyValue, name: string, env: PythonEnvironment): PyValue {
  if (object instanceof PythonException) return exceptionAttribute(object, name);
  if (object instanceof ScriptModule) {
    const value = object.globals[name];
    if (value === undefined) throw new PythonException("AttributeError", `'module' object has no attribute '${name}'`);
    return value;
  }
  if (name === "_delegate" && (isConfigurationItem(object) || isDelta(object))) return object;
  if (object instanceof PythonCheckpoint) {
    if (name === "delta") return object.delta;
    if (name === "name") return object.name;
    if (name === "operation") return object.operation === null ? null : new JavaName("Operation", object.operation);
  }
  return detach(getAttribute(object, name, env));
}

function setAttribute(object: PyValue, name: string, value: PyValue): void {
  if (object instanceof ScriptModule) {
    object.globals[name] = value;
    return;
  }
  if (object instanceof PythonException) {
    object.attributes ??= new Map();
    object.attributes.set(name, value);
    return;
  }
  if (isConfigurationItem(object)) {
    setCiProperty(object, name, value);
    return;
  }
  if (isHostObject(object)) {
    // The interpreter's bridge throws this from JS, so it is reported as a host error.
    if (!object.pySetAttr) throw new TypeError(`can't set attribute '${name}' of ${object.pyTypeName}`);
    object.pySetAttr(name, toHost(value));
    return;
  }
  throw attributeError(object, name);
}

/** The index an item assignment or deletion of a list addresses (negative counts from the end), as Jython checks it. */
function listSlot(list: PyValue[], key: PyValue): number {
  const rank = numericRank(key);
  if (rank < 0 || rank === 2) throw typeError(`list indices must be integers, not ${pythonTypeName(key)}`);
  let i = Number(toBigInt(key));
  if (i < 0) i += list.length;
  if (i < 0 || i >= list.length) throw new PythonException("IndexError", "list assignment index out of range");
  return i;
}

function setItem(container: PyValue, key: PyValue, value: PyValue): void {
  if (Array.isArray(container)) {
    container[listSlot(container, key)] = value;
    return;
  }
  if (container instanceof PyDict) {
    container.set(key, value);
    return;
  }
  if (isConfigurationItem(container)) {
    if (!isText(key)) throw typeError("CI property names are strings");
    setCiProperty(container, textOf(key), value);
    return;
  }
  throw typeError(`'${pythonTypeName(container)}' object does not support item assignment`);
}

/** Python 2's unpacking of `a, b = value`. */
function unpack(value: PyValue, count: number): PyValue[] {
  const items = iterate(value);
  if (items.length > count) throw new PythonException("ValueError", "too many values to unpack");
  if (items.length < count) {
    throw new PythonException(
      "ValueError",
      `need more than ${items.length} value${items.length === 1 ? "" : "s"} to unpack`,
    );
  }
  return items;
}

const maximumListLength = 10_000_000;

/**
 * Iterates as CPython does: a list live (items appended meanwhile are visited), a dict or
 * set failing when its size changes, strings and tuples as they are. `visit` returns true to
 * break. Every 1024 items the deadline is checked.
 */
function loop(iterable: PyValue, state: RunState, visit: (item: PyValue) => boolean): void {
  const tick = () => {
    if ((++state.iterations & 1023) === 0 && Date.now() > state.deadline) throw new ScriptTimeout();
  };
  if (Array.isArray(iterable)) {
    for (let i = 0; i < iterable.length; i++) {
      tick();
      if (iterable.length > maximumListLength) throw new ScriptTimeout();
      if (visit(iterable[i])) return;
    }
    return;
  }
  const items = iterate(iterable);
  const sized = iterable instanceof PyDict || iterable instanceof PySet ? iterable : undefined;
  const size = sized?.size;
  // CPython checks the size on every step, the one that finds the end included.
  const checkSize = () => {
    if (sized && sized.size !== size) {
      throw new PythonException(
        "RuntimeError",
        `${sized instanceof PyDict ? "dictionary" : "Set"} changed size during iteration`,
      );
    }
  };
  for (const item of items) {
    tick();
    checkSize();
    if (visit(item)) return;
  }
  checkSize();
}

const notMutating = Symbol("not a mutating method of this value");

/**
 * The Java methods of java.util's HashSet and HashMap as Jython gives them (`add` says
 * whether it added, a map's `remove` returns what it removed, a set's `remove` is Python's);
 * `notMutating` for the Python methods they also have.
 */
function javaCollectionMethod(
  self: JavaHashSet | JavaHashMap,
  name: string,
  args: PyValue[],
): PyValue | typeof notMutating {
  if (name === "size" || name === "isEmpty") {
    arity(name, args, 0, 0);
    return name === "size" ? self.size : self.size === 0;
  }
  if (self instanceof JavaHashSet) {
    switch (name) {
      case "add": {
        arity(name, args, 1, 1);
        if (self.has(args[0])) return false;
        self.add(args[0]);
        return true;
      }
      case "addAll":
      case "removeAll": {
        arity(name, args, 1, 1);
        const before = self.size;
        for (const item of iterate(args[0])) {
          if (name === "addAll") self.add(item);
          else self.delete(item);
        }
        return self.size !== before;
      }
      case "remove": {
        // Jython gives a Java set Python's set.remove (the interpreter's stand-in returns a boolean).
        arity(name, args, 1, 1);
        const item = args[0];
        if (!self.has(item))
          throw new PythonException("KeyError", isText(item) ? `'${textOf(item)}'` : repr(item), [item]);
        self.delete(item);
        return null;
      }
      case "contains":
        arity(name, args, 1, 1);
        return self.has(args[0]);
    }
    return notMutating;
  }
  switch (name) {
    case "put": {
      arity(name, args, 2, 2);
      const previous = self.has(args[0]) ? self.get(args[0]) : null;
      self.set(args[0], args[1]);
      return previous;
    }
    case "putAll":
      arity(name, args, 1, 1);
      return mutate(self, "update", args) === notMutating ? notMutating : null;
    case "get":
    case "getOrDefault": {
      arity(name, args, name === "get" ? 1 : 2, 2);
      return self.has(args[0]) ? self.get(args[0]) : (args[1] ?? null);
    }
    case "containsKey":
      arity(name, args, 1, 1);
      return self.has(args[0]);
    case "containsValue":
      arity(name, args, 1, 1);
      return self.values().some((value) => equals(value, args[0]));
    case "remove": {
      arity(name, args, 1, 1);
      if (!self.has(args[0])) return null;
      const value = self.get(args[0]);
      self.delete(args[0]);
      return value;
    }
    case "keySet":
      arity(name, args, 0, 0);
      return new JavaHashSet(self.keys());
  }
  return notMutating;
}

/** list/dict/set mutations; `notMutating` when `self` is not a value these apply to. */
function mutate(self: PyValue, name: string, args: PyValue[]): PyValue | typeof notMutating {
  if (Array.isArray(self)) {
    switch (name) {
      case "append":
        arity(name, args, 1, 1);
        self.push(args[0]);
        return null;
      case "extend":
        arity(name, args, 1, 1);
        self.push(...iterate(args[0]));
        return null;
      case "insert": {
        arity(name, args, 2, 2);
        let i = index(args[0]);
        if (i < 0) i = Math.max(0, i + self.length);
        self.splice(Math.min(i, self.length), 0, args[1]);
        return null;
      }
      case "pop": {
        arity(name, args, 0, 1);
        if (self.length === 0) throw new PythonException("IndexError", "pop from empty list");
        let i = args.length === 0 ? self.length - 1 : index(args[0]);
        if (i < 0) i += self.length;
        if (i < 0 || i >= self.length) throw new PythonException("IndexError", "pop index out of range");
        return self.splice(i, 1)[0];
      }
      case "remove": {
        arity(name, args, 1, 1);
        const i = self.findIndex((item) => equals(item, args[0]));
        if (i < 0) throw new PythonException("ValueError", "list.remove(x): x not in list");
        self.splice(i, 1);
        return null;
      }
      case "reverse":
        arity(name, args, 0, 0);
        self.reverse();
        return null;
      case "sort": {
        arity(name, args, 0, 0);
        const sorted = [...self].sort(compare);
        for (let i = 0; i < sorted.length; i++) self[i] = sorted[i];
        return null;
      }
    }
    return notMutating;
  }
  if (self instanceof PyDict) {
    if (name === "update") {
      arity(name, args, 0, 1);
      const source = args[0];
      if (source === undefined) return null;
      const pairs = source instanceof PyDict ? source : (builtins.dict!([source]) as PyDict);
      for (const [key, value] of pairs.items()) self.set(key, value);
      return null;
    }
    if (name === "pop") {
      arity(name, args, 1, 2);
      if (self.has(args[0])) {
        const value = self.get(args[0]);
        self.delete(args[0]);
        return value;
      }
      if (args.length === 2) return args[1];
      throw new PythonException("KeyError", repr(args[0]));
    }
    return notMutating;
  }
  if (self instanceof PySet && name === "add") {
    arity(name, args, 1, 1);
    self.add(args[0]);
    return null;
  }
  if (self instanceof PySet && name === "update") {
    for (const arg of args) for (const item of iterate(arg)) self.add(item);
    return null;
  }
  return notMutating;
}

function index(value: PyValue): number {
  const rank = numericRank(value);
  if (rank < 0 || rank === 2) throw typeError("an integer is required");
  return Number(toBigInt(value));
}

function arity(name: string, args: PyValue[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    throw typeError(
      `${name}() takes ${min === max ? `exactly ${min}` : `at most ${max}`} arguments (${args.length} given)`,
    );
  }
}

/** Keyword arguments and `**mapping` as host values, in call order. */
function keywordValues(
  keywords: { name: string; value: Evaluator }[],
  kwargs: Evaluator | undefined,
  scope: Readonly<Record<string, unknown>>,
  env: PythonEnvironment,
): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const keyword of keywords) named[keyword.name] = toHost(keyword.value(scope, env));
  if (kwargs) {
    const mapping = kwargs(scope, env);
    if (!(mapping instanceof PyDict)) {
      throw typeError(`argument after ** must be a mapping, not ${pythonTypeName(mapping)}`);
    }
    for (const [key, value] of mapping.items()) {
      if (!isText(key)) throw typeError("keywords must be strings");
      const name = textOf(key);
      if (Object.hasOwn(named, name)) throw typeError(`got multiple values for keyword argument '${name}'`);
      named[name] = toHost(value);
    }
  }
  return named;
}

/** What `print` writes for a value: unicode as it is, anything else as str(). */
function printText(value: PyValue): string {
  return str(value);
}

/**
 * Calls a script function: the deadline is checked (recursion without loops must stop too),
 * recursion is bounded as Jython bounds it, and the caught exception a bare `raise` sees is
 * the frame's own, as in Python 2.
 */
function callFunction(
  function_: ScriptFunction,
  positional: PyValue[],
  keywords: KeywordArgument[],
  state: RunState,
): PyValue {
  if ((++state.iterations & 1023) === 0 && Date.now() > state.deadline) throw new ScriptTimeout();
  const locals = bindArguments(function_, positional, keywords);
  if (state.depth >= recursionLimit) throw new PythonException("RuntimeError", "maximum recursion depth exceeded");
  const caught = state.caught;
  const globals = state.globals;
  state.depth++;
  // The body reads the globals of the module that defined the function.
  state.globals = function_.globals;
  try {
    return function_.code.run(locals, state);
  } catch (error) {
    // Deep recursion of large function bodies can exhaust the JS stack before Jython's limit.
    if (error instanceof RangeError && error.message.includes("call stack")) {
      throw new PythonException("RuntimeError", "maximum recursion depth exceeded");
    }
    throw error;
  } finally {
    state.depth--;
    state.caught = caught;
    state.globals = globals;
  }
}

interface SortOptions {
  cmp: Invoke | null;
  key: Invoke | null;
  reverse: boolean;
}

/**
 * list.sort as Python 2 does it: keys computed first, `reverse` by reversing before and
 * after a stable sort (so equal items keep their order), `cmp` results must be integers.
 */
function sortWith(items: PyValue[], { cmp, key, reverse }: SortOptions): void {
  const entries = items.map((item) => ({ key: key ? key([item]) : item, item }));
  if (reverse) entries.reverse();
  const lessThan = cmp
    ? (a: { key: PyValue }, b: { key: PyValue }) => {
        const result = cmp([a.key, b.key]);
        const rank = numericRank(result);
        if (rank < 0 || rank === 2) throw typeError("an integer is required");
        return toBigInt(result) < 0n;
      }
    : (a: { key: PyValue }, b: { key: PyValue }) => compare(a.key, b.key) < 0;
  sortInPlace(entries, lessThan);
  if (reverse) entries.reverse();
  for (let i = 0; i < entries.length; i++) items[i] = entries[i]!.item;
}

/** `module.f(...)`: a function of an imported home module (or any callable it holds). */
function callModuleAttribute(
  module: ScriptModule,
  name: string,
  values: PyValue[],
  keywords: { name: string; value: Evaluator }[],
  kwargs: Evaluator | undefined,
  scope: Record<string, unknown>,
  env: PythonEnvironment,
): PyValue {
  const function_ = scriptAttribute(module, name, env);
  if (function_ instanceof ScriptFunction) {
    const named: KeywordArgument[] = keywords.map((keyword) => ({
      key: new PyStr(keyword.name),
      name: keyword.name,
      value: keyword.value(scope, env),
    }));
    if (kwargs) addMappingKeywords(function_.code.name, kwargs(scope, env), named);
    return callFunction(function_, values, named, runState(env));
  }
  if (keywords.length > 0 || kwargs) {
    if (!(function_ instanceof HostFunction)) throw typeError(`'${pythonTypeName(function_)}' object is not callable`);
    return detach(function_.call(values, env, keywordValues(keywords, kwargs, scope, env)));
  }
  return detach(callValue(function_, values, env));
}

/** `import a.b` binds `name` to the module at `index` of the chain (a: 0; with `as`, a.b: the last). */
interface ModuleImport {
  chain: CompiledModule[];
  name: string;
  index: number;
}

/** A home module compiled on the fast path; a package without `__init__.py` has no body. */
interface CompiledModule {
  name: string;
  isPackage: boolean;
  body: Block | undefined;
  /** The names its top level binds to values. */
  bound: Set<string>;
  /** The names it imports as stand-ins. */
  standIns: Set<string>;
}

/** Compiles a classpath's home modules once each (a failure or decline is remembered too). */
interface ModuleCompiler {
  /** The modules `from name import ...` runs, outermost package first; throws Decline. */
  chain(name: string): CompiledModule[];
}

const moduleCompilers = new WeakMap<ResolveModule, ModuleCompiler>();

function moduleCompiler(resolve: ResolveModule): ModuleCompiler {
  const known = moduleCompilers.get(resolve);
  if (known) return known;
  const compiled = new Map<string, CompiledModule | Decline>();
  const compiling = new Set<string>();
  const compileModule = (name: string, source: HomeModuleSource): CompiledModule => {
    const cached = compiled.get(name);
    if (cached instanceof Decline) throw cached;
    if (cached) return cached;
    if (compiling.has(name)) throw new Decline(`circular import of ${name}`);
    compiling.add(name);
    try {
      const statements = parseScript(source.source);
      const compiler = new ScriptCompiler(statements, modules, source.location);
      const body = compiler.compileBlock(statements);
      const module = { name, isPackage: source.package, body, ...compiler.boundNames(statements) };
      compiled.set(name, module);
      return module;
    } catch (error) {
      if (!(error instanceof Decline)) throw error;
      const declined = new Decline(`module ${name}: ${error.message}`);
      compiled.set(name, declined);
      throw declined;
    } finally {
      compiling.delete(name);
    }
  };
  const modules: ModuleCompiler = {
    chain(name) {
      // As the interpreter's importer: each enclosing package runs first; one without __init__.py is empty.
      const parts = name.split(".");
      return parts.map((_part, index) => {
        const prefix = parts.slice(0, index + 1).join(".");
        const source = resolve(prefix);
        if (!source) {
          if (index === parts.length - 1) throw new Decline(`no module ${name}`);
          return {
            name: prefix,
            isPackage: true,
            body: undefined,
            bound: new Set<string>(),
            standIns: new Set<string>(),
          };
        }
        return compileModule(prefix, source);
      });
    },
  };
  moduleCompilers.set(resolve, modules);
  return modules;
}

/**
 * Runs the modules of an import that this run's registry does not have yet (their top level
 * with their own globals, the deadline and log of the importing run), and returns them, each
 * also an attribute of its package as the interpreter's importer sets it. A module whose top
 * level raised is forgotten, so the next import runs it again.
 */
function importModules(chain: readonly CompiledModule[], state: RunState): ScriptModule[] {
  const imported: ScriptModule[] = [];
  for (const module of chain) {
    let value = state.modules.get(module.name);
    if (!value) {
      value = new ScriptModule(module.name, Object.create(null));
      state.modules.set(module.name, value);
      if (module.body) {
        const importing = state.globals;
        state.globals = value.globals;
        try {
          module.body(value.globals, state);
        } catch (error) {
          state.modules.delete(module.name);
          throw error;
        } finally {
          state.globals = importing;
        }
      }
    }
    const parent = imported.at(-1);
    if (parent) parent.globals[module.name.slice(parent.name.length + 1)] = value;
    imported.push(value);
  }
  return imported;
}

/** What `raise Class, value` raises: value itself when it is an instance of the class, else a new instance. */
function classInstance(type: string, value: PyValue): PythonException {
  if (value instanceof PythonException && isExceptionSubclass(value.pythonType, type)) return freshlyRaised(value);
  const args = value === null || value === undefined ? [] : value instanceof PyTuple ? value.items : [value];
  return instantiateException(type, args);
}

/** `del d[key]`, `del l[index]`. */
function deleteItem(container: PyValue, key: PyValue): void {
  if (container instanceof PyDict) {
    // As a failed read reports it (operations.ts): Jython shows a unicode key without its u.
    if (!container.has(key)) throw new PythonException("KeyError", isText(key) ? `'${textOf(key)}'` : repr(key), [key]);
    container.delete(key);
    return;
  }
  if (Array.isArray(container)) {
    container.splice(listSlot(container, key), 1);
    return;
  }
  throw typeError(`'${pythonTypeName(container)}' object does not support item deletion`);
}

/** Python 2's `raise instance` starts a new traceback: the line is where it is raised again. */
function freshlyRaised(exception: PythonException): PythonException {
  errorLines.delete(exception);
  return exception;
}

/** `e.args`, `e.message` and what a script set on an exception instance. */
function exceptionAttribute(exception: PythonException, name: string): PyValue {
  const set = exception.attributes?.get(name);
  if (set !== undefined) return set;
  const args = exceptionArgs(exception);
  if (name === "args") return new PyTuple(args);
  if (name === "message") return args.length === 1 ? args[0] : new PyStr("");
  throw attributeError(exception, name);
}

/** The classes an `except` clause names: a builtin exception class or a tuple of them. */
function exceptionClasses(node: Node): string[] {
  const names = node.kind === "tuple" ? node.items : [node];
  return names.map((name) => {
    if (name.kind !== "name" || !isExceptionClass(name.id)) throw new Decline("except of this class");
    return name.id;
  });
}
