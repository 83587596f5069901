import { compileFastScript } from "../../src/python/fastpath/fast-script.js";
import type { HomeModuleSource, ModuleRegistry } from "../../src/python/fastpath/home-modules.js";
import { scriptTypes } from "./script-world.js";

/**
 * A plugin's own Python modules (my examples, not corpus code) and planning scripts that
 * import them, run in this order by one runtime: home-module-imports.test.ts compares the
 * fast path with Jython, fast-script-differential.test.ts with Pyodide.
 */
export const homeModules: Record<string, string> = {
  "counters.py": `
print "counters imported"
count = [0]
def bump(step=1):
    count[0] += step
    return count[0]
`,
  "planhelpers/__init__.py": `
print "planhelpers imported"
SEPARATOR = " / "
`,
  "planhelpers/text.py": `
from planhelpers import SEPARATOR
from counters import bump
PREFIX = "step"
def title(*parts):
    return PREFIX + ": " + SEPARATOR.join([str(part) for part in parts])
def numbered(name):
    return "%s #%d" % (name, bump(10))
`,
  "helpers_with_class.py": `
class Helper(object):
    pass
def make():
    return Helper()
`,
  "failing.py": `
ready = True
broken = 1 / 0
`,
};

export const homeModuleScripts: [string, string][] = [
  ["first import runs the module", "from counters import bump\nprint bump(), bump()"],
  ["a package and a submodule", "from planhelpers.text import title, numbered\nprint title('web', 1), numbered('db')"],
  ["a second import keeps the module's state", "from counters import bump as next_number\nprint next_number()"],
  ["import * of a module's public names", "from planhelpers.text import *\nprint PREFIX, title('a')"],
  [
    "import of modules as values",
    "import counters\nimport planhelpers.text\nimport planhelpers.text as text\nprint counters.bump(5), planhelpers.SEPARATOR.strip(), planhelpers.text.title(1, 2)\nprint text.numbered(name='n'), text.PREFIX\ncounters.count = [100]\nprint counters.bump()",
  ],
  [
    "a missing attribute of a module",
    "import counters\ntry:\n    counters.missing\nexcept AttributeError, e:\n    print 'AttributeError', e",
  ],
];

export const resolveHomeModule = (name: string): HomeModuleSource | undefined => {
  const base = name.replaceAll(".", "/");
  for (const [file, isPackage] of [
    [`${base}.py`, false],
    [`${base}/__init__.py`, true],
  ] as const) {
    if (Object.hasOwn(homeModules, file))
      return { source: homeModules[file]!, location: { file, line: 1 }, package: isPackage };
  }
  return undefined;
};

export function runHomeModuleScriptsFast(): string[][] {
  const registry: ModuleRegistry = new Map();
  return homeModuleScripts.map(([, source]) => {
    const script = compileFastScript(source, { resolveModule: resolveHomeModule });
    if (!script) throw new Error("the fast path declined this script");
    const printed: string[] = [];
    const log = (_level: string, line: string) => printed.push(line);
    script.run({}, { types: scriptTypes, log, deadline: Date.now() + 10_000, modules: registry });
    return printed;
  });
}
