import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import type { ConfigurationItem } from "../repository/model.js";
import { loadTypes } from "../types/load-types.js";
import type { CompiledExpression } from "./api.js";
import { createPythonRuntime } from "./runtime.js";

// Nothing here loads Pyodide: these tests check the runtime's fast-path side.

const types = loadTypes([]).registry;
const container: ConfigurationItem = {
  id: "Infrastructure/h/local",
  name: "local",
  type: "overthere.LocalHost",
  values: {},
};
const deployed: ConfigurationItem = {
  id: "Infrastructure/h/local/app",
  name: "app",
  type: "file.DeployedFile",
  values: { container, targetPath: "/opt" },
};
const env: ConfigurationItem = {
  id: "Environments/Production-EU",
  name: "Production-EU",
  type: "udm.Environment",
  values: {},
};

function compile(runtime: ReturnType<typeof createPythonRuntime>, source: string): CompiledExpression {
  const compiled = runtime.compileExpression({ source, location: { file: "ext/xl-rules.xml", line: 3, column: 7 } });
  if ("severity" in compiled) throw new Error(compiled.message);
  return compiled;
}

describe("createPythonRuntime", () => {
  it("evaluates fast-path expressions without loading the interpreter", () => {
    const runtime = createPythonRuntime({ types });
    const greeting = compile(runtime, "'Deploy %s to %s' % (deployed.name, deployed.container.name)");
    const check = compile(runtime, 'deployed.type == "file.DeployedFile" and "Production" in env.name');
    expect(runtime.needsInterpreter([greeting, check])).toBe(false);
    expect(runtime.evaluate(greeting, { deployed })).toBe("Deploy app to local");
    expect(runtime.evaluate(check, { deployed, env })).toBe(true);
    expect(runtime.evaluateForDisplay(greeting, { deployed })).toEqual({
      type: "unicode",
      repr: "u'Deploy app to local'",
      json: "Deploy app to local",
    });
    expect(runtime.interpreterLoaded).toBe(false);
    expect(runtime.statistics.fastEvaluations).toBe(3);
  });

  it("reads an unset boolean without a default as False and other unset properties as None", () => {
    const registry = loadTypes([
      {
        displayPath: "ext/synthetic.xml",
        text: `<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">
  <type type="x.Deployed" extends="udm.BaseDeployed" deployable-type="udm.BaseDeployable" container-type="udm.BaseContainer">
    <property name="alwaysRun" kind="boolean" required="false"/>
    <property name="undoCommand" required="false"/>
  </type>
</synthetic>`,
      },
    ]).registry;
    const runtime = createPythonRuntime({ types: registry });
    const ci: ConfigurationItem = { id: "Infrastructure/c/x", name: "x", type: "x.Deployed", values: {} };
    const check = compile(runtime, "(deployed.alwaysRun, deployed.undoCommand, deployed['alwaysRun'])");
    expect(runtime.evaluateForDisplay(check, { deployed: ci }).repr).toBe("(False, None, False)");
  });

  it("compiles each source once", () => {
    const runtime = createPythonRuntime({ types });
    expect(compile(runtime, "deployed.name")).toBe(compile(runtime, "deployed.name"));
  });

  it("says when a source needs the interpreter, and refuses to run it before load()", () => {
    const runtime = createPythonRuntime({ types });
    const comprehension = compile(runtime, "[x for x in range(3)]");
    expect(comprehension.fastPath).toBe(false);
    expect(runtime.needsInterpreter([comprehension])).toBe(true);
    expect(() => runtime.evaluate(comprehension, {})).toThrow(/load\(\)/);
    expect(runtime.interpreterLoaded).toBe(false);
  });

  it("turns a fast-path exception into a diagnostic naming the rule and the expression's place", () => {
    const runtime = createPythonRuntime({ types });
    const division = compile(runtime, "1 / 0");
    try {
      runtime.evaluate(division, {}, { rule: "my-rule" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DiagnosticError);
      expect((error as DiagnosticError).diagnostics[0]).toMatchObject({
        code: "PW6050",
        file: "ext/xl-rules.xml",
        line: 3,
        rule: "my-rule",
      });
      expect((error as DiagnosticError).diagnostics[0]!.message).toMatch(/^rule 'my-rule' raised ZeroDivisionError/);
    }
  });

  it("runs planning scripts of the fast-path subset without the interpreter", () => {
    const runtime = createPythonRuntime({ types, log: (_level, line) => printed.push(line) });
    const printed: string[] = [];
    const script = runtime.compileScript({
      source:
        "if deployed.targetPath:\n    deployed.targetPath = deployed.targetPath + '/app'\nprint deployed.targetPath",
      location: { file: "ext/planning/app.py", line: 1 },
    });
    if ("severity" in script) throw new Error(script.message);
    expect(runtime.needsInterpreter([script])).toBe(false);
    const target = { ...deployed, values: { ...deployed.values } };
    runtime.runScript(script, { deployed: target });
    expect(target.values.targetPath).toBe("/opt/app");
    expect(printed).toEqual(["/opt/app"]);
    expect(runtime.statistics).toMatchObject({ scriptRuns: 1, fastScriptRuns: 1 });
    expect(runtime.interpreterLoaded).toBe(false);
  });

  it("reports a fast script's exception with the rule, the file and the Python line", () => {
    const runtime = createPythonRuntime({ types });
    const script = runtime.compileScript({
      source: "x = 1\nfor d in [deployed]:\n    raise Exception('no database for %s' % d.name)",
      location: { file: "ext/xl-rules.xml", line: 10, column: 5 },
    });
    if ("severity" in script) throw new Error(script.message);
    try {
      runtime.runScript(script, { deployed }, { rule: "check" });
      expect.unreachable();
    } catch (error) {
      expect((error as DiagnosticError).diagnostics[0]).toMatchObject({
        code: "PW6050",
        file: "ext/xl-rules.xml",
        line: 12,
        rule: "check",
      });
      expect((error as DiagnosticError).diagnostics[0]!.message).toMatch(/Exception.*no database for app/);
    }
  });

  it("leaves scripts outside the subset to the interpreter", () => {
    const runtime = createPythonRuntime({ types });
    const script = runtime.compileScript({
      source: "class A(object):\n    pass\nA()",
      location: { file: "a.py", line: 1 },
    });
    if ("severity" in script) throw new Error(script.message);
    expect(runtime.needsInterpreter([script])).toBe(true);
    expect(() => runtime.runScript(script, {})).toThrow(/load\(\)/);
  });
});
