import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
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

/**
 * The plugin module of a plugin folder (DESIGN §2.1), when it has an `index.js` or
 * `index.mjs`. Loaded synchronously with Node's `require`, which loads ES modules since Node
 * 20.19, so that a home loads in one synchronous pass like every other stage. A module that
 * throws, has top-level await, or exports something else than a plugin is a diagnostic.
 * Node caches modules: a changed module is picked up by the next process, not by `--watch`.
 */
export function loadPluginModule(root: ClasspathRoot): { module?: PluginModule; diagnostics: Diagnostic[] } {
  if (root.kind !== "folder" || !root.directory) return { diagnostics: [] };
  const index = indexFiles.find((name) => existsSync(path.join(root.directory!, name)));
  if (!index) return { diagnostics: [] };
  const file = `${root.name}/${index}`;
  let exports: unknown;
  try {
    exports = createRequire(import.meta.url)(path.join(root.directory, index));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { diagnostics: [diagnostic("PW8501", { file, detail }, { file })] };
  }
  const candidate = exportedPlugin(exports);
  const folderName = root.name.slice(root.name.lastIndexOf("/") + 1);
  const problem = shapeProblem(candidate);
  if (problem) return { diagnostics: [diagnostic("PW8502", { file, detail: problem }, { file })] };
  const plugin = candidate as PlanwrightPlugin;
  return { module: { plugin: { ...plugin, name: plugin.name ?? folderName }, file }, diagnostics: [] };
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
