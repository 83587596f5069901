import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.js";
import { createPythonRuntime } from "../../src/python/runtime.js";
import { buildScriptWorld, scriptTypes } from "./script-world.js";

/** Scripts with functions, loops and exception handling stay on the fast path: no Pyodide. */

const source = `
def describe(d, prefix="Deploy"):
    try:
        root = d.values["nothing"]
    except KeyError:
        root = d.contextRoot
    return "%s %s (%s)" % (prefix, d.name, root)
attempts = 0
while attempts < 2:
    attempts += 1
context.addStep(steps.noop(description=describe(deployed), order=100 + attempts))
`;

describe("the runtime with def, while and try", () => {
  it("runs the script on the fast path without loading the interpreter", () => {
    const runtime = createPythonRuntime({ types: scriptTypes });
    const script = runtime.compileScript({ source, location: { file: "planning/p.py", line: 1 } });
    if ("severity" in script) throw new Error(script.message);
    expect(runtime.needsInterpreter([script])).toBe(false);
    const world = buildScriptWorld();
    runtime.runScript(script, world.bindings);
    expect(runtime.interpreterLoaded).toBe(false);
    expect(runtime.statistics).toMatchObject({ scriptRuns: 1, fastScriptRuns: 1 });
    expect(world.calls.at(-1)).toEqual({
      call: "DeploymentPlanningContext.addStep",
      args: [
        { step: { type: "noop", args: [{ keywords: { description: "Deploy petclinic (/petclinic)", order: 102 } }] } },
      ],
    });
  });

  it("reports a while loop past the time limit as the interpreter does (PW6053)", () => {
    const runtime = createPythonRuntime({ types: scriptTypes, timeLimitMs: 50 });
    const script = runtime.compileScript({ source: "while True:\n    pass", location: { file: "p.py", line: 1 } });
    if ("severity" in script) throw new Error(script.message);
    let error: unknown;
    try {
      runtime.runScript(script, {});
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DiagnosticError);
    expect((error as DiagnosticError).diagnostics[0]).toMatchObject({ code: "PW6053", file: "p.py" });
    expect(runtime.interpreterLoaded).toBe(false);
  });

  it("reports unbounded recursion as the interpreter does", () => {
    const runtime = createPythonRuntime({ types: scriptTypes });
    const script = runtime.compileScript({
      source: "def f(n):\n    return f(n + 1)\nf(0)",
      location: { file: "p.py", line: 10 },
    });
    if ("severity" in script) throw new Error(script.message);
    expect(() => runtime.runScript(script, {})).toThrow(
      "Python code raised RuntimeError: maximum recursion depth exceeded",
    );
  });
});
