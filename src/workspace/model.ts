import type { DiagnosticContext } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** A classpath root: `ext/`, a plugin folder, or an archive read in memory. */
export interface ClasspathRoot {
  /** Relative to the home: `ext`, `plugins/foo`, `plugins/foo.jar`. */
  name: string;
  kind: "folder" | "archive";
  /** Absolute folder path, for folder roots. */
  directory?: string;
  /** Relative paths (with `/`) of every file in the root, sorted. */
  files(): string[];
  read(path: string): Uint8Array | undefined;
}

export interface ClasspathResource {
  root: ClasspathRoot;
  /** Path inside the root, with `/`. */
  path: string;
  /** How diagnostics name the file: `ext/x.py`, `plugins/foo.jar!/x.py`. */
  displayPath: string;
  text(): string;
  bytes(): Uint8Array;
}

export interface Classpath {
  /** ext first, then plugins in name order. */
  roots: readonly ClasspathRoot[];
  /**
   * The first resource with this path, in root order. Undefined when absent. Throws
   * nothing: a path escaping a root (`..`, absolute) is reported through `checkPath`.
   */
  find(path: string): ClasspathResource | undefined;
  /** Every root's resource at this exact path (e.g. each root's `xl-rules.xml`). */
  findAll(path: string): ClasspathResource[];
  /**
   * A diagnostic (PW1005) when `path` escapes the classpath, else undefined. `at` places it
   * (the file and line that named the path, and the rule).
   */
  checkPath(path: string, at?: DiagnosticContext): Diagnostic | undefined;
}

/** conf/planner.conf, typed. */
export interface PlannerSettings {
  /** xl.file-watch.interval in milliseconds; 0 = never rescan. */
  fileWatchIntervalMs: number;
  /** xl.python.time-limit (Planwright's own key) in milliseconds; default 10 000. */
  pythonTimeLimitMs: number;
}

export const defaultPlannerSettings: PlannerSettings = {
  fileWatchIntervalMs: 0,
  pythonTimeLimitMs: 10_000,
};
