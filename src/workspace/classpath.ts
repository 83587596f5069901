import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type DiagnosticContext, diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { archiveRoot } from "./archive-root.js";
import { normalizeClasspathPath } from "./classpath-path.js";
import { folderRoot } from "./folder-root.js";
import type { Classpath, ClasspathResource, ClasspathRoot } from "./model.js";

const archiveExtensions = [".jar", ".xldp", ".zip"];

export interface ClasspathLoadResult {
  classpath: Classpath;
  diagnostics: Diagnostic[];
}

/**
 * The classpath of a home (DESIGN §2.1): `ext/` first, then every sub-folder and
 * .jar/.xldp/.zip archive of `plugins/` in name order. An archive that is not a zip is
 * reported and skipped; loading continues with the other roots.
 */
export function loadClasspath(home: string): ClasspathLoadResult {
  const diagnostics: Diagnostic[] = [];
  const roots: ClasspathRoot[] = [];
  const ext = path.join(home, "ext");
  if (isDirectory(ext)) roots.push(folderRoot("ext", ext));
  const pluginsFolder = path.join(home, "plugins");
  for (const entry of listNames(pluginsFolder)) {
    const name = `plugins/${entry}`;
    const absolute = path.join(pluginsFolder, entry);
    if (isDirectory(absolute)) roots.push(folderRoot(name, absolute));
    else if (archiveExtensions.some((extension) => entry.toLowerCase().endsWith(extension))) {
      try {
        roots.push(archiveRoot(name, new Uint8Array(readFileSync(absolute))));
      } catch (error) {
        diagnostics.push(diagnostic("PW1004", { archive: name, detail: messageOf(error) }, { file: name }));
      }
    }
  }
  return { classpath: createClasspath(roots), diagnostics };
}

/** A classpath over the given roots, searched in the given order. */
export function createClasspath(roots: readonly ClasspathRoot[]): Classpath {
  return {
    roots,
    find(requested) {
      const normalized = normalizeClasspathPath(requested);
      if (normalized === undefined) return undefined;
      for (const root of roots) {
        const resource = resourceIn(root, normalized);
        if (resource) return resource;
      }
      return undefined;
    },
    findAll(requested) {
      const normalized = normalizeClasspathPath(requested);
      if (normalized === undefined) return [];
      return roots.flatMap((root) => resourceIn(root, normalized) ?? []);
    },
    checkPath(requested, at: DiagnosticContext = {}) {
      return normalizeClasspathPath(requested) === undefined
        ? diagnostic("PW1005", { path: requested }, at)
        : undefined;
    },
  };
}

/** How diagnostics name a file of a root: `ext/x.py`, `plugins/foo.jar!/x.py`. */
export function displayPathOf(root: ClasspathRoot, file: string): string {
  return root.kind === "archive" ? `${root.name}!/${file}` : `${root.name}/${file}`;
}

function resourceIn(root: ClasspathRoot, file: string): ClasspathResource | undefined {
  const bytes = root.read(file);
  if (bytes === undefined) return undefined;
  let text: string | undefined;
  return {
    root,
    path: file,
    displayPath: displayPathOf(root, file),
    bytes: () => bytes,
    // TextDecoder drops a leading byte-order mark, which some plugin files carry.
    text: () => {
      text ??= decoder.decode(bytes);
      return text;
    },
  };
}

const decoder = new TextDecoder("utf-8");

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/** Entry names in code-point order, so the plugin order does not depend on the locale. */
function listNames(folder: string): string[] {
  try {
    return readdirSync(folder).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch {
    return [];
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
