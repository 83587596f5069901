import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * SHA-1 (hex) of an artifact's content. A file hashes its bytes; a folder hashes each
 * file's relative path and bytes in path order, so renaming a file inside changes it too.
 * Throws the file system's error when the path cannot be read.
 */
export function artifactChecksum(location: string): string {
  const hash = createHash("sha1");
  if (!statSync(location).isDirectory()) return hash.update(readFileSync(location)).digest("hex");
  for (const relative of filesUnder(location)) {
    hash.update(relative);
    hash.update("\0");
    hash.update(readFileSync(path.join(location, relative)));
  }
  return hash.digest("hex");
}

function filesUnder(folder: string, prefix = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(folder, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...filesUnder(folder, relative));
    else files.push(relative);
  }
  return files.sort();
}
