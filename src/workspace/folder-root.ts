import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ClasspathRoot } from "./model.js";

/** A classpath root on disk (`ext/` or a plugin folder). The file list is read once, on first use. */
export function folderRoot(name: string, directory: string): ClasspathRoot {
  let listing: string[] | undefined;
  return {
    name,
    kind: "folder",
    directory,
    files() {
      listing ??= listFiles(directory);
      return listing;
    },
    read(relative) {
      try {
        const file = path.join(directory, relative);
        return statSync(file).isFile() ? new Uint8Array(readFileSync(file)) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

function listFiles(directory: string): string[] {
  const files: string[] = [];
  const walk = (folder: string, prefix: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const relative = prefix + entry.name;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${relative}/`);
      else if (entry.isFile()) files.push(relative);
    }
  };
  walk(directory, "");
  return files.sort();
}
