import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { type FolderArtifact, readFolderArtifact } from "./folder-artifact.js";

const scratch = mkdtempSync(path.join(tmpdir(), "folder-artifact-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function written(name: string, bytes: Uint8Array | string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, bytes);
  return file;
}

function folderAt(location: string): FolderArtifact {
  const reading = readFolderArtifact(location);
  if ("problem" in reading) throw new Error(`expected a folder, got: ${reading.problem}`);
  return reading.folder;
}

function text(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

describe("readFolderArtifact", () => {
  it("lists a directory's top-level files (sorted) and sub-folders, and reads a file", () => {
    const directory = path.join(scratch, "sql");
    mkdirSync(path.join(directory, "common"), { recursive: true });
    mkdirSync(path.join(directory, "01-tables"));
    writeFileSync(path.join(directory, "02-b.sql"), "b");
    writeFileSync(path.join(directory, "01-a.sql"), "a");
    writeFileSync(path.join(directory, "01-tables", "extra.sql"), "x");
    const folder = folderAt(directory);
    expect(folder.files).toEqual(["01-a.sql", "02-b.sql"]);
    expect([...folder.folders].sort()).toEqual(["01-tables", "common"]);
    expect(text(folder.read("02-b.sql"))).toBe("b");
    expect(folder.read("common")).toBeUndefined();
    expect(folder.read("nope.sql")).toBeUndefined();
  });

  it("takes a zip's root as the folder's root: nested entries make sub-folders, even a single one", () => {
    const zip = written(
      "scripts.zip",
      zipSync({
        "10-x.sql": strToU8("ten"),
        "2-y.sql": strToU8("two"),
        "common/helpers.sql": strToU8("h"),
        "10-x/deep/more.sql": strToU8("m"),
      }),
    );
    const folder = folderAt(zip);
    expect(folder.files).toEqual(["10-x.sql", "2-y.sql"]);
    expect([...folder.folders].sort()).toEqual(["10-x", "common"]);
    expect(text(folder.read("2-y.sql"))).toBe("two");
    expect(folder.read("helpers.sql")).toBeUndefined();

    const wrapped = folderAt(written("wrapped.jar", zipSync({ "sql/01-a.sql": strToU8("a") })));
    expect(wrapped.files).toEqual([]);
    expect([...wrapped.folders]).toEqual(["sql"]);
  });

  it("sees an empty sub-folder entry, and names written with a leading ./ or backslashes", () => {
    const folder = folderAt(
      written(
        "odd.zip",
        zipSync({ "common/": new Uint8Array(0), "./01-a.sql": strToU8("a"), "01-a\\data.csv": strToU8("d") }),
      ),
    );
    expect(folder.files).toEqual(["01-a.sql"]);
    expect([...folder.folders].sort()).toEqual(["01-a", "common"]);
    expect(text(folder.read("01-a.sql"))).toBe("a");
  });

  it("reads an empty zip as an empty folder", () => {
    const folder = folderAt(written("empty.zip", zipSync({})));
    expect(folder.files).toEqual([]);
    expect(folder.folders.size).toBe(0);
  });

  it("says why a path holds no folder: missing, not a zip, or a damaged zip", () => {
    expect(readFolderArtifact(path.join(scratch, "absent.zip"))).toEqual({ problem: "does not exist" });
    expect(readFolderArtifact(written("plain.sql", "select 1;"))).toEqual({
      problem: "is neither a folder nor a zip archive",
    });
    const whole = zipSync({ "01-a.sql": strToU8("a") });
    const damaged = readFolderArtifact(written("damaged.zip", whole.subarray(0, whole.length - 10)));
    expect(damaged).toEqual({ problem: expect.stringMatching(/^is a damaged zip archive \(.+\)$/) });
  });

  it("lists a zip whose directory is sound but gives no content for a file whose data is damaged", () => {
    const zip = zipSync(
      { "01-a.sql": strToU8("select 1;\n".repeat(40)), "02-b.sql": strToU8("select 2;\n") },
      { level: 9 },
    );
    const dataStart = 30 + "01-a.sql".length;
    zip.fill(0xff, dataStart, dataStart + 4);
    const folder = folderAt(written("bad-data.zip", zip));
    expect(folder.files).toEqual(["01-a.sql", "02-b.sql"]);
    expect(folder.read("01-a.sql")).toBeUndefined();
    expect(text(folder.read("02-b.sql"))).toBe("select 2;\n");
  });
});
