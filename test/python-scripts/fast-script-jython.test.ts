import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileFastScript, pythonLineOf, ScriptTimeout } from "../../src/python/fastpath/fast-script.js";
import { PythonException } from "../../src/python/values/python-exception.js";
import { controlFlowScripts } from "./control-flow-scripts.js";
import { functionValueScripts } from "./function-value-scripts.js";
import { javaCollectionScripts } from "./java-collection-scripts.js";
import { scriptTypes } from "./script-world.js";

/**
 * The control-flow scripts on the fast path and on real Jython 2.7 (one process runs them
 * all): printed lines and the uncaught exception (type, str(), line) must be identical.
 * Skips when /usr/bin/jython (or $JYTHON) is absent.
 */

const jython = process.env.JYTHON ?? "/usr/bin/jython";

interface Outcome {
  printed: string[];
  error: string | null;
}

function runFast(source: string): Outcome {
  const script = compileFastScript(source);
  if (!script) throw new Error("the fast path declined this script");
  const printed: string[] = [];
  try {
    script.run({}, { types: scriptTypes, log: (_level, line) => printed.push(line), deadline: Date.now() + 10_000 });
    return { printed, error: null };
  } catch (error) {
    if (error instanceof PythonException) {
      return { printed, error: `${error.pythonType}: ${error.message} @${pythonLineOf(error)}` };
    }
    if (error instanceof ScriptTimeout) return { printed, error: "timeout" };
    throw error;
  }
}

/** Runs each script with execfile in a fresh namespace, printing its outcome between markers. */
const driver = `
import sys
def innermost_line(trace, path):
    line = None
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == path:
            line = trace.tb_lineno
        trace = trace.tb_next
    return line
for path in sys.argv[1:]:
    print "<<<script %s" % path
    try:
        execfile(path, {"__name__": "__main__"})
    except Exception, e:
        print "<<<error %s: %s @%s" % (type(e).__name__, str(e), innermost_line(sys.exc_info()[2], path))
print "<<<end"
`;

function runJython(scripts: Record<string, string>): Record<string, Outcome> {
  const directory = mkdtempSync(path.join(tmpdir(), "planwright-jython-scripts-"));
  try {
    const files = Object.entries(scripts).map(([name, source], index) => {
      const file = path.join(directory, `script${index}.py`);
      writeFileSync(file, source);
      return { name, file };
    });
    writeFileSync(path.join(directory, "driver.py"), driver);
    const output = execFileSync(jython, [path.join(directory, "driver.py"), ...files.map((file) => file.file)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const outcomes: Record<string, Outcome> = {};
    let current: Outcome | undefined;
    for (const line of output.replace(/\r/g, "").split("\n")) {
      const started = /^<<<script (.*)$/.exec(line);
      if (started) {
        current = { printed: [], error: null };
        outcomes[files.find((file) => file.file === started[1])!.name] = current;
      } else if (line.startsWith("<<<error ")) current!.error = line.slice("<<<error ".length);
      else if (line === "<<<end") current = undefined;
      else current?.printed.push(line);
    }
    return outcomes;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe.skipIf(!existsSync(jython))("fast-path control flow agrees with Jython 2.7", () => {
  let jythonOutcomes: Record<string, Outcome>;

  const scripts = {
    ...controlFlowScripts,
    ...functionValueScripts,
    ...javaCollectionScripts,
  };

  beforeAll(() => {
    jythonOutcomes = runJython(scripts);
  }, 120_000);

  it.each(Object.keys(scripts))("%s", (name) => {
    expect(runFast(scripts[name]!)).toEqual(jythonOutcomes[name]);
  });
});
