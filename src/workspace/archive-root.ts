import { unzipSync } from "fflate";
import type { ClasspathRoot } from "./model.js";

/**
 * A plugin archive (.jar, .xldp, .zip) read in memory. Listing the entries decompresses
 * nothing; an entry is inflated when first read and kept, since plugin JARs are mostly
 * class files that planning never reads. Throws when `bytes` is not a zip archive.
 */
export function archiveRoot(name: string, bytes: Uint8Array): ClasspathRoot {
  const names: string[] = [];
  unzipSync(bytes, {
    filter(entry) {
      if (!entry.name.endsWith("/")) names.push(entry.name);
      return false;
    },
  });
  names.sort();
  const known = new Set(names);
  const inflated = new Map<string, Uint8Array | undefined>();
  return {
    name,
    kind: "archive",
    files: () => names,
    read(path) {
      if (!known.has(path)) return undefined;
      if (!inflated.has(path)) inflated.set(path, inflate(bytes, path));
      return inflated.get(path);
    },
  };
}

function inflate(bytes: Uint8Array, path: string): Uint8Array | undefined {
  try {
    return unzipSync(bytes, { filter: (entry) => entry.name === path })[path];
  } catch {
    return undefined;
  }
}
