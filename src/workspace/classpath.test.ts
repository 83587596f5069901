import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadClasspath } from "./classpath.js";
import { normalizeClasspathPath } from "./classpath-path.js";

function makeHome(files: Record<string, string | Uint8Array>): string {
  const home = mkdtempSync(path.join(tmpdir(), "planwright-classpath-"));
  for (const [relative, content] of Object.entries(files)) {
    const absolute = path.join(home, relative);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return home;
}

const jar = (files: Record<string, string>) =>
  zipSync({
    "META-INF/": new Uint8Array(0),
    ...Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
  });

describe("classpath", () => {
  it("orders ext first, then plugin folders and archives by name", () => {
    const home = makeHome({
      "ext/xl-rules.xml": "ext rules",
      "plugins/b-folder/xl-rules.xml": "b rules",
      "plugins/a.jar": jar({ "xl-rules.xml": "a rules", "scripts/deploy.py": "print 1" }),
      "plugins/c.xldp": jar({ "synthetic.xml": "<synthetic/>" }),
      "plugins/d.zip": jar({}),
      "plugins/notes.txt": "not a root",
    });
    const { classpath, diagnostics } = loadClasspath(home);
    expect(diagnostics).toEqual([]);
    expect(classpath.roots.map((root) => [root.name, root.kind])).toEqual([
      ["ext", "folder"],
      ["plugins/a.jar", "archive"],
      ["plugins/b-folder", "folder"],
      ["plugins/c.xldp", "archive"],
      ["plugins/d.zip", "archive"],
    ]);
    expect(classpath.find("xl-rules.xml")?.text()).toBe("ext rules");
    expect(classpath.findAll("xl-rules.xml").map((r) => [r.displayPath, r.text()])).toEqual([
      ["ext/xl-rules.xml", "ext rules"],
      ["plugins/a.jar!/xl-rules.xml", "a rules"],
      ["plugins/b-folder/xl-rules.xml", "b rules"],
    ]);
    expect(classpath.find("synthetic.xml")?.displayPath).toBe("plugins/c.xldp!/synthetic.xml");
  });

  it("reads archive entries in memory and lists files without directories", () => {
    const home = makeHome({ "plugins/a.jar": jar({ "scripts/deploy.py": "print 1", "xl-rules.xml": "r" }) });
    const { classpath } = loadClasspath(home);
    const root = classpath.roots[0]!;
    expect(root.files()).toEqual(["scripts/deploy.py", "xl-rules.xml"]);
    expect(classpath.find("scripts/deploy.py")).toMatchObject({ path: "scripts/deploy.py" });
    expect(classpath.find("./scripts//deploy.py")?.text()).toBe("print 1");
    expect(classpath.find("scripts/missing.py")).toBeUndefined();
  });

  it("lists folder files recursively and sorted", () => {
    const home = makeHome({ "ext/b.py": "", "ext/a/x.py": "", "ext/a/c/y.py": "" });
    expect(loadClasspath(home).classpath.roots[0]!.files()).toEqual(["a/c/y.py", "a/x.py", "b.py"]);
  });

  it("reports an archive that is not a zip and keeps loading the others", () => {
    const home = makeHome({ "plugins/broken.jar": "this is not a zip", "plugins/good/xl-rules.xml": "good" });
    const { classpath, diagnostics } = loadClasspath(home);
    expect(diagnostics).toMatchObject([{ code: "PW1004", severity: "error", file: "plugins/broken.jar" }]);
    expect(classpath.roots.map((root) => root.name)).toEqual(["plugins/good"]);
  });

  it("refuses paths that escape a root", () => {
    const home = makeHome({ "ext/a.py": "a", "secret.txt": "secret" });
    const { classpath } = loadClasspath(home);
    for (const escaping of ["../secret.txt", "a/../../secret.txt", "/etc/passwd", "\\x", "C:/x"]) {
      expect(classpath.find(escaping)).toBeUndefined();
      expect(classpath.checkPath(escaping, { file: "ext/xl-rules.xml", line: 3, column: 5, rule: "r" })).toMatchObject({
        code: "PW1005",
        severity: "error",
        file: "ext/xl-rules.xml",
        line: 3,
        column: 5,
        rule: "r",
      });
    }
    expect(classpath.checkPath("scripts/../a.py")).toBeUndefined();
    expect(classpath.find("scripts/../a.py")?.text()).toBe("a");
  });

  it("decodes resources as UTF-8 without a byte-order mark", () => {
    const home = makeHome({ "ext/x.py": "\ufeffprint 'caf\u00e9'" });
    expect(loadClasspath(home).classpath.find("x.py")?.text()).toBe("print 'caf\u00e9'");
  });

  it("is empty for a home without ext/ or plugins/", () => {
    expect(loadClasspath(makeHome({})).classpath.roots).toEqual([]);
  });
});

describe("normalizeClasspathPath", () => {
  it.each([
    ["a/b", "a/b"],
    ["./a//b/", "a/b"],
    ["a\\b", "a/b"],
    ["a/../b", "b"],
    ["..", undefined],
    ["/a", undefined],
  ])("%s → %s", (input, expected) => {
    expect(normalizeClasspathPath(input)).toBe(expected);
  });
});
