import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { TypeRegistry } from "../types/model.js";
import { type RepositoryReadResult, type RepositorySource, readRepository } from "./yaml-repository-reader.js";

/** Every `*.yaml`/`*.yml` under `<home>/repository/`, in path order, read into a repository. */
export function loadRepository(home: string, types: TypeRegistry): RepositoryReadResult {
  const diagnostics: Diagnostic[] = [];
  const sources: RepositorySource[] = [];
  for (const relative of yamlFilesUnder(path.join(home, "repository"))) {
    const displayPath = `repository/${relative}`;
    const absolute = path.join(home, "repository", relative);
    try {
      sources.push({ path: absolute, displayPath, text: readFileSync(absolute, "utf8") });
    } catch (error) {
      diagnostics.push(diagnostic("PW3017", { path: displayPath, detail: String(error) }, { file: displayPath }));
    }
  }
  const result = readRepository(sources, types);
  return { repository: result.repository, diagnostics: [...diagnostics, ...result.diagnostics] };
}

function yamlFilesUnder(folder: string, prefix = ""): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(path.join(folder, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...yamlFilesUnder(folder, relative));
    else if (/\.ya?ml$/i.test(entry.name)) files.push(relative);
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
