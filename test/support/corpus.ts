import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** ../shared/corpus beside the project (tests skip when it is absent). */
export const corpusDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus");

/** Every folder below `directory` holding a file named `fileName`, sorted. */
export function foldersHolding(directory: string, fileName: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...foldersHolding(full, fileName));
    else if (entry.name === fileName && statSync(full).isFile()) found.push(directory);
  }
  return found.sort();
}

/** Temporary homes whose ext/ is a corpus folder (a link: corpus files are never copied). */
export class CorpusHomes {
  private readonly made: string[] = [];

  homeFor(folder: string): string {
    const home = mkdtempSync(path.join(os.tmpdir(), "planwright-corpus-"));
    this.made.push(home);
    symlinkSync(folder, path.join(home, "ext"));
    return home;
  }

  removeAll(): void {
    for (const home of this.made.splice(0)) rmSync(home, { recursive: true, force: true });
  }
}
