import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFastScript, pythonLineOf, ScriptTimeout } from "../../src/python/fastpath/fast-script.js";
import type { ResolveModule } from "../../src/python/fastpath/home-modules.js";
import { PyodideHost, PythonFailure } from "../../src/python/interpreter/pyodide-host.js";
import { createPythonRuntime } from "../../src/python/runtime.js";
import { PythonException } from "../../src/python/values/python-exception.js";
import { controlFlowScripts } from "./control-flow-scripts.js";
import { functionValueScripts } from "./function-value-scripts.js";
import { homeModuleScripts, resolveHomeModule, runHomeModuleScriptsFast } from "./home-module-scripts.js";
import { javaCollectionScripts } from "./java-collection-scripts.js";
import { buildScriptWorld, plainData, scriptTypes } from "./script-world.js";

/**
 * Every planning script of the examples, the scenarios and the benchmark, and hand-written
 * scripts covering the fast-path subset, run through the fast path and through Pyodide
 * (this is the one file here that loads Pyodide): host calls with their arguments, CI
 * writes, printed lines and exceptions (type, message, line) must be identical.
 */

const root = path.resolve(import.meta.dirname, "../..");

/** The classpath root (the xl-rules.xml folder) of each planning script found there. */
const classpathRoots = new Map<string, string>();

/** The home modules of a classpath root, as the planner resolves them (`a.b` → a/b.py or a/b/__init__.py). */
function homeModules(directory: string): ResolveModule {
  return (name) => {
    const base = path.join(directory, ...name.split("."));
    for (const [file, isPackage] of [
      [`${base}.py`, false],
      [path.join(base, "__init__.py"), true],
    ] as const) {
      if (existsSync(file))
        return { source: readFileSync(file, "utf8"), location: { file, line: 1 }, package: isPackage };
    }
    return undefined;
  };
}

/** `<planning-script-path>` of every xl-rules.xml under `folder`, resolved against its classpath root. */
function planningScripts(folder: string): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const full = path.join(directory, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (entry === "xl-rules.xml") {
        for (const match of readFileSync(full, "utf8").matchAll(/<planning-script-path>([^<]+)</g)) {
          const script = path.join(directory, match[1]!.trim());
          found[path.relative(root, script)] = readFileSync(script, "utf8");
          classpathRoots.set(path.relative(root, script), directory);
        }
      }
    }
  };
  visit(path.join(root, folder));
  return found;
}

async function benchScripts(): Promise<Record<string, string>> {
  const { generateHome } = (await import(path.join(root, "scripts/bench/generate-home.js"))) as {
    generateHome: (directory: string, deployeds: number, options: { scriptRules: boolean }) => unknown;
  };
  const directory = mkdtempSync(path.join(tmpdir(), "planwright-bench-scripts-"));
  try {
    generateHome(directory, 10, { scriptRules: true });
    const found = planningScripts(path.relative(root, directory));
    return Object.fromEntries(Object.entries(found).map(([file, text]) => [`bench:${path.basename(file)}`, text]));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const handWritten: Record<string, string> = {
  "Type imported under its own name": `
import com.xebialabs.deployit.plugin.api.reflect.Type as Type
print Type.valueOf("udm.Deployed"), deployed.type.instanceOf(Type.valueOf("udm.BaseDeployed"))
`,
  "Type.valueOf, builtin and imported": `
import com.xebialabs.deployit.plugin.api.reflect.Type as CiType
from com.xebialabs.deployit.plugin.api.reflect import Type as ReflectType
base = Type.valueOf("udm.BaseDeployed")
print base, deployed.type.instanceOf(base), deployed.type.instanceOf(CiType.valueOf("udm", "BaseContainer"))
print deployed.container.type == ReflectType.valueOf("udm.BaseContainer"), str(Type.valueOf(u"udm.Version"))
context.addStep(steps.noop(description="type %s" % Type.valueOf(deployed.type), order=1))
`,
  "canonical plan scope": `
containers = []
for _delta in deltas.deltas:
    deployed = _delta.deployedOrPrevious
    current_container = deployed.container
    if _delta.operation != "NOOP" and current_container.type == "udm.BaseContainer":
        if current_container not in containers:
            containers.append(current_container)
for container in containers:
    context.addStep(steps.os_script(description="Stopping server %s" % container.name, order=20,
        script="scripts/stop", freemarker_context={'container': container}, target_host=container.host))
`,
  "deployed scope with checkpoint": `
from com.xebialabs.deployit.plugin.api.deployment.specification import Operation
from com.xebialabs.deployit.plugin.api.deployment.planning import DefaultOrders, Checkpoint
if delta.operation == Operation.CREATE or delta.operation == "MODIFY":
    step = steps.jython(description="Register %s" % deployed.name, order=DefaultOrders.DEPLOY_ARTIFACTS + 4,
                        script="x/register.py", jython_context={"deployed": deployed, "weights": [deployed.weight, 2]})
    context.addStepWithCheckpoint(step, delta)
else:
    context.addStep(steps.noop(description="Nothing for %s" % deployed.id, order=DefaultOrders.UNDEPLOY_ARTIFACTS - 1))
context.addCheckpoint(step, Checkpoint(delta, "registered", Operation.CREATE))
`,
  "mutation of the model": `
deployed.targetDirectory = "%s/%s-%s" % (deployed.container.home, deployed.name, deployed.weight)
deployed.values["resourceName"] = deployed.name.upper()
deployed["weight"] = deployed.weight * 2
deployed.container.home += "/current"
deployed.placeholders = {"a": 1, "b": u"two"}
deployed.tags = set(["x"])
print deployed.targetDirectory, deployed.values["resourceName"], deployed.weight, deployed.container.home
`,
  "keywords and **dict": `
params = {'target-host': deployed.container.host, 'script': 'a/b'}
params['order'] = 30
context.addStep(steps.os_script(description=u'Run \\xe9', **params))
context.addStep(steps.noop(**{'description': 'only', 'order': 1}))
`,
  "loops, comprehensions, mutations": `
ops = {}
for d in specification.deltas:
    ops[d.deployedOrPrevious.name] = str(d.operation)
names = sorted(ops.keys())
pairs = [(n, ops[n]) for n in names if ops[n] != "NOOP"]
total = 0
for i, (name, op) in [(0, p) for p in pairs]:
    total += len(name)
print names, pairs, total
l = [5, 3, 9]
l.sort()
l.reverse()
l.extend(range(2))
l.insert(-1, 7)
x = l.pop(0)
l.remove(3)
s = set()
s.add(1)
s.update([1, 2])
print l, x, len(s), 2 in s
for ch in "ab":
    if ch == "b":
        break
    print ch
else_value = None
`,
  "attributes and getters": `
c = deployed.container
print c.name, c.id, c.type, c.type == "udm.BaseContainer", deployed.getProperty("contextRoot")
print deployed.hasProperty("contextRoot"), delta.deployedOrPrevious.getName(), delta._delegate.deployed.name
operations = [d.operation for d in specification.deltas]
print operations, specification.operation
context.setAttribute("seen", [deployed.name])
seen = context.getAttribute("seen")
seen.append("more")
print seen, context.getAttribute("seen")
`,
  "artifact file": `
print "Copy file " + deployed.file.name, deployed.file.path, deployed.file.getName()
context.addStep(steps.noop(description="Copy %s" % deployed.file.name, order=deployed.weight))
print deployed.container.file
`,
  "print forms": `
print
print "a", 1, 2.5, None, True, [1, u'x'], (1,), {'k': 'v'}
print("one")
print("a", "b")
print u"caf\\xe9"
print "multi\\nline"
`,
  "raise Exception": `
for delta in specification.deltas:
    if delta.operation == 'DESTROY':
        raise Exception('cannot destroy %s' % delta.deployedOrPrevious.name)
`,
  "raise ValueError, message": `x = 1\nraise ValueError, "bad value %d" % x\n`,
  NameError: `print deployed.name\nprint undefined_name\n`,
  "AttributeError on a continuation line": `step = steps.noop(\n    description=deployed.container.nothing,\n    order=1)\n`,
  KeyError: `d = {'a': 1}\nprint d['b']\n`,
  IndexError: `l = [1]\nprint l[3]\n`,
  ZeroDivisionError: `x = 0\ny = 1 / x\n`,
  "TypeError in a comprehension": `x = [n + 1 for n in ['a']]\n`,
  "unpacking error": `a, b = [1]\n`,
  "host error": `context.fail()\n`,
  "CI without such a property": `print deployed.values["nothing"]\n`,
  "setting an attribute of a host object": `steps.foo = 1\n`,
  "dict changed size": `d = {'a': 1}\nfor k in d:\n    d[k + 'x'] = 1\n`,
  "steps planned by a helper function": `
def add_step(description, order=60, **extra):
    params = {'description': description, 'order': order}
    params.update(extra)
    context.addStep(steps.os_script(**params))
def container_of(d):
    return d.deployedOrPrevious.container
for d in specification.deltas:
    if d.operation == "DESTROY":
        add_step("Remove %s" % d.deployedOrPrevious.name, order=40, script="x/remove")
    else:
        add_step("Deploy %s to %s" % (d.deployedOrPrevious.name, container_of(d).name), script="x/deploy")
`,
  "try around a missing property": `
try:
    x = deployed.values["nothing"]
except KeyError:
    x = None
try:
    y = deployed.container.nothing
except AttributeError:
    y = "fallback"
print x, y
context.addStep(steps.noop(description="%s %s" % (x, y), order=1))
`,
  "while polling a host value": `
attempts = 0
while context.getAttribute("ready") is None:
    attempts += 1
    if attempts == 3:
        context.setAttribute("ready", True)
print attempts, context.getAttribute("ready")
`,
  "functions passed to map and filter": `
def stop_start(deployed):
    if deployed is None:
        return
    context.addStep(steps.os_script(description="Restart %s on %s" % (deployed.name, deployed.container.name),
        order=80, script="x/restart", target_host=deployed.container.host))
created = filter(lambda d: d.operation == "CREATE", specification.deltas)
map(stop_start, [d.deployedOrPrevious for d in created])
print len(created), reduce(lambda total, d: total + d.deployedOrPrevious.weight, specification.deltas, 0)
`,
  "a host error caught by a bare except": `
try:
    context.fail()
except:
    print "host error caught"
context.addStep(steps.noop(description="after", order=1))
`,
  "a host error escaping a function": `
def fail_now():
    context.fail()
try:
    fail_now()
finally:
    print "cleanup"
`,
  "a host error through except Exception": `
try:
    context.fail()
except Exception, e:
    print "caught", e
`,
  "a host error through except ValueError": `
try:
    context.fail()
except ValueError:
    print "not caught"
`,
};

/**
 * Named known differences, where the fast path follows Jython 2.7 (checked with
 * /usr/bin/jython) and Pyodide shows Python 3: exception messages worded as Python 3 words
 * them (the type and line still agree), and list comprehension variables that Python 2
 * leaves bound.
 */
const python3Messages = new Set([
  "TypeError in a comprehension",
  "unpacking error",
  "reading a local before assignment",
  "an undefined global in a function",
]);
/**
 * Control-flow scripts where Pyodide runs Python 3 semantics (or its bridge differs from
 * Jython's): the fast path follows Jython, checked with real Jython in
 * fast-script-jython.test.ts for the scripts without bindings.
 */
const python3Semantics: Record<string, string> = {
  "a free variable read before its enclosing function binds it":
    "Jython reports an unbound free variable as UnboundLocalError, Python 3 as NameError with another message",
  "a cmp function must return an integer":
    "Python 3 sorts through cmp_to_key and compares the cmp result with 0 instead of requiring an integer",
  "assert and del": "Python 3 words these errors differently, and its assert passes a tuple message as one argument",
  "map, filter and reduce with lambdas and functions":
    "map() and reduce() word their TypeErrors differently in Python 3",
  "a lambda reads its function's locals when called":
    "Jython reports an unbound free variable as UnboundLocalError, Python 3 as NameError with another message",
  "global and local names": "a list comprehension's variable stays bound in Python 2",
  "str and args of caught exceptions":
    "`raise E, (a, b)` gives args (a, b) in Python 2; the py2 fixer makes it E((a, b))",
  "raise with a value that is a tuple or None": "`raise E, None` is `raise E` in Python 2",
  "function errors: argument counts and keywords": "Python 3 words argument-count TypeErrors differently",
  "defaults are evaluated once, when def runs":
    "Python 2's print statement converts each item before evaluating the next; print() evaluates all first",
};
const jythonOnly: Record<string, { source: string; printed: string[] }> = {
  "comprehension variable stays bound": { source: "x = [n for n in [1, 2]]\nprint n\n", printed: ["2"] },
};

interface Outcome {
  calls: unknown[];
  cis: unknown[];
  printed: string[];
  error: { type: string; message: string; line: number | null } | null;
}

function outcome(world: ReturnType<typeof buildScriptWorld>, printed: string[], error: Outcome["error"]): Outcome {
  return {
    calls: world.calls,
    cis: world.cis.map((ci) => ({ id: ci.id, values: plainData(new Map(Object.entries(ci.values))) })),
    printed,
    error,
  };
}

function runFast(source: string): Outcome {
  const script = compileFastScript(source);
  if (!script) throw new Error("the fast path declined this script");
  const world = buildScriptWorld();
  const printed: string[] = [];
  try {
    script.run(world.bindings, {
      types: scriptTypes,
      log: (_level, line) => printed.push(line),
      deadline: Date.now() + 10_000,
    });
    return outcome(world, printed, null);
  } catch (error) {
    if (error instanceof ScriptTimeout) return outcome(world, printed, { type: "timeout", message: "", line: null });
    if (error instanceof PythonException) {
      return outcome(world, printed, {
        type: error.pythonType,
        message: error.message,
        line: pythonLineOf(error) ?? null,
      });
    }
    const thrown = error as Error;
    return outcome(world, printed, { type: thrown.name, message: thrown.message, line: null });
  }
}

let host: PyodideHost;
const printedByPyodide: string[] = [];
let compiled = 0;

function runPyodide(source: string): Outcome {
  const world = buildScriptWorld();
  printedByPyodide.length = 0;
  const code = host.compile({ source, location: { file: "script.py", line: 1 } }, "exec", `script.py#${++compiled}`);
  if (code instanceof PythonFailure) throw new Error(`Pyodide cannot compile it: ${code.message}`);
  const result = host.run(code, world.bindings, 10_000);
  const printed = [...printedByPyodide];
  if (!(result instanceof PythonFailure)) return outcome(world, printed, null);
  if (result.kind === "host") {
    const thrown = result.hostError as Error;
    return outcome(world, printed, { type: thrown.name, message: thrown.message, line: null });
  }
  return outcome(world, printed, {
    type: result.kind === "timeout" ? "timeout" : (result.pythonType ?? "?"),
    message: result.message,
    line: result.line ?? null,
  });
}

const scripts: Record<string, string> = {
  ...planningScripts("examples"),
  ...planningScripts("test/scenarios"),
  ...handWritten,
  ...controlFlowScripts,
  ...functionValueScripts,
  ...javaCollectionScripts,
};

describe("fast-path planning scripts agree with Pyodide", () => {
  beforeAll(async () => {
    Object.assign(scripts, await benchScripts());
    host = await PyodideHost.start({ types: scriptTypes, log: (_level, line) => printedByPyodide.push(line) });
  }, 120_000);

  afterAll(() => {
    const names = Object.keys(scripts);
    const fast = names.filter((name) => compileFastScript(scripts[name]!) !== undefined);
    console.log(`fast path: ${fast.length} of ${names.length} scripts`);
  });

  it("takes the fast path for every script of the examples, scenarios and benchmark", () => {
    const declined = Object.entries(scripts)
      .filter(
        ([name]) =>
          !(name in handWritten) &&
          !(name in controlFlowScripts) &&
          !(name in functionValueScripts) &&
          !(name in javaCollectionScripts),
      )
      .filter(([name, source]) => {
        const directory = classpathRoots.get(name);
        return compileFastScript(source, directory ? { resolveModule: homeModules(directory) } : {}) === undefined;
      })
      .map(([name]) => name);
    expect(declined).toEqual([]);
  });

  it("gives identical effects, output and exceptions", () => {
    const differences: string[] = [];
    for (const [name, source] of Object.entries(scripts)) {
      if (name in python3Semantics) continue;
      // Scripts importing their plugin's modules: home-module-imports.test.ts compares those.
      if (classpathRoots.has(name) && compileFastScript(source) === undefined) continue;
      try {
        const fast = runFast(source);
        const pyodide = runPyodide(source);
        if (python3Messages.has(name) && fast.error && pyodide.error) pyodide.error.message = fast.error.message;
        expect(fast).toEqual(pyodide);
      } catch (error) {
        differences.push(`${name}: ${(error as Error).message}`);
        if (process.env.SHOW_DIFFERENCES)
          console.log(name, JSON.stringify(runFast(source)), JSON.stringify(runPyodide(source)));
      }
    }
    expect(differences).toEqual([]);
  });

  it.each(Object.entries(jythonOnly))("%s: as Jython 2.7", (_name, { source, printed }) => {
    expect(runFast(source).printed).toEqual(printed);
  });
});

describe("the interpreter", () => {
  it("is one per process, each run bound to its runtime's log", async () => {
    const logs: string[][] = [[], []];
    const runtimes = logs.map((log) =>
      createPythonRuntime({ types: scriptTypes, log: (_level, line) => log.push(line) }),
    );
    const source =
      "class Greeter(object):\n    def greet(self, who):\n        return 'hello ' + who\nprint Greeter().greet(name)";
    for (const runtime of runtimes) await runtime.load();
    runtimes.forEach((runtime, index) => {
      const script = runtime.compileScript({ source, location: { file: "greet.py", line: 1 } });
      if ("severity" in script) throw new Error(script.message);
      expect(runtime.needsInterpreter([script])).toBe(true);
      runtime.runScript(script, { name: `runtime ${index}` });
    });
    expect(logs).toEqual([["hello runtime 0"], ["hello runtime 1"]]);
  }, 120_000);
});

describe("home modules in the interpreter", () => {
  it("print what the fast path prints: a runtime with Pyodide loaded runs every module-importing script there", async () => {
    const runtime = createPythonRuntime({
      types: scriptTypes,
      resolveModule: resolveHomeModule,
      log: (_level, line) => printed.push(line),
    });
    const printed: string[] = [];
    await runtime.load();
    const outputs = homeModuleScripts.map(([name, source]) => {
      printed.length = 0;
      const script = runtime.compileScript({ source, location: { file: `${name}.py`, line: 1 } });
      if ("severity" in script) throw new Error(script.message);
      runtime.runScript(script, {});
      // Python 3 words a module's missing attribute differently from Jython 2.7.
      return printed.map((line) =>
        line.replace(/module '[\w.]+' has no attribute/, "'module' object has no attribute"),
      );
    });
    expect(runtime.statistics.fastScriptRuns).toBe(0);
    expect(outputs).toEqual(runHomeModuleScriptsFast());
  }, 120_000);
});
