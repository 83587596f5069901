import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadTypes } from "../../types/load-types.js";
import { PyodideHost, type PythonCode } from "./pyodide-host.js";
import { InterpreterSnapshotCache } from "./snapshot.js";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const created = mkdtempSync(path.join(tmpdir(), "planwright-snapshot-"));
  folders.push(created);
  return created;
}

function payload(size = 4096): Uint8Array {
  return Uint8Array.from({ length: size }, (_, index) => (index * 31) % 251);
}

describe("the snapshot file", () => {
  it("reads back what was written, under a name of its key", async () => {
    const cache = new InterpreterSnapshotCache(folder(), "key-a", "314.0.7");
    expect(cache.read()).toEqual({ rejected: "missing" });
    expect(await cache.write(payload())).toBe(true);
    const found = cache.read();
    expect("snapshot" in found && Buffer.from(found.snapshot).equals(Buffer.from(payload()))).toBe(true);
    expect(readdirSync(cache.directory)).toEqual([path.basename(cache.file)]);
    expect(path.basename(cache.file)).toMatch(/^interpreter-pyodide-314\.0\.7-[0-9a-f]{16}\.snapshot$/);
  });

  it("is not used for another key, even under that key's name", async () => {
    const directory = folder();
    const written = new InterpreterSnapshotCache(directory, "prelude v1", "314.0.7");
    const other = new InterpreterSnapshotCache(directory, "prelude v2", "314.0.7");
    await written.write(payload());
    expect(other.file).not.toBe(written.file);
    expect(other.read()).toEqual({ rejected: "missing" });
    writeFileSync(other.file, readFileSync(written.file));
    expect(other.read()).toEqual({ rejected: "made for another key" });
  });

  it("rejects a truncated, damaged or foreign file", async () => {
    const cache = new InterpreterSnapshotCache(folder(), "key", "314.0.7");
    await cache.write(payload());
    const whole = readFileSync(cache.file);

    truncateSync(cache.file, whole.length - 100);
    expect(cache.read()).toEqual({ rejected: "truncated" });

    const damaged = Buffer.from(whole);
    damaged[whole.length - 10] ^= 0xff;
    writeFileSync(cache.file, damaged);
    expect(cache.read()).toEqual({ rejected: "damaged" });

    writeFileSync(cache.file, "not a snapshot at all");
    expect(cache.read()).toEqual({ rejected: "not a snapshot" });
  });

  it("removes snapshots of other keys once a new one is written, and nothing else", async () => {
    const directory = folder();
    await new InterpreterSnapshotCache(directory, "old prelude", "314.0.7").write(payload());
    writeFileSync(path.join(directory, "notes.txt"), "kept");
    const current = new InterpreterSnapshotCache(directory, "new prelude", "314.0.7");
    await current.write(payload());
    expect(readdirSync(directory).sort()).toEqual([path.basename(current.file), "notes.txt"].sort());
  });

  it("ends as one whole file when two processes write it at once", async () => {
    const directory = folder();
    const snapshotModule = path.join(path.dirname(fileURLToPath(import.meta.url)), "snapshot.ts");
    const writer = path.join(directory, "..", `${path.basename(directory)}-write.mts`);
    folders.push(writer);
    // Each process writes a 31 MB snapshot (the real size) of its own content, three times.
    writeFileSync(
      writer,
      `import { InterpreterSnapshotCache } from ${JSON.stringify(snapshotModule)};
const cache = new InterpreterSnapshotCache(process.argv[2], "shared key", "314.0.7");
const results = [];
for (let round = 0; round < 3; round++) results.push(await cache.write(new Uint8Array(31_457_456).fill(Number(process.argv[3]))));
console.log(JSON.stringify(results));
`,
    );
    const write = (fill: number) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", writer, directory, String(fill)]);
    const outputs = await Promise.all([write(1), write(2)]);
    expect(outputs.map((output) => JSON.parse(output.stdout))).toEqual([
      [true, true, true],
      [true, true, true],
    ]);
    const cache = new InterpreterSnapshotCache(directory, "shared key", "314.0.7");
    expect(readdirSync(directory)).toEqual([path.basename(cache.file)]);
    const found = cache.read();
    if (!("snapshot" in found)) throw new Error(`snapshot rejected: ${found.rejected}`);
    expect(found.snapshot.length).toBe(31_457_456);
    expect([1, 2]).toContain(found.snapshot[0]);
    expect(found.snapshot.every((byte) => byte === found.snapshot[0])).toBe(true);
  });

  it("reports false, and leaves nothing behind, when the folder cannot be written", async () => {
    const directory = folder();
    const blocked = path.join(directory, "a-file");
    writeFileSync(blocked, "");
    const cache = new InterpreterSnapshotCache(path.join(blocked, "cache"), "key", "314.0.7");
    expect(await cache.write(payload())).toBe(false);
    expect(readdirSync(directory)).toEqual(["a-file"]);
  });
});

describe("the process's snapshot cache", () => {
  const identity = { pyodideVersion: "314.0.7", prelude: "print 1", loadOptions: { PYTHONHASHSEED: "0" } };

  it("is off with PLANWRIGHT_PYTHON_SNAPSHOT=0", () => {
    expect(InterpreterSnapshotCache.forProcess(identity, { PLANWRIGHT_PYTHON_SNAPSHOT: "0" })).toBeUndefined();
  });

  it("lives in node_modules/.cache/planwright unless PLANWRIGHT_PYTHON_SNAPSHOT_DIR says otherwise", () => {
    expect(InterpreterSnapshotCache.forProcess(identity, {})?.directory).toMatch(
      /node_modules[\\/]\.cache[\\/]planwright$/,
    );
    expect(InterpreterSnapshotCache.forProcess(identity, { PLANWRIGHT_PYTHON_SNAPSHOT_DIR: "/x/y" })?.directory).toBe(
      "/x/y",
    );
  });

  it("is keyed by the prelude and the load options", () => {
    const file = (changes: Partial<typeof identity>) =>
      InterpreterSnapshotCache.forProcess({ ...identity, ...changes }, {})?.file;
    expect(file({})).toBe(file({}));
    expect(file({ prelude: "print 2" })).not.toBe(file({}));
    expect(file({ loadOptions: { PYTHONHASHSEED: "1" } })).not.toBe(file({}));
  });
});

describe("starting the interpreter", () => {
  const types = loadTypes([]).registry;
  const script = "import json\nprint json.dumps({'b': [1, 2]}), sorted(set(['y', 'x']))\nprint 7 / 2";

  async function runScript(host: PyodideHost, lines: string[]): Promise<string[]> {
    const code = host.compile(
      { source: script, location: { file: "check.py", line: 1 } },
      "exec",
      `check-${lines.length}`,
    );
    host.run(code as PythonCode, {}, 10_000);
    return lines;
  }

  it("falls back from a corrupt snapshot to a plain load, rewrites it, and the next start uses it", async () => {
    const cache = new InterpreterSnapshotCache(folder(), "interpreter test", "314.0.7");
    writeFileSync(cache.file, Buffer.alloc(1000, 7));

    const plainLines: string[] = [];
    const plain = await PyodideHost.start({ types, log: (_, message) => plainLines.push(message) }, cache);
    expect(plain.startup.from).toBe("plain");
    expect(plain.startup.snapshotRejected).toBe("not a snapshot");
    expect(await runScript(plain, plainLines)).toEqual(["{\"b\": [1, 2]} ['x', 'y']", "3"]);
    expect(await plain.startup.snapshotWritten).toBe(true);
    expect("snapshot" in cache.read()).toBe(true);

    const restoredLines: string[] = [];
    const restored = await PyodideHost.start({ types, log: (_, message) => restoredLines.push(message) }, cache);
    expect(restored.startup.from).toBe("snapshot");
    expect(await runScript(restored, restoredLines)).toEqual(plainLines);
  });
});
