import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { operations } from "../delta/model.js";
import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ClasspathRoot } from "../workspace/model.js";
import type { PlanwrightPlugin } from "./api.js";

export interface PluginModule {
  plugin: PlanwrightPlugin;
  /** `plugins/<folder>/index.mjs`, relative to the home. */
  file: string;
}

const indexFiles = ["index.js", "index.mjs"];

/** What importing one version of a module file gave: its exports, or what it threw. */
interface ModuleVersion {
  /** Digest of the file's content when it was imported. */
  digest: string;
  outcome: { exports: unknown } | { error: unknown };
}

/** The latest version imported of each plugin module file, by absolute path. */
const importedVersions = new Map<string, ModuleVersion>();

/**
 * The plugin module of a plugin folder (DESIGN §2.1), when it has an `index.js` or
 * `index.mjs`. Loaded synchronously with Node's `require`, which loads ES modules since Node
 * 20.19, so that a home loads in one synchronous pass like every other stage. A module that
 * throws, has top-level await, or exports something else than a plugin is a diagnostic.
 * Node caches modules, so a module changed since then is seen only after
 * `importChangedPluginModules` (which `plan --watch` calls before each re-plan).
 */
export function loadPluginModule(root: ClasspathRoot): { module?: PluginModule; diagnostics: Diagnostic[] } {
  if (root.kind !== "folder" || !root.directory) return { diagnostics: [] };
  const index = indexFileOf(root.directory);
  if (!index) return { diagnostics: [] };
  const file = `${root.name}/${index}`;
  const outcome = currentVersion(path.resolve(root.directory, index)).outcome;
  if ("error" in outcome) {
    const { error } = outcome;
    const detail = loadFailure(error);
    return { diagnostics: [diagnostic("PW8501", { file, detail }, { file })] };
  }
  const candidate = exportedPlugin(outcome.exports);
  const folderName = root.name.slice(root.name.lastIndexOf("/") + 1);
  const problem = shapeProblem(candidate);
  if (problem) return { diagnostics: [diagnostic("PW8502", { file, detail: problem }, { file })] };
  const plugin = candidate as PlanwrightPlugin;
  return { module: { plugin: { ...plugin, name: plugin.name ?? folderName }, file }, diagnostics: [] };
}

/**
 * Imports again every module of `<home>/plugins/<folder>/` whose file changed since it was
 * last imported, so that the next `loadPluginModule` sees the new version. Only the index
 * file is compared: a module it imports in turn stays the version first imported.
 *
 * ES modules are cached by URL for the life of the process and cannot be evicted, so a
 * changed module is imported under a new URL (`?digest=<content digest>`): every distinct
 * content saved stays in memory until the process ends. Only changed modules get a new URL,
 * and saving a content seen before imports nothing (the URL is the same), so this grows
 * with the number of distinct edits, which for a watching session is small.
 */
export async function importChangedPluginModules(home: string): Promise<void> {
  const pluginsFolder = path.resolve(home, "plugins");
  let folders: string[];
  try {
    folders = readdirSync(pluginsFolder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(pluginsFolder, entry.name));
  } catch {
    return;
  }
  for (const folder of folders) {
    const index = indexFileOf(folder);
    if (!index) continue;
    const file = path.join(folder, index);
    const digest = digestOf(file);
    const previous = importedVersions.get(file);
    // A module never loaded is loaded by `require` like at start-up.
    if (!previous || previous.digest === digest || digest === undefined) continue;
    // A CommonJS module imported under a new URL is still read through require's cache.
    delete moduleRequire.cache[file];
    let outcome: ModuleVersion["outcome"];
    try {
      outcome = { exports: await import(/* @vite-ignore */ `${pathToFileURL(file).href}?digest=${digest}`) };
    } catch (error) {
      outcome = { error };
    }
    importedVersions.set(file, { digest, outcome });
  }
}

const moduleRequire = createRequire(import.meta.url);

function indexFileOf(directory: string): string | undefined {
  return indexFiles.find((name) => existsSync(path.join(directory, name)));
}

/** The version of a module file to use: the one imported last, or (the first time) a `require`d one. */
function currentVersion(file: string): ModuleVersion {
  const imported = importedVersions.get(file);
  if (imported) return imported;
  let outcome: ModuleVersion["outcome"];
  try {
    outcome = { exports: moduleRequire(file) };
  } catch (error) {
    outcome = { error };
  }
  const version = { digest: digestOf(file) ?? "", outcome };
  importedVersions.set(file, version);
  return version;
}

/** Why a module did not load, in the plugin author's terms (not in terms of `require`). */
function loadFailure(error: unknown): string {
  if ((error as { code?: unknown })?.code === "ERR_REQUIRE_ASYNC_MODULE") {
    return "it uses top-level await, which a plugin module cannot: the home loads in one synchronous pass; await inside its rules' functions instead";
  }
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}

function digestOf(file: string): string | undefined {
  try {
    return createHash("sha1").update(readFileSync(file)).digest("hex").slice(0, 16);
  } catch {
    return undefined;
  }
}

function exportedPlugin(exports: unknown): unknown {
  if (typeof exports !== "object" || exports === null) return exports;
  const record = exports as Record<string, unknown>;
  return record.default ?? record.plugin ?? exports;
}

/** What is wrong with an exported value as a `PlanwrightPlugin`, or undefined. */
function shapeProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return `it exports ${value === null ? "null" : typeof value}`;
  const plugin = value as Record<string, unknown>;
  if (plugin.name !== undefined && (typeof plugin.name !== "string" || plugin.name === "")) {
    return "`name` must be a non-empty string";
  }
  const lists: [string, string[], string][] = [
    ["deployedRules", ["type", "method", "operation"], "plan"],
    ["contributors", ["className", "method"], "contribute"],
    ["prePlanProcessors", ["className", "method"], "process"],
    ["postPlanProcessors", ["className", "method"], "process"],
    ["steps", ["name"], ""],
  ];
  for (const [list, texts, callback] of lists) {
    const entries = plugin[list];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) return `\`${list}\` must be an array`;
    for (const [index, entry] of entries.entries()) {
      const at = `${list}[${index}]`;
      if (typeof entry !== "object" || entry === null) return `${at} must be an object`;
      const record = entry as Record<string, unknown>;
      for (const key of texts) {
        if (typeof record[key] !== "string" || record[key] === "") return `${at}.${key} must be a non-empty string`;
      }
      if (callback && typeof record[callback] !== "function") return `${at}.${callback} must be a function`;
      if (list === "deployedRules" && !operations.includes(record.operation as never)) {
        return `${at}.operation must be one of ${operations.join(", ")}`;
      }
      if (list === "steps" && !Array.isArray(record.parameters)) return `${at}.parameters must be an array`;
    }
  }
  if (!lists.some(([list]) => plugin[list] !== undefined)) {
    return `it defines none of ${lists.map(([list]) => list).join(", ")}`;
  }
  return undefined;
}
