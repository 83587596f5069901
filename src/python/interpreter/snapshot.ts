import { createHash, randomBytes } from "node:crypto";
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * A file holding Pyodide's memory after Planwright's Python prelude ran, so that later
 * processes start the interpreter from it (~1 s) instead of booting CPython and running the
 * prelude again (~3 s). Pyodide's snapshot API is private (`_makeSnapshot`/`_loadSnapshot`), so
 * every problem with the file means "no snapshot": the caller loads plainly and writes a new one.
 *
 * File layout: a 64-byte header (magic, payload length, SHA-1 of the key, SHA-1 of the payload)
 * then Pyodide's snapshot. The key (pyodide version, node version and platform, prelude source,
 * load options) also names the file, so a changed prelude or node never reads an old file; the
 * header repeats it so a renamed file is not trusted either. SHA-1 only detects damage (20 ms
 * for 31 MB); it is not a defence against someone who can write the cache folder.
 */
export class InterpreterSnapshotCache {
  readonly file: string;
  private readonly keyDigest: Buffer;

  constructor(
    readonly directory: string,
    key: string,
    pyodideVersion: string,
  ) {
    this.keyDigest = sha1(Buffer.from(key, "utf8"));
    this.file = path.join(
      directory,
      `${FILE_PREFIX}${pyodideVersion}-${this.keyDigest.toString("hex").slice(0, 16)}.snapshot`,
    );
  }

  /**
   * The cache the process uses, or undefined when `PLANWRIGHT_PYTHON_SNAPSHOT=0`. The folder is
   * `PLANWRIGHT_PYTHON_SNAPSHOT_DIR`, else `node_modules/.cache/planwright` next to the pyodide
   * package (outside git, and removed with the install).
   */
  static forProcess(
    identity: { pyodideVersion: string; prelude: string; loadOptions: unknown },
    environment: NodeJS.ProcessEnv = process.env,
  ): InterpreterSnapshotCache | undefined {
    const setting = environment.PLANWRIGHT_PYTHON_SNAPSHOT?.trim().toLowerCase();
    if (setting === "0" || setting === "false" || setting === "off") return undefined;
    const directory = environment.PLANWRIGHT_PYTHON_SNAPSHOT_DIR || defaultDirectory();
    if (!directory) return undefined;
    const key = JSON.stringify([
      FORMAT,
      identity.pyodideVersion,
      process.version,
      process.platform,
      process.arch,
      identity.loadOptions,
      identity.prelude,
    ]);
    return new InterpreterSnapshotCache(directory, key, identity.pyodideVersion);
  }

  /** The snapshot to load, or why there is none usable. */
  read(): { snapshot: Uint8Array } | { rejected: string } {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return { rejected: "missing" };
    }
    if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
      return { rejected: "not a snapshot" };
    const length = Number(bytes.readBigUInt64LE(8));
    if (bytes.length !== HEADER_BYTES + length) return { rejected: "truncated" };
    if (!bytes.subarray(16, 36).equals(this.keyDigest)) return { rejected: "made for another key" };
    const snapshot = bytes.subarray(HEADER_BYTES);
    if (!bytes.subarray(36, 56).equals(sha1(snapshot))) return { rejected: "damaged" };
    return { snapshot };
  }

  /**
   * Writes the snapshot atomically (a temporary file renamed into place), so a process reading
   * concurrently sees the old file, the new one or none, never half of one; when several write at
   * once the last rename wins and every candidate is whole. A worker thread hashes and writes,
   * so the plan is not held up, and the write completes even while Python keeps this thread
   * busy. Resolves to false if it could not be written (read-only install, full disk): the next
   * process simply loads plainly again. Takes over `snapshot`'s buffer.
   */
  write(snapshot: Uint8Array): Promise<boolean> {
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header, 0);
    header.writeBigUInt64LE(BigInt(snapshot.byteLength), 8);
    this.keyDigest.copy(header, 16);
    const temporary = path.join(
      this.directory,
      `.${path.basename(this.file)}.${process.pid}.${randomBytes(4).toString("hex")}${TEMPORARY_SUFFIX}`,
    );
    return new Promise<boolean>((resolve) => {
      const worker = new Worker(WRITER_SOURCE, {
        eval: true,
        // Not the parent's options: with --input-type=module this CommonJS source would not run.
        execArgv: [],
        workerData: { directory: this.directory, file: this.file, temporary, header, snapshot },
        transferList: snapshot.buffer instanceof ArrayBuffer ? [snapshot.buffer] : [],
      });
      worker.once("message", (written: boolean) => resolve(written));
      worker.once("error", () => resolve(false));
      worker.once("exit", () => resolve(false));
    }).then((written) => {
      if (written) this.removeOutdated();
      return written;
    });
  }

  /** Removes the file (after it failed to load although its checks passed). */
  discard(): void {
    try {
      unlinkSync(this.file);
    } catch {
      // Already gone, or another process replaced it: either way nothing to do.
    }
  }

  /**
   * Snapshots of other keys (an older prelude or node) are 31 MB each and never read again;
   * temporary files older than an hour were left by a process that died mid-write.
   */
  private removeOutdated(): void {
    let names: string[];
    try {
      names = readdirSync(this.directory);
    } catch {
      return;
    }
    const current = path.basename(this.file);
    for (const name of names) {
      const file = path.join(this.directory, name);
      try {
        if (name.endsWith(".snapshot") && name.startsWith(FILE_PREFIX) && name !== current) {
          if (isSnapshotFile(file)) unlinkSync(file);
        } else if (name.endsWith(TEMPORARY_SUFFIX) && Date.now() - statSync(file).mtimeMs > 3_600_000) {
          unlinkSync(file);
        }
      } catch {
        // Raced with another process cleaning up.
      }
    }
  }
}

/** Bump when what goes into a snapshot changes in a way the key does not capture. */
const FORMAT = 1;
const MAGIC = Buffer.from("PWPYSNP1", "latin1");
const HEADER_BYTES = 64;
const FILE_PREFIX = "interpreter-pyodide-";
const TEMPORARY_SUFFIX = ".partial";

/** Fills in the payload's hash (offset 36 of the header), writes, renames; posts whether it did. */
const WRITER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const { directory, file, temporary, header, snapshot } = workerData;
let written = false;
try {
  require("node:crypto").createHash("sha1").update(snapshot).digest().copy(header, 36);
  fs.mkdirSync(directory, { recursive: true });
  const descriptor = fs.openSync(temporary, "wx");
  try {
    if (fs.writevSync(descriptor, [header, snapshot]) !== header.length + snapshot.byteLength) throw new Error("short write");
  } finally {
    fs.closeSync(descriptor);
  }
  fs.renameSync(temporary, file);
  written = true;
} catch {
  try { fs.unlinkSync(temporary); } catch {}
}
parentPort.postMessage(written);
`;

function sha1(bytes: Uint8Array): Buffer {
  return createHash("sha1").update(bytes).digest();
}

function isSnapshotFile(file: string): boolean {
  const descriptor = openSync(file, "r");
  try {
    const magic = Buffer.alloc(MAGIC.length);
    readSync(descriptor, magic, 0, MAGIC.length, 0);
    return magic.equals(MAGIC);
  } finally {
    closeSync(descriptor);
  }
}

function defaultDirectory(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve("pyodide");
    // .../node_modules/pyodide/pyodide.js → .../node_modules/.cache/planwright
    return path.join(path.dirname(entry), "..", ".cache", "planwright");
  } catch {
    return undefined;
  }
}
