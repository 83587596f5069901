import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.js";
import { loadPlanningHome, planRequest } from "../../src/planning/planning-session.js";
import { compileFastScript } from "../../src/python/fastpath/fast-script.js";
import { createPythonRuntime } from "../../src/python/runtime.js";
import { homeModuleScripts, homeModules, resolveHomeModule, runHomeModuleScriptsFast } from "./home-module-scripts.js";
import { scriptTypes } from "./script-world.js";

/**
 * Planning scripts importing the plugin's own modules from the classpath: the modules run on
 * the fast path when they compile there, once per runtime (their state stays between runs,
 * as in one Jython process), and the importing script declines when a module does.
 */

const jython = process.env.JYTHON ?? "/usr/bin/jython";

/** One Jython process runs the scripts in order, the modules on its path: each module is imported once. */
function runJython(): string[][] {
  const directory = mkdtempSync(path.join(tmpdir(), "planwright-home-modules-"));
  try {
    for (const [file, source] of Object.entries(homeModules)) {
      mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
      writeFileSync(path.join(directory, file), source);
    }
    const files = homeModuleScripts.map(([, source], index) => {
      const file = path.join(directory, `script${index}.py`);
      writeFileSync(file, source);
      return file;
    });
    const driver = path.join(directory, "driver.py");
    writeFileSync(
      driver,
      `import sys\nsys.path.insert(0, ${JSON.stringify(directory)})\nfor path in sys.argv[1:]:\n    print "<<<script"\n    execfile(path, {"__name__": "__main__"})\n`,
    );
    const output = execFileSync(jython, [driver, ...files], { encoding: "utf8" });
    return output
      .replace(/\r/g, "")
      .split("<<<script\n")
      .slice(1)
      .map((chunk) => chunk.split("\n").filter((line) => line !== ""));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe("home modules on the fast path", () => {
  it.skipIf(!existsSync(jython))(
    "print what Jython prints, each module's top level once",
    () => {
      expect(runHomeModuleScriptsFast()).toEqual(runJython());
    },
    120_000,
  );

  it("decline the importing script when a module declines, or is not on the classpath", () => {
    expect(
      compileFastScript("from helpers_with_class import make\nx = make()", { resolveModule: resolveHomeModule }),
    ).toBeUndefined();
    expect(compileFastScript("from nowhere import x", { resolveModule: resolveHomeModule })).toBeUndefined();
    expect(
      compileFastScript("from counters import undefined_name", { resolveModule: resolveHomeModule }),
    ).toBeUndefined();
    expect(compileFastScript("from counters import bump")).toBeUndefined();
  });

  it("report an exception in a module's top level at the module's file and line, and import it afresh next time", () => {
    const runtime = createPythonRuntime({ types: scriptTypes, resolveModule: resolveHomeModule });
    const script = runtime.compileScript({
      source: "x = 1\nfrom failing import ready",
      location: { file: "planning/p.py", line: 1 },
    });
    if ("severity" in script) throw new Error(script.message);
    expect(runtime.needsInterpreter([script])).toBe(false);
    for (let attempt = 0; attempt < 2; attempt++) {
      let error: unknown;
      try {
        runtime.runScript(script, {});
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(DiagnosticError);
      expect((error as DiagnosticError).diagnostics[0]).toMatchObject({
        code: "PW6050",
        file: "failing.py",
        line: 3,
        message: expect.stringContaining("ZeroDivisionError"),
      });
    }
    expect(runtime.interpreterLoaded).toBe(false);
  });
});

describe("the script-helper-module scenario", () => {
  const scenarios = path.resolve(import.meta.dirname, "../scenarios");
  const home = mkdtempSync(path.join(tmpdir(), "planwright-helper-module-"));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("plans with scripts importing the plugin's helper package without loading Pyodide", async () => {
    cpSync(path.join(scenarios, "_base/demo"), home, { recursive: true });
    cpSync(path.join(scenarios, "script-helper-module/home"), home, { recursive: true });
    const planning = loadPlanningHome(home);
    const result = await planRequest(planning, {
      kind: "deploy",
      packageId: "Applications/Shop/1.0",
      environmentId: "Environments/Dev",
    });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(planning.python.interpreterLoaded).toBe(false);
    const statistics = (planning.python as unknown as { statistics: { scriptRuns: number; fastScriptRuns: number } })
      .statistics;
    expect(statistics.fastScriptRuns).toBeGreaterThan(0);
    expect(statistics.fastScriptRuns).toBe(statistics.scriptRuns);
  });
});
