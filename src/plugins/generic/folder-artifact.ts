import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";

/**
 * The top level of a folder artifact (udm.BaseDeployableFolderArtifact, e.g. generic.Folder),
 * which is all generic.ExecutedFolder looks at. XL Deploy delivers a folder either as a
 * directory or as a zip archive (.zip, .jar, …); the archive's root is the folder's root,
 * so a single folder at the root is a sub-folder, not the folder itself.
 */
export interface FolderArtifact {
  /** Names of the top-level files, sorted by code unit (Java's String order). */
  readonly files: readonly string[];
  /** Names of the top-level sub-folders. */
  readonly folders: ReadonlySet<string>;
  /** The content of a top-level file; undefined when there is no such file or it cannot be read. */
  read(file: string): Uint8Array | undefined;
}

/** A folder artifact, or why the path holds none (a sentence part: "does not exist"). */
export type FolderArtifactReading = { folder: FolderArtifact } | { problem: string };

/** Reads the folder artifact at `location` (absolute): a directory, or a file holding a zip archive. */
export function readFolderArtifact(location: string): FolderArtifactReading {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(location).isDirectory();
  } catch (error) {
    return { problem: isMissing(error) ? "does not exist" : `cannot be read (${reason(error)})` };
  }
  try {
    return isDirectory ? { folder: directoryFolder(location) } : zipFolder(new Uint8Array(readFileSync(location)));
  } catch (error) {
    return { problem: `cannot be read (${reason(error)})` };
  }
}

function directoryFolder(directory: string): FolderArtifact {
  const entries = readdirSync(directory, { withFileTypes: true });
  return {
    files: entries
      .filter((e) => !e.isDirectory())
      .map((e) => e.name)
      .sort(),
    folders: new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name)),
    read(file) {
      try {
        return new Uint8Array(readFileSync(path.join(directory, file)));
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Listing reads only the central directory. The first read inflates every top-level file in
 * one pass (MODIFY compares them all, and the deployeds of one deployable share the reading);
 * the sub-folders' files are never inflated.
 */
function zipFolder(bytes: Uint8Array): FolderArtifactReading {
  /** Top-level file name → its entry name in the archive. */
  const entries = new Map<string, string>();
  const folders = new Set<string>();
  try {
    unzipSync(bytes, {
      filter(entry) {
        const [first, ...rest] = entryPath(entry.name);
        if (first === undefined) return false;
        if (rest.length > 0 || entry.name.endsWith("/")) folders.add(first);
        else entries.set(first, entry.name);
        return false;
      },
    });
  } catch (error) {
    return {
      problem: isZip(bytes) ? `is a damaged zip archive (${reason(error)})` : "is neither a folder nor a zip archive",
    };
  }
  let inflated: Record<string, Uint8Array> | undefined;
  return {
    folder: {
      files: [...entries.keys()].sort(),
      folders,
      read(file) {
        const name = entries.get(file);
        if (name === undefined) return undefined;
        inflated ??= inflateFiles(bytes, new Set(entries.values()));
        return inflated[name];
      },
    },
  };
}

/** An entry's path segments; tools on Windows write `\`, some write a leading `./` or `/`. */
function entryPath(name: string): string[] {
  return name.split(/[\\/]/).filter((segment) => segment !== "" && segment !== ".");
}

/** The named entries' content, leaving out those whose data is damaged. */
function inflateFiles(bytes: Uint8Array, names: ReadonlySet<string>): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (entry) => names.has(entry.name) });
  } catch {
    // One damaged entry spoils the whole pass; the others are still good.
    const found: Record<string, Uint8Array> = {};
    for (const name of names) {
      try {
        Object.assign(found, unzipSync(bytes, { filter: (entry) => entry.name === name }));
      } catch {}
    }
    return found;
  }
}

/** Local file header or end of central directory (an empty archive) signature. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
