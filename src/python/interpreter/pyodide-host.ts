import type { PyodideAPI } from "pyodide";
import { type ConfigurationItem, isConfigurationItem } from "../../repository/model.js";
import type { SourceText } from "../../rules/model.js";
import type { TypeRegistry } from "../../types/model.js";
import { unsetPropertyValue } from "../../types/unset-property-value.js";
import { isHostObject, PyKeywords } from "../host-object.js";
import { artifactFile, setCiProperty, toHost } from "../values/ci-bridge.js";
import {
  isDelta,
  isDeltaSpecification,
  JavaName,
  PyDict,
  PyFloat,
  PyLong,
  PySet,
  PyStr,
  PyTuple,
} from "../values/model.js";
import { PyOpaque, PythonCheckpoint } from "./host-values.js";
import { bridgeSource } from "./python/bridge.js";
import { javaStandinsSource } from "./python/java-standins.js";
import { py2FixerSource } from "./python/py2-fixer.js";
import { py2OrderingSource } from "./python/py2-ordering.js";
import { py2SemanticsSource } from "./python/py2-semantics.js";
import { py2TextSource } from "./python/py2-text.js";
import { runnerSource } from "./python/runner.js";
import { InterpreterSnapshotCache } from "./snapshot.js";
import { Watchdog } from "./watchdog.js";

/** A Python module found on the plugin classpath (`import rules.helpers`). */
export interface PluginModuleSource extends SourceText {
  /** True for a package's `__init__.py`. */
  package: boolean;
}

export interface PyodideHostOptions {
  types: TypeRegistry;
  log: (level: "debug" | "info" | "warn" | "error", message: string) => void;
  resolveModule?: (dottedName: string) => PluginModuleSource | undefined;
}

/** Why a compile or run did not produce a value. */
export class PythonFailure {
  constructor(
    readonly kind: "python" | "timeout" | "host",
    readonly message: string,
    /** Exception class name as Jython 2.7 names it. */
    readonly pythonType: string | undefined,
    readonly file: string | undefined,
    readonly line: number | undefined,
    readonly column: number | undefined,
    /** For ImportError: the module that could not be imported. */
    readonly importName: string | undefined,
    /** For `host`: what a JS callback threw (rethrown as it is). */
    readonly hostError: unknown,
  ) {}
}

/** How the interpreter of this process started (for tests and `npm run bench`). */
export interface InterpreterStartup {
  readonly from: "snapshot" | "plain";
  /** The snapshot file used or written; undefined when snapshots are off. */
  readonly snapshotFile: string | undefined;
  /** Why an existing snapshot was not used ("missing", "truncated", ...). */
  readonly snapshotRejected: string | undefined;
  /** After a plain load: resolves once the new snapshot is written (false if it could not be). */
  readonly snapshotWritten: Promise<boolean> | undefined;
}

/** A compiled code object living inside Pyodide. */
export interface PythonCode {
  readonly mode: "eval" | "exec";
  readonly code: unknown;
}

enum Kind {
  Other = 0,
  Ci = 1,
  Delta = 2,
  Specification = 3,
  Host = 4,
  List = 5,
  Dict = 6,
  Set = 7,
  Str = 8,
  Float = 9,
  Long = 10,
  Tuple = 11,
  JavaName = 12,
  Function = 13,
  Checkpoint = 14,
}

type PyCallable = ((...args: unknown[]) => unknown) & { destroy?: () => void };

/**
 * One Pyodide interpreter per process with Planwright's Python 2 layer, Java stand-ins and
 * object bridge. `compile` caches nothing itself (the runtime keeps compiled objects); `run`
 * gives every run fresh globals and builtins.
 */
export class PyodideHost {
  private constructor(
    private readonly pyodide: PyodideAPI,
    private readonly compileFunction: PyCallable,
    private readonly runFunction: PyCallable,
    private readonly watchdog: Watchdog,
    private readonly bound: { options: PyodideHostOptions },
    private readonly pluginModules: { clear(): void },
    readonly startup: InterpreterStartup,
  ) {}

  /**
   * Points the host at another runtime's types, log and classpath (one interpreter serves
   * every runtime of the process). Plugin modules imported for another classpath are forgotten.
   */
  bind(options: PyodideHostOptions): void {
    const previous = this.bound.options;
    if (previous === options) return;
    if (previous.resolveModule !== options.resolveModule) this.pluginModules.clear();
    this.bound.options = options;
  }

  /**
   * Loads the interpreter, from the snapshot cache when it holds a usable snapshot; otherwise
   * plainly, and then writes one for the next process. `snapshots` null turns the cache off;
   * by default it is the process's (`InterpreterSnapshotCache.forProcess`).
   */
  static async start(options: PyodideHostOptions, snapshots?: InterpreterSnapshotCache | null): Promise<PyodideHost> {
    // Imported here so that a process that never needs the interpreter never loads it.
    const { loadPyodide, version } = await import("pyodide");
    const bound = { options };
    const loadOptions = {
      jsglobals: {},
      // A fixed hash seed: set and dict iteration order, and so any plan a script builds by
      // iterating one, is the same on every run.
      env: { PYTHONHASHSEED: "0" },
      stdout: (line: string) => bound.options.log("info", line),
      stderr: (line: string) => bound.options.log("warn", line),
    };
    const cache =
      snapshots === undefined
        ? InterpreterSnapshotCache.forProcess({
            pyodideVersion: version,
            prelude: PRELUDE,
            loadOptions: loadOptions.env,
          })
        : (snapshots ?? undefined);
    const host = hostModule(bound);
    const found = cache?.read();
    let snapshotRejected = found && "rejected" in found ? found.rejected : undefined;
    if (cache && found && "snapshot" in found) {
      try {
        const pyodide = await loadPyodide({
          ...loadOptions,
          _loadSnapshot: found.snapshot,
          // The only JS object the prelude holds is the `_pw_host` module (see `captureSnapshot`).
          _snapshotDeserializer: (reference: unknown) => {
            if (reference !== HOST_MODULE_REFERENCE) throw new Error(`unknown snapshot reference ${String(reference)}`);
            return host;
          },
        });
        const namespace = pyodide.globals.get(PRELUDE_NAMESPACE);
        if (namespace === undefined) throw new Error("snapshot without the prelude");
        return PyodideHost.ready(pyodide, namespace, bound, {
          from: "snapshot",
          snapshotFile: cache.file,
          snapshotRejected: undefined,
          snapshotWritten: undefined,
        });
      } catch (error) {
        // Checks passed but Pyodide refused it (a private API changed under the same version?).
        cache.discard();
        snapshotRejected = `unusable (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
      }
    }
    const pyodide = await loadPyodide({ ...loadOptions, _makeSnapshot: cache !== undefined });
    pyodide.registerJsModule("_pw_host", host);
    const namespace = pyodide.globals.get("dict")();
    pyodide.runPython(PRELUDE, { globals: namespace, filename: "<planwright>" });
    pyodide.globals.set(PRELUDE_NAMESPACE, namespace);
    // Captured now, before any plugin code runs, so the snapshot holds only Pyodide and the
    // prelude; only the copy is synchronous, the 31 MB write happens in the background.
    const snapshot = cache ? captureSnapshot(pyodide, host) : undefined;
    return PyodideHost.ready(pyodide, namespace, bound, {
      from: "plain",
      snapshotFile: cache?.file,
      snapshotRejected,
      snapshotWritten: cache ? (snapshot ? cache.write(snapshot) : Promise.resolve(false)) : undefined,
    });
  }

  private static ready(
    pyodide: PyodideAPI,
    namespace: { get(name: string): unknown },
    bound: { options: PyodideHostOptions },
    startup: InterpreterStartup,
  ): PyodideHost {
    const interrupt = new Uint8Array(new SharedArrayBuffer(1));
    pyodide.setInterruptBuffer(interrupt);
    return new PyodideHost(
      pyodide,
      namespace.get("_compile") as PyCallable,
      namespace.get("_run") as PyCallable,
      new Watchdog(interrupt, 20),
      bound,
      namespace.get("_plugin_modules") as { clear(): void },
      startup,
    );
  }

  /**
   * Compiles Python 2 source. `mode` "eval" for an expression: it is parenthesised so that
   * line breaks inside it are whitespace, as XL Deploy treats them; line numbers stay the
   * source's own.
   */
  compile(text: SourceText, mode: "eval" | "exec", uniqueName: string): PythonCode | PythonFailure {
    const source = mode === "eval" ? `(${text.source}\n)` : text.source;
    const result = this.compileFunction(
      source,
      uniqueName,
      text.location.file,
      text.location.line ?? 1,
      mode === "eval" ? (text.location.column ?? 1) - 1 : (text.location.column ?? 1),
      mode,
    );
    if (result instanceof PythonFailure) return result;
    return { mode, code: result };
  }

  /** Runs compiled code with fresh globals; returns the value (value model) for "eval". */
  run(code: PythonCode, bindings: Record<string, unknown>, timeLimitMs: number): unknown {
    const names = Object.keys(bindings);
    const values = names.map((name) => bindings[name]);
    this.watchdog.arm(timeLimitMs);
    try {
      return this.runFunction(code.code, code.mode, names, values);
    } finally {
      this.watchdog.disarm();
    }
  }

  get version(): string {
    return this.pyodide.version;
  }
}

/** Planwright's Python layer, run once when the interpreter starts. */
const PRELUDE = [
  py2FixerSource,
  py2OrderingSource,
  py2TextSource,
  py2SemanticsSource,
  bridgeSource,
  javaStandinsSource,
  runnerSource,
].join("\n");

/** Where the prelude's namespace is kept in `__main__`, so a snapshot-loaded interpreter finds it. */
const PRELUDE_NAMESPACE = "_planwright_prelude";
const HOST_MODULE_REFERENCE = "_pw_host";

/**
 * Pyodide's memory with the prelude loaded. JS objects Python holds cannot be captured, only
 * named: the prelude holds just the `_pw_host` module, which a loading process supplies anew.
 * Undefined if Python holds anything else (a prelude change): then there is no snapshot.
 */
function captureSnapshot(pyodide: PyodideAPI, host: Record<string, unknown>): Uint8Array | undefined {
  try {
    return pyodide.makeMemorySnapshot({
      serializer: (value: unknown) => {
        if (value === host) return HOST_MODULE_REFERENCE;
        throw new Error("the prelude holds a JS object other than _pw_host");
      },
    });
  } catch {
    return undefined;
  }
}

/** The `_pw_host` module; `bound.options` is read at each call, so `bind` re-targets it. */
function hostModule(bound: { options: PyodideHostOptions }): Record<string, unknown> {
  return {
    kind,
    entries(value: unknown): unknown[] {
      const flat: unknown[] = [];
      if (value instanceof Map || value instanceof PyDict) {
        const pairs = value instanceof Map ? value.entries() : value.items();
        for (const [key, item] of pairs) flat.push(key, item);
      } else {
        for (const [key, item] of Object.entries(value as object)) flat.push(key, item);
      }
      return flat;
    },
    members: (value: Set<unknown> | PySet) => (value instanceof Set ? [...value] : value.values()),
    bigintText: (value: PyLong) => value.value.toString(),
    makeStr: (text: string) => new PyStr(text),
    makeFloat: (number: number) => new PyFloat(number),
    makeLong: (digits: string) => new PyLong(BigInt(digits)),
    makeTuple: (items: unknown[]) => new PyTuple(items),
    makeDict(flat: unknown[]): PyDict {
      const dict = new PyDict();
      for (let index = 0; index < flat.length; index += 2) dict.set(flat[index], flat[index + 1]);
      return dict;
    },
    makeSet: (items: unknown[]) => new PySet(items),
    makeJavaName: (javaType: "Type" | "Operation", name: string) => new JavaName(javaType, name, bound.options.types),
    makeCheckpoint: (delta: unknown, name: unknown, operation: unknown) =>
      new PythonCheckpoint(
        isDelta(delta) ? delta : null,
        (toHost(name) as string | null) ?? null,
        (toHost(operation) as string | null) ?? null,
      ),
    makeOpaque: (typeName: string, repr: string) => new PyOpaque(typeName, repr),
    makeFailure: (...fields: unknown[]) => {
      const [kindName, message, pythonType, file, line, column, extra] = fields as [
        "python" | "timeout" | "host",
        string,
        string | undefined,
        string | undefined,
        number | undefined,
        number | undefined,
        unknown,
      ];
      return new PythonFailure(
        kindName,
        message,
        pythonType ?? undefined,
        file ?? undefined,
        line ?? undefined,
        column ?? undefined,
        kindName === "python" ? ((extra as string | undefined) ?? undefined) : undefined,
        kindName === "host" ? extra : undefined,
      );
    },
    ciValue(ci: { type: string; values: Record<string, unknown> }, name: string): unknown {
      // Same view as the fast path's bridge (../values/ci-bridge.ts): the declared default (False
      // for an unset boolean), and set kinds as sets.
      if (name === "file" && ci.values.file === undefined) {
        const file = artifactFile(ci as ConfigurationItem);
        if (file) return file;
      }
      const descriptor = bound.options.types.property(ci.type, name);
      const value = Object.hasOwn(ci.values, name) ? ci.values[name] : unsetPropertyValue(descriptor);
      if (Array.isArray(value) && descriptor?.kind.startsWith("set_of_")) return new Set(value);
      return value;
    },
    ciKnows(ci: { type: string; values: Record<string, unknown> }, name: string): boolean {
      const { types } = bound.options;
      if (Object.hasOwn(ci.values, name)) return true;
      if (name === "file" && artifactFile(ci as ConfigurationItem)) return true;
      if (!types.has(ci.type)) return true;
      return types.property(ci.type, name) !== undefined;
    },
    ciValueNames: (ci: { values: Record<string, unknown> }) => Object.keys(ci.values),
    ciSet: (ci: ConfigurationItem, name: string, value: unknown) => setCiProperty(ci, name, value),
    isSubtypeOf: (name: string, ancestor: string) => bound.options.types.isSubtypeOf(name, ancestor),
    descriptor: () => undefined,
    hostGet: (host: { pyGetAttr(name: string): unknown }, name: string) => host.pyGetAttr(name),
    hostHas: (host: { pyGetAttr(name: string): unknown }, name: string) => host.pyGetAttr(name) !== undefined,
    hostSet(
      host: { pyTypeName: string; pySetAttr?(name: string, value: unknown): void },
      name: string,
      value: unknown,
    ) {
      if (!host.pySetAttr) throw new TypeError(`can't set attribute '${name}' of ${host.pyTypeName}`);
      host.pySetAttr(name, toHost(value));
    },
    call(fn: (...args: unknown[]) => unknown, args: unknown[], flatKeywords: unknown[] | undefined): unknown {
      const converted = args.map(toHost);
      if (flatKeywords) {
        const keywords: Record<string, unknown> = {};
        for (let index = 0; index < flatKeywords.length; index += 2) {
          keywords[flatKeywords[index] as string] = toHost(flatKeywords[index + 1]);
        }
        converted.push(new PyKeywords(keywords));
      }
      return fn(...converted);
    },
    log: (level: "debug" | "info" | "warn" | "error", message: string) => bound.options.log(level, message),
    resolveModule(name: string) {
      const found = bound.options.resolveModule?.(name);
      if (!found) return undefined;
      return {
        source: found.source,
        file: found.location.file,
        line: found.location.line ?? 1,
        package: found.package,
      };
    },
  };
}

function kind(value: unknown): Kind {
  if (typeof value === "function") return Kind.Function;
  if (typeof value !== "object" || value === null) return Kind.Other;
  if (Array.isArray(value)) return Kind.List;
  if (value instanceof PyStr) return Kind.Str;
  if (value instanceof PyTuple) return Kind.Tuple;
  if (value instanceof PyDict || value instanceof Map) return Kind.Dict;
  if (value instanceof PySet || value instanceof Set) return Kind.Set;
  if (value instanceof PyFloat) return Kind.Float;
  if (value instanceof PyLong) return Kind.Long;
  if (value instanceof JavaName) return Kind.JavaName;
  if (value instanceof PythonCheckpoint) return Kind.Checkpoint;
  if (isHostObject(value)) return Kind.Host;
  if (isConfigurationItem(value)) return Kind.Ci;
  if (isDelta(value)) return Kind.Delta;
  if (isDeltaSpecification(value)) return Kind.Specification;
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return Kind.Dict;
  return Kind.Other;
}
