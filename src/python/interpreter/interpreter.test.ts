import { beforeAll, describe, expect, it } from "vitest";
import type { Delta, DeltaSpecification } from "../../delta/model.js";
import { DiagnosticError } from "../../diagnostics/diagnostic.js";
import type { ConfigurationItem } from "../../repository/model.js";
import { loadTypes } from "../../types/load-types.js";
import type { CompiledExpression, CompiledScript } from "../api.js";
import { hostObject, PyKeywords } from "../host-object.js";
import { createPythonRuntime, type PlanwrightRuntime } from "../runtime.js";

// One file loads Pyodide (≈3 s); every interpreter test lives here. Expected values are what
// Jython 2.7 (/usr/bin/jython) prints for the same code.

const types = loadTypes([]).registry;
const logged: string[] = [];
let runtime: PlanwrightRuntime;
let counter = 0;

beforeAll(async () => {
  runtime = createPythonRuntime({
    types,
    timeLimitMs: 400,
    log: (level, message) => logged.push(`${level}: ${message}`),
    resolveModule: (name) =>
      name === "rules.helpers"
        ? {
            source: "def double(x):\n    return x * 2\nprint 'helpers loaded'\n",
            location: { file: "ext/rules/helpers.py", line: 1 },
            package: false,
          }
        : undefined,
  });
  await runtime.load();
});

function at(file = "ext/xl-rules.xml", line = 10, column = 5) {
  counter++;
  return { file, line: line + counter * 0, column: column + counter };
}

function expression(source: string, location = at()): CompiledExpression {
  const compiled = runtime.compileExpression({ source, location });
  if ("severity" in compiled) throw new Error(compiled.message);
  return compiled;
}

function script(source: string, file = "ext/planning/x.py"): CompiledScript {
  const compiled = runtime.compileScript({ source, location: { file, line: 1, column: 1 } });
  if ("severity" in compiled) throw new Error(compiled.message);
  return compiled;
}

/** repr() of an expression forced through the interpreter (wrapped in a lambda the fast path declines). */
function interpreted(source: string, bindings: Record<string, unknown> = {}): string {
  const compiled = expression(`(lambda: ${source})()`);
  expect(compiled.fastPath).toBe(false);
  return runtime.evaluateForDisplay(compiled, bindings).repr;
}

function run(source: string, bindings: Record<string, unknown> = {}): string[] {
  logged.length = 0;
  runtime.runScript(script(source), bindings);
  return [...logged];
}

function failure(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostics[0]!;
    throw error;
  }
  throw new Error("expected a DiagnosticError");
}

function ci(id: string, type: string, values: ConfigurationItem["values"] = {}): ConfigurationItem {
  return { id, name: id.split("/").at(-1)!, type, values };
}

describe("Python 2 idioms", () => {
  it.each([
    ["7/2", "3"],
    ["-7/2", "-4"],
    ["7.0/2", "3.5"],
    ["u'a' + 'b'", "u'ab'"],
    ["'%s' % u'x'", "u'x'"],
    ["'%s-%d' % ('a', 1)", "'a-1'"],
    ["{'a': 1}.keys()", "['a']"],
    ["{'a': 1}.values()[0]", "1"],
    ["map(lambda x: x * 2, [1, 2])", "[2, 4]"],
    ["zip([1], [2])", "[(1, 2)]"],
    ["range(3)", "[0, 1, 2]"],
    ["filter(None, [0, 1])", "[1]"],
    ["0777", "511"],
    ["`[1, 2]`", "'[1, 2]'"],
    ["1 <> 2", "True"],
    ["reduce(lambda a, b: a + b, [1, 2, 3])", "6"],
    ["long(3)", "3L"],
    ["10L", "10L"],
    ["unicode(3)", "u'3'"],
    ["2 ** 31", "2147483648L"],
    ["{'a': 1}.has_key('a')", "True"],
    ["list({'a': 1}.iteritems())", "[('a', 1)]"],
    ["isinstance(u'x', basestring)", "True"],
    ["list(xrange(2))", "[0, 1]"],
    ["u'\\xe9'", "u'\\xe9'"],
    ["sorted([3, 1, 2], cmp=lambda a, b: b - a)", "[3, 2, 1]"],
    ["round(2.5)", "3.0"],
  ])("%s → %s", (source, expected) => {
    expect(interpreted(source)).toBe(expected);
  });

  it("runs print statements, trailing commas and >>stream into the log", () => {
    expect(run("import sys\nx = 2\nprint 'a', x\nprint\nprint >>sys.stderr, 'oops'\nprint('one')")).toEqual([
      "info: a 2",
      "info: ",
      "warn: oops",
      "info: one",
    ]);
    // Jython 2.7 prints "1 [2]" and "[3]".
    expect(run("print [1, 'a'][0], [2]\nprint [3]")).toEqual(["info: 1 [2]", "info: [3]"]);
  });

  it("accepts except E, e: and raise E, message", () => {
    expect(run("import json\ntry:\n    1/0\nexcept ZeroDivisionError, e:\n    print 'caught', e")).toEqual([
      "info: caught integer division or modulo by zero",
    ]);
    const raised = failure(() => run("raise ValueError, 'bad value'"));
    expect(raised.message).toBe("Python code raised ValueError: bad value");
  });

  it("divides as Python 3 after from __future__ import division", () => {
    expect(run("from __future__ import division\nprint 7/2, 7//2")).toEqual(["info: 3.5 3"]);
  });

  it("gives each run fresh globals and builtins", () => {
    run("leaked = 1\nlen = None");
    expect(failure(() => run("print leaked")).message).toContain("NameError");
    expect(run("print len([1])")).toEqual(["info: 1"]);
  });

  it("imports plugin modules from the classpath once", () => {
    expect(run("from rules.helpers import double\nprint double(21)")).toEqual(["info: helpers loaded", "info: 42"]);
    expect(run("import rules.helpers\nprint rules.helpers.double(1)")).toEqual(["info: 2"]);
  });
});

describe("Java stand-ins", () => {
  it("HashSet, HashMap and ArrayList behave like the Java classes in Jython", () => {
    const lines = run(
      [
        "from java.util import HashSet, HashMap, ArrayList",
        "s = HashSet()",
        "print s.add(1), s.add(1), s.size(), s.contains(1), s.isEmpty(), s",
        "m = HashMap()",
        "m.put('a', 1)",
        "print m.get('a'), m.get('b'), m.size(), m.containsKey('a'), 'a' in m, m['a']",
        "l = ArrayList()",
        "l.add(1)",
        "l.add('x')",
        "print l, l.size(), l.get(0), l.isEmpty(), len(l), l[1]",
      ].join("\n"),
    );
    expect(lines).toEqual([
      "info: True False 1 True False [1]",
      "info: 1 None 1 True True 1",
      "info: [1, x] 2 1 False 2 x",
    ]);
  });

  it("Operation equals its name, hashes like it and works as a dict key", () => {
    const lines = run(
      [
        "from com.xebialabs.deployit.plugin.api.deployment.specification import Operation",
        "print Operation.CREATE == 'CREATE', Operation.DESTROY != 'CREATE'",
        "print {Operation.CREATE: 'c', Operation.MODIFY: 'm'}.get(delta.operation, 'NOT FOUND')",
        "print {'CREATE': 1}[Operation.CREATE], delta.operation == Operation.CREATE, str(delta.operation)",
      ].join("\n"),
      { delta: delta("CREATE") },
    );
    expect(lines).toEqual(["info: True True", "info: c", "info: 1 True CREATE"]);
  });

  it("DefaultOrders are the documented numbers", () => {
    expect(
      run(
        [
          "from com.xebialabs.deployit.plugin.api.deployment.planning import DefaultOrders as D",
          "print D.PRE_FLIGHT, D.STOP_ARTIFACTS, D.STOP_CONTAINERS, D.UNDEPLOY_ARTIFACTS, D.DESTROY_RESOURCES",
          "print D.CREATE_RESOURCES, D.DEPLOY_ARTIFACTS + 4, D.START_CONTAINERS, D.START_ARTIFACTS, D.POST_FLIGHT",
        ].join("\n"),
      ),
    ).toEqual(["info: 0 10 20 30 40", "info: 60 74 80 90 100"]);
  });

  it("Checkpoint, Type.valueOf, PropertyKind, wrap, LazyHost, java.lang and slf4j", () => {
    const received: unknown[] = [];
    const context = host("DeploymentPlanningContext", {
      addCheckpoint: (...args: unknown[]) => received.push(...args),
    });
    const lines = run(
      [
        "from com.xebialabs.deployit.plugin.api.deployment.planning import Checkpoint",
        "from com.xebialabs.deployit.plugin.api.deployment.specification import Operation",
        "from com.xebialabs.deployit.plugin.api.reflect import Type, PropertyKind",
        "import com.xebialabs.deployit.provision.host.LazyHost as LazyHost",
        "from java.lang import String, Integer, StringBuilder",
        "from org.slf4j import LoggerFactory",
        "context.addCheckpoint('step', Checkpoint(delta._delegate, 'half', Operation.DESTROY))",
        "print deployed.type.instanceOf(Type.valueOf('udm.Deployed')), Type.valueOf('file.File') == 'file.File'",
        "print PropertyKind.SET_OF_CI == 'SET_OF_CI', wrap(LazyHost()).hostTemplate",
        "print String.format('%s-%d', 'a', 3), Integer.parseInt('42'), StringBuilder('a').append(1).toString()",
        "LoggerFactory.getLogger('x').info('hello {}', 'you')",
        "print Type.valueOf('a.B')",
      ].join("\n"),
      { context, delta: delta("MODIFY"), deployed: delta("MODIFY").deployed },
    );
    expect(lines).toEqual(["info: True True", "info: True None", "info: a-3 42 a1", "info: hello you", "info: a.B"]);
    expect(received[0]).toBe("step");
    expect(received[1]).toMatchObject({ name: "half", operation: "DESTROY", delta: { operation: "MODIFY" } });
  });

  it("an import that cannot work names the import", () => {
    const file = failure(() => run("import java.io.File as File"));
    expect(file.code).toBe("PW6051");
    expect(file.message).toContain("'java.io.File'");
    const socket = failure(() => run("x = 1\nimport socket"));
    expect(socket).toMatchObject({ code: "PW6051", line: 2, file: "ext/planning/x.py" });
    expect(socket.message).toContain("'socket'");
    expect(run("import os.path\nimport re, json, itertools, collections\nprint os.path.join('a', 'b')")).toEqual([
      "info: a/b",
    ]);
  });
});

function delta(operation: Delta["operation"]): Delta {
  const deployed = ci("Infrastructure/host/server/app", "file.DeployedFile", { targetPath: "/tmp" });
  return { id: deployed.id, operation, deployed, deployedOrPrevious: deployed, changedProperties: [] };
}

function host(pyTypeName: string, attributes: Record<string, unknown>) {
  return { [hostObject]: true as const, pyTypeName, pyGetAttr: (name: string) => attributes[name] };
}

describe("CI bridge", () => {
  const container = ci("Infrastructure/host/server", "overthere.LocalHost", { os: "UNIX" });
  const deployed = () =>
    ci("Infrastructure/host/server/app", "file.DeployedFile", { targetPath: "/opt/app", container, tags: ["a", "b"] });

  it("reads properties as attributes, items and values; unset is None", () => {
    const d = deployed();
    expect(interpreted("(d.targetPath, d['targetPath'], d.values['targetPath'], d.id, d.name)", { d })).toBe(
      "(u'/opt/app', u'/opt/app', u'/opt/app', u'Infrastructure/host/server/app', u'app')",
    );
    expect(
      interpreted("(d.type == 'file.DeployedFile', d.type.instanceOf('udm.Deployed'), d.container.os)", { d }),
    ).toBe("(True, True, u'UNIX')");
    expect(interpreted("d.targetFileName is None", { d })).toBe("True");
  });

  it("writes through attributes, items and values", () => {
    const d = deployed();
    run("d.targetPath = 'x'\nd.values['targetFileName'] = 'y'\nd['createTargetPath'] = True", { d });
    expect(d.values).toMatchObject({ targetPath: "x", targetFileName: "y", createTargetPath: true });
  });

  it("CIs are hashable and equal by id", () => {
    expect(interpreted("len(set([d.container, d.container, d]))", { d: deployed() })).toBe("2");
  });

  it("deltas and the delta specification", () => {
    const specification: DeltaSpecification = {
      operation: "CREATE",
      deployedApplication: ci("Environments/Dev/App", "udm.DeployedApplication"),
      deployedOrPreviousApplication: ci("Environments/Dev/App", "udm.DeployedApplication"),
      deltas: [delta("CREATE"), delta("NOOP")],
      rollback: false,
    };
    expect(
      run(
        "for d in specification.deltas:\n    print d.operation == 'CREATE', d.operation != 'NOOP', d.deployedOrPrevious.name\nprint specification.operation, specification.deployedApplication.name",
        { specification },
      ),
    ).toEqual(["info: True True app", "info: False False app", "info: CREATE App"]);
  });

  it("host objects receive keyword arguments as a trailing PyKeywords", () => {
    const calls: unknown[][] = [];
    const steps = host("StepFactory", {
      os_script: (...args: unknown[]) => {
        calls.push(args);
        return { step: true };
      },
    });
    run("s = steps.os_script('a', description='Deploy', order=70, freemarker_context={'k': [1, 2]})", { steps });
    expect(calls[0]![0]).toBe("a");
    const keywords = calls[0]![1] as PyKeywords;
    expect(keywords).toBeInstanceOf(PyKeywords);
    expect(keywords.values).toEqual({ description: "Deploy", order: 70, freemarker_context: new Map([["k", [1, 2]]]) });
  });
});

describe("limits and errors", () => {
  it("stops while True: pass within the time limit, and the next run works", () => {
    const started = Date.now();
    const stopped = failure(() => run("import json  # (outside the fast path)\nwhile True:\n    pass"));
    expect(stopped.code).toBe("PW6053");
    expect(stopped.message).toContain("400 ms");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(run("print 'still alive'")).toEqual(["info: still alive"]);
  });

  it("a bare except cannot swallow the stop", () => {
    expect(failure(() => run("import json\nwhile True:\n    try:\n        pass\n    except:\n        pass")).code).toBe(
      "PW6053",
    );
  });

  it("deep recursion is a RuntimeError, not a crash", () => {
    const error = failure(() => run("import json\ndef f(n):\n    return f(n + 1)\nf(0)"));
    expect(error.message).toBe("Python code raised RuntimeError: maximum recursion depth exceeded");
    expect(interpreted("1 + 1")).toBe("2");
  });

  it("a Python exception names the rule, the file and the script's line", () => {
    const compiled = script("x = 1\n\ny = d.nonexistent\n", "ext/planning/broken.py");
    const error = failure(() => runtime.runScript(compiled, { d: deployed() }, { rule: "my-rule" }));
    expect(error).toMatchObject({ code: "PW6050", file: "ext/planning/broken.py", line: 3, rule: "my-rule" });
    expect(error.message).toBe(
      "rule 'my-rule' raised AttributeError: 'file.DeployedFile' object has no attribute 'nonexistent'",
    );
  });

  it("maps an expression's line to the xl-rules.xml line", () => {
    const compiled = expression("[x for x in\n  d.nothing]", { file: "ext/xl-rules.xml", line: 40, column: 12 });
    const error = failure(() => runtime.evaluate(compiled, { d: deployed() }, { rule: "r" }));
    expect(error).toMatchObject({ file: "ext/xl-rules.xml", line: 41, rule: "r" });
  });

  it("reports a syntax error at its position", () => {
    const compiled = runtime.compileScript({ source: "x = (1,\n", location: { file: "ext/p.py", line: 1 } });
    expect(compiled).toMatchObject({ code: "PW6052", file: "ext/p.py" });
  });

  function deployed() {
    return ci("Infrastructure/host/server/app", "file.DeployedFile", {});
  }
});
