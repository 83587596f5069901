import { describe, expect, it } from "vitest";
import { buildScriptWorld, scriptTypes } from "../../../test/python-scripts/script-world.js";
import { PythonException } from "../values/python-exception.js";
import { compileFastScript, pythonLineOf, ScriptTimeout } from "./fast-script.js";

// Unit tests of the statement fast path; test/python-scripts/ compares it with Pyodide.

function run(source: string, deadline = Date.now() + 5_000) {
  const script = compileFastScript(source);
  if (!script) throw new Error(`declined:\n${source}`);
  const world = buildScriptWorld();
  const printed: string[] = [];
  script.run(world.bindings, { types: scriptTypes, log: (_level, line) => printed.push(line), deadline });
  return { ...world, printed };
}

function failure(source: string): { type: string; message: string; line: number | undefined } {
  try {
    run(source);
  } catch (error) {
    if (error instanceof PythonException) {
      return { type: error.pythonType, message: error.message, line: pythonLineOf(error) };
    }
    throw error;
  }
  throw new Error("no exception");
}

describe("compileFastScript accepts", () => {
  it("assignments, tuple unpacking and chained targets", () => {
    const { printed } = run("a, (b, c) = 1, (2, u'x')\nd = e = [a, b]\nprint a, b, c, d, e is None");
    expect(printed).toEqual(["1 2 x [1, 2] False"]);
  });

  it("augmented assignment; list += extends the same list", () => {
    const { printed } = run("n = 1\nn += 2\nn *= 3\nl = [1]\nm = l\nl += (2, 3)\ns = 'a'\ns += 'b'\nprint n, m, s");
    expect(printed).toEqual(["9 [1, 2, 3] ab"]);
  });

  it("if / elif / else, including one-line bodies", () => {
    const { printed } = run(
      "for n in [1, 2, 3]:\n    if n == 1: print 'one'\n    elif n == 2:\n        print 'two'\n    else:\n        print 'many'",
    );
    expect(printed).toEqual(["one", "two", "many"]);
  });

  it("for loops over lists, tuples, dicts, strings and ranges, with break and continue", () => {
    const { printed } = run(
      [
        "out = []",
        "for i in range(10):",
        "    if i % 2:",
        "        continue",
        "    if i > 6:",
        "        break",
        "    out.append(i)",
        "for k in {'a': 1}:",
        "    out.append(k)",
        "for ch in 'xy':",
        "    out.append(ch)",
        "for a, b in [(1, 2), (3, 4)]:",
        "    out.append(a + b)",
        "print out",
      ].join("\n"),
    );
    expect(printed).toEqual(["[0, 2, 4, 6, 'a', 'x', 'y', 3, 7]"]);
  });

  it("list comprehensions, whose variable stays bound (Python 2)", () => {
    const { printed } = run(
      "names = [d.deployedOrPrevious.name for d in specification.deltas if d.operation != 'NOOP']\nprint names, d.operation",
    );
    expect(printed).toEqual(["[u'petclinic', u'petclinic-ds'] DESTROY"]);
  });

  it("host calls with keyword arguments and **dict, as one trailing PyKeywords", () => {
    const { calls } = run(
      "s = steps.os_script(description='Stop %s' % deployed.container.name, order=20, **{'target-host': deployed.container.host})\ncontext.addStep(s)",
    );
    expect(calls).toEqual([
      {
        call: "StepFactory.os_script",
        args: [{ keywords: { description: "Stop tomcat", order: 20, "target-host": "ci:Infrastructure/web-1" } }],
      },
      {
        call: "DeploymentPlanningContext.addStep",
        args: [
          {
            step: {
              type: "os-script",
              args: [{ keywords: { description: "Stop tomcat", order: 20, "target-host": "ci:Infrastructure/web-1" } }],
            },
          },
        ],
      },
    ]);
  });

  it("writes to CIs through attributes, items and values", () => {
    const { cis } = run(
      "deployed.contextRoot = '/pc'\ndeployed['weight'] = 5\ndeployed.values['placeholders'] = {'k': 1}\ndeployed.container.home = None",
    );
    const deployed = cis.find((ci) => ci.name === "petclinic")!;
    expect(deployed.values).toMatchObject({ contextRoot: "/pc", weight: 5, placeholders: { k: "1" } });
    expect(cis.find((ci) => ci.name === "tomcat")!.values.home).toBeUndefined();
  });

  it("mutating list, dict and set methods on the script's own values, never on the planner's", () => {
    const { printed, cis } = run(
      [
        "p = deployed.ports",
        "p.append(8080)",
        "d = {'a': 1}",
        "d.update({'b': 2})",
        "d['c'] = d.pop('a')",
        "s = set()",
        "s.add(1)",
        "l = [3, 1, 2]",
        "l.sort()",
        "l.insert(0, l.pop())",
        "print p, sorted(d.items()), len(s), l",
      ].join("\n"),
    );
    expect(printed).toEqual(["[u'80', u'443', 8080] [('b', 2), ('c', 1)] 1 [3, 1, 2]"]);
    expect(cis.find((ci) => ci.name === "petclinic")!.values.ports).toEqual(["80", "443"]);
  });

  it("imports of Operation, DefaultOrders and Checkpoint", () => {
    const { calls } = run(
      [
        "from com.xebialabs.deployit.plugin.api.deployment.specification import Operation",
        "from com.xebialabs.deployit.plugin.api.deployment.planning import Checkpoint, DefaultOrders",
        "s = steps.noop(description='x', order=DefaultOrders.DEPLOY_ARTIFACTS + 1)",
        "context.addStepWithCheckpoint(s, delta, Operation.DESTROY)",
        "context.addCheckpoint(s, Checkpoint(delta, 'written', Operation.CREATE))",
        "print delta.operation == Operation.CREATE",
      ].join("\n"),
    );
    expect(calls.slice(1)).toEqual([
      {
        call: "DeploymentPlanningContext.addStepWithCheckpoint",
        args: [
          { step: { type: "noop", args: [{ keywords: { description: "x", order: 71 } }] } },
          "delta:Infrastructure/web-1/tomcat/petclinic",
          "DESTROY",
        ],
      },
      {
        call: "DeploymentPlanningContext.addCheckpoint",
        args: [
          { step: { type: "noop", args: [{ keywords: { description: "x", order: 71 } }] } },
          { checkpoint: { delta: "Infrastructure/web-1/tomcat/petclinic", name: "written", operation: "CREATE" } },
        ],
      },
    ]);
  });

  it("an artifact's file: name and path of its content (the manual's `deployed.file.name`)", () => {
    expect(run("print 'Copy file ' + deployed.file.name, deployed.file.path").printed).toEqual([
      "Copy file petclinic.war /artifacts/1.0/petclinic.war",
    ]);
  });

  it("print writes each line of its text", () => {
    expect(run("print\nprint 'a\\nb', 1.5, None, u'\\xe9'").printed).toEqual(["", "a", "b 1.5 None \u00e9"]);
  });
});

describe("fast script exceptions", () => {
  it("raise with a message, at its line", () => {
    expect(failure("x = 1\nif x:\n    raise Exception('no database for %s' % deployed.name)")).toEqual({
      type: "Exception",
      message: "no database for petclinic",
      line: 3,
    });
    expect(failure("raise ValueError, 'bad'")).toEqual({ type: "ValueError", message: "bad", line: 1 });
  });

  it("an error inside a multi-line statement is reported at the line of the failing part", () => {
    expect(failure("s = steps.noop(\n    description=deployed.nothing,\n    order=1)")).toMatchObject({
      type: "AttributeError",
      line: 2,
    });
    expect(failure("x = [1,\n  2][5]")).toMatchObject({ type: "IndexError", line: 1 });
  });

  it("NameError, unpacking errors, dict size changes", () => {
    expect(failure("print missing")).toMatchObject({ type: "NameError", line: 1 });
    expect(failure("a, b = [1, 2, 3]")).toEqual({ type: "ValueError", message: "too many values to unpack", line: 1 });
    expect(failure("d = {'a': 1}\nfor k in d:\n    d['b'] = 2")).toMatchObject({ type: "RuntimeError", line: 2 });
  });

  it("a loop that keeps growing its list stops at the deadline", () => {
    expect(() => run("l = [1]\nfor x in l:\n    l.append(x)", Date.now() + 50)).toThrow(ScriptTimeout);
  });

  it("host errors pass through as they are", () => {
    expect(() => run("context.fail()")).toThrow("the context refuses");
  });
});

describe("functions, while and try", () => {
  it("a while True: pass stops at the deadline", () => {
    const started = Date.now();
    expect(() => run("while True:\n    pass", Date.now() + 50)).toThrow(ScriptTimeout);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a bare except cannot swallow the time limit", () => {
    expect(() => run("while True:\n    try:\n        pass\n    except:\n        pass", Date.now() + 50)).toThrow(
      ScriptTimeout,
    );
  });

  it("recursion without loops stops at the deadline", () => {
    const source = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nfib(40)";
    expect(() => run(source, Date.now() + 50)).toThrow(ScriptTimeout);
  });

  it("recursion stops at Jython's limit of 1000 nested calls", () => {
    const { printed } = run(
      "depth = [0]\ndef down():\n    depth[0] += 1\n    down()\ntry:\n    down()\nexcept RuntimeError, e:\n    print depth[0], e",
    );
    expect(printed).toEqual(["1000 maximum recursion depth exceeded"]);
  });

  it("an exception inside a function is reported at the function's line", () => {
    expect(failure("def f(d):\n    x = 1\n    return d['missing']\nf({})")).toEqual({
      type: "KeyError",
      message: "'missing'",
      line: 3,
    });
  });

  it("a bare raise keeps the line where the exception was first raised", () => {
    expect(failure("try:\n    x = 1\n    y = x / 0\nexcept ZeroDivisionError:\n    raise")).toMatchObject({
      type: "ZeroDivisionError",
      line: 3,
    });
  });

  it("raise of a caught instance starts at its new line, as Python 2 does", () => {
    expect(failure("try:\n    [].pop()\nexcept IndexError, e:\n    pass\nraise e")).toMatchObject({
      type: "IndexError",
      line: 5,
    });
  });

  it("e.message, e.args and setting attributes on an exception", () => {
    const { printed } = run(
      "try:\n    {}['k']\nexcept KeyError, e:\n    e.extra = 1\n    print repr(e.message), e.args, e.extra, repr(e)",
    );
    expect(printed).toEqual(["'k' ('k',) 1 KeyError('k',)"]);
  });

  it("host errors pass through except Exception but a bare except catches them", () => {
    expect(() => run("try:\n    context.fail()\nexcept Exception:\n    pass")).toThrow("the context refuses");
    expect(run("try:\n    context.fail()\nexcept:\n    print 'caught'").printed).toEqual(["caught"]);
  });

  it("steps added from a function with keyword arguments", () => {
    const { calls } = run(
      "def add(description, order=60):\n    context.addStep(steps.noop(description=description, order=order))\nadd('a')\nadd(order=1, description='b')",
    );
    expect(
      calls.filter((call) => (call as { call: string }).call === "DeploymentPlanningContext.addStep"),
    ).toHaveLength(2);
  });
});

describe("compileFastScript declines", () => {
  it.each([
    ["return outside a function", "return 1"],
    ["break outside a loop", "def f():\n    break"],
    ["a bare raise outside an except clause", "raise"],
    [
      "a bare raise after a nested try",
      "try:\n    x = 1\nexcept:\n    try:\n        y = 2\n    except:\n        pass\n    raise",
    ],
    ["return in finally", "def f():\n    try:\n        pass\n    finally:\n        return 1"],
    ["continue in finally", "for x in [1]:\n    try:\n        pass\n    finally:\n        continue"],
    ["except of a non-builtin class", "try:\n    x = 1\nexcept MyError:\n    pass"],
    ["except of an expression", "try:\n    x = 1\nexcept errors[0]:\n    pass"],
    ["a parameter named like a builtin", "def f(type):\n    return 1"],
    ["tuple parameters", "def f((a, b)):\n    return a"],
    ["keywords to an exception class", "raise ValueError(message='x')"],
    ["* arguments to a method", "deployed.getProperty(*['x'])"],
    [
      "import in a function",
      "def f():\n    from com.xebialabs.deployit.plugin.api.deployment.specification import Operation",
    ],
    ["a parameter declared global", "def f(x):\n    global x"],
    ["an exception's class name", "try:\n    x = 1 / 0\nexcept Exception, e:\n    print e.__class__.__name__"],
    ["map over several sequences", "x = map(lambda a, b: a, [1], [2])"],
    ["class", "class A(object):\n    pass"],
    ["other imports", "from java.util import ArrayList"],
    ["a Java set's iterator", "from java.util import HashSet\nit = HashSet().iterator()"],
    ["plain imports", "import json"],
    [
      "unknown stand-in member",
      "from com.xebialabs.deployit.plugin.api.deployment.specification import Operation\nx = Operation.valueOf('CREATE')",
    ],
    ["print with trailing comma", "print 'a',"],
    ["print >>", "import sys\nprint >>sys.stderr, 'a'"],
    ["semicolons", "a = 1; b = 2"],
    ["generator expressions", "x = any(d for d in deltas.deltas)"],
    ["nested comprehensions", "x = [a for b in [[1]] for a in b]"],
    ["values as a view", "v = deployed.values\nv['x'] = 1"],
    ["rebinding builtins", "len = 3"],
    ["Type as a value", "t = Type"],
    ["a method of Type but valueOf", "t = Type.getName()"],
    ["import of a Java class without a stand-in", "import com.acme.LazyHost as LazyHost"],
    ["import of a module object", "import pkg.mod as m"],
    ["a syntax error", "if x\n    pass"],
    ["raise of an unknown class", "raise MyError('x')"],
    ["del of an attribute", "del deployed.name"],
    ["del of a slice", "l = [1]\ndel l[0:1]"],
    ["del in a function with a nested def", "def f():\n    x = 1\n    def g():\n        return x\n    del x"],
    ["a form feed", "if True:\n\f    pass"],
    ["sorted with an unknown keyword", "x = sorted([1], reversed=True)"],
    ["keywords to other builtins", "x = len([1], key=1)"],
  ])("%s", (_name, source) => {
    expect(compileFastScript(source)).toBeUndefined();
  });
});
