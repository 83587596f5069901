/**
 * The columns of the differential test: each evaluator takes a batch of expressions and the
 * synthesized world and returns one Outcome per expression. To add a column (e.g. Pyodide,
 * for the interpreter), write an Evaluator whose `evaluate` runs each expression with
 * `jsBindings(world)` and maps the result with `outcomeOfValue` (or a thrown PythonException
 * / PythonError to `{ status: "error", error: <exception type> }`), then add it to the
 * `evaluators` array in corpus.test.ts and generated.test.ts. `compareColumns` compares
 * every column with the reference (Jython) wherever both produced an outcome.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFastExpression } from "../../src/python/fastpath/fast-expression.js";
import { displayValue } from "../../src/python/interpreter/display.js";
import { PyOpaque } from "../../src/python/interpreter/host-values.js";
import { PyodideHost, PythonFailure } from "../../src/python/interpreter/pyodide-host.js";
import { JavaName, PyDict, PySet, PyTuple, type PyValue, pythonTypeName } from "../../src/python/values/model.js";
import { PythonException } from "../../src/python/values/python-exception.js";
import { repr } from "../../src/python/values/text.js";
import { isConfigurationItem } from "../../src/repository/model.js";
import { loadTypes } from "../../src/types/load-types.js";
import { jsBindings, pythonPrelude, type World } from "./world.js";

export type Outcome =
  | { status: "value"; type: string; canonical: string }
  | { status: "error"; error: string }
  /** The evaluator does not handle this expression (fast path: outside the subset). */
  | { status: "declined" };

export interface Evaluator {
  name: string;
  /** Why it cannot run here (e.g. no jython binary), or undefined when it can. */
  unavailableReason(): string | undefined;
  evaluate(expressions: readonly string[], world: World): Promise<Outcome[]>;
}

/**
 * A value in a form both sides print alike: repr, except that dicts and sets list their
 * items sorted (Jython iterates them in hash order) and CIs show as CI(id).
 */
export function canonical(value: PyValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(", ")}]`;
  if (value instanceof PyTuple) {
    return value.items.length === 1 ? `(${canonical(value.items[0])},)` : `(${value.items.map(canonical).join(", ")})`;
  }
  if (value instanceof PyDict) {
    return `{${value
      .items()
      .map(([k, v]) => `${canonical(k)}: ${canonical(v)}`)
      .sort()
      .join(", ")}}`;
  }
  if (value instanceof PySet) return `set([${value.values().map(canonical).sort().join(", ")}])`;
  if (isConfigurationItem(value)) return `CI(${value.id})`;
  return repr(value);
}

function outcomeOfValue(value: PyValue): Outcome {
  const type = isConfigurationItem(value) ? "CI" : value instanceof JavaName ? value.javaType : pythonTypeName(value);
  return { status: "value", type, canonical: canonical(value) };
}

export const fastPathEvaluator: Evaluator = {
  name: "fast path",
  unavailableReason: () => undefined,
  async evaluate(expressions, world) {
    const bindings = jsBindings(world);
    return expressions.map((source) => {
      const compiled = compileFastExpression(source);
      if (!compiled) return { status: "declined" };
      try {
        return outcomeOfValue(compiled.evaluate(bindings, {}));
      } catch (error) {
        if (error instanceof PythonException) return { status: "error", error: error.pythonType };
        throw error;
      }
    });
  },
};

let pyodideHost: Promise<PyodideHost> | undefined;

/**
 * Pyodide with Planwright's Python 2 layer, for EVERY expression (also those the fast path
 * accepts): compiled and run by the PyodideHost directly, so this column tests the
 * interpreter, not the runtime's fast-path dispatch. One load per test file.
 */
export const pyodideEvaluator: Evaluator = {
  name: "Pyodide",
  unavailableReason: () => undefined,
  async evaluate(expressions, world) {
    pyodideHost ??= PyodideHost.start({ types: loadTypes([]).registry, log: () => {} });
    const host = await pyodideHost;
    const bindings = jsBindings(world);
    return expressions.map((source, index) => {
      const text = { source, location: { file: "differential.xml", line: 1, column: 1 } };
      const code = host.compile(text, "eval", `differential#${index}`);
      const result = code instanceof PythonFailure ? code : host.run(code, bindings, 10_000);
      if (result instanceof PythonFailure) {
        if (result.kind === "timeout") throw new Error(`Pyodide timed out on ${source}`);
        return { status: "error", error: result.pythonType ?? "JavaException" };
      }
      if (result instanceof PyOpaque) {
        const shown = displayValue(result);
        return { status: "value", type: shown.type, canonical: shown.repr };
      }
      return outcomeOfValue(result as PyValue);
    });
  },
};

const jythonBinary = process.env.JYTHON ?? "/usr/bin/jython";

/** Real Jython 2.7, one process for the whole batch. Lines are joined as XL Deploy does before evaluating. */
export const jythonEvaluator: Evaluator = {
  name: "Jython 2.7",
  unavailableReason: () =>
    existsSync(jythonBinary) ? undefined : `${jythonBinary} not found (scripts/install-jython.sh installs it)`,
  async evaluate(expressions, world) {
    const directory = mkdtempSync(join(tmpdir(), "planwright-jython-"));
    try {
      const script = join(directory, "differential.py");
      const sources = expressions.map((source) => `u${JSON.stringify(source.trim().replace(/\r?\n/g, " "))}`);
      writeFileSync(
        script,
        `# -*- coding: utf-8 -*-\n${pythonPrelude(world)}\n${runner}\nrun([\n${sources.join(",\n")}\n])\n`,
      );
      const output = execFileSync(jythonBinary, [script], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      const lines = output.split("\n").filter((line) => line.startsWith("{"));
      if (lines.length !== expressions.length) {
        throw new Error(`jython printed ${lines.length} results for ${expressions.length} expressions`);
      }
      return lines.map((line) => JSON.parse(line) as Outcome);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  },
};

const runner = `
import json

def canonical(v):
    if isinstance(v, list):
        return "[" + ", ".join([canonical(x) for x in v]) + "]"
    if isinstance(v, tuple):
        if len(v) == 1:
            return "(" + canonical(v[0]) + ",)"
        return "(" + ", ".join([canonical(x) for x in v]) + ")"
    if isinstance(v, dict):
        return "{" + ", ".join(sorted([canonical(k) + ": " + canonical(x) for k, x in v.items()])) + "}"
    if isinstance(v, (set, frozenset)):
        return "set([" + ", ".join(sorted([canonical(x) for x in v])) + "])"
    if isinstance(v, CI):
        return "CI(" + v.id + ")"
    return repr(v)

def run(sources):
    for source in sources:
        try:
            value = eval(compile(source, "<expression>", "eval"), dict(bindings))
            result = {"status": "value", "type": type(value).__name__, "canonical": canonical(value)}
        except Exception, e:
            result = {"status": "error", "error": type(e).__name__}
        print json.dumps(result)
`;

export interface Mismatch {
  expression: string;
  evaluator: string;
  got: Outcome;
  expected: Outcome;
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a.status === "value" && b.status === "value") return a.type === b.type && a.canonical === b.canonical;
  if (a.status === "error" && b.status === "error") return a.error === b.error;
  return false;
}

/**
 * Differences between a column and Jython that cannot reasonably be removed, each named and
 * justified. The tests count them per name and print the counts; everything else must agree.
 */
export interface KnownDifference {
  name: string;
  why: string;
  applies(mismatch: Mismatch): boolean;
}

function sameCharacters(a: string, b: string): boolean {
  return [...a].sort().join("") === [...b].sort().join("");
}

/** The text with every float literal replaced by the shortest form of its value. */
function floatsNormalised(text: string): string {
  return text.replace(/\d+\.\d+(?:e[+-]\d+)?|\d+e[+-]\d+/g, (literal) => String(Number(literal)));
}

const knownDifferences: readonly KnownDifference[] = [
  {
    name: "float repr digits",
    why:
      "Jython's repr() of a float is Java's Double.toString (JDK before 19), which sometimes gives 17 significant " +
      "digits where Python 2.7 gives the shortest string that reads back as the same float " +
      "(4.6116860184273879e+18 vs 4.611686018427388e+18). Same value, other digits.",
    applies: ({ got, expected }) =>
      got.status === "value" &&
      expected.status === "value" &&
      got.type === expected.type &&
      floatsNormalised(got.canonical) === floatsNormalised(expected.canonical),
  },
  {
    name: "hash iteration order",
    why:
      "list(), tuple() or str() of a set or dict with several items lists them in hash order: Jython's Java hash " +
      "tables and CPython's string hashes order them differently (canonical() sorts only top-level sets and dicts). " +
      "Both sides give the same items (same characters), in another order.",
    applies: ({ expression, got, expected }) =>
      got.status === "value" &&
      expected.status === "value" &&
      got.type === expected.type &&
      sameCharacters(got.canonical, expected.canonical) &&
      /\bset\(|\{|\.tags\b|\.ports\b|\.settings\b/.test(expression),
  },
];

/** Splits mismatches into known differences (counted by name) and unexplained ones. */
function classifyMismatches(mismatches: readonly Mismatch[]): {
  unexplained: Mismatch[];
  known: Map<string, number>;
} {
  const unexplained: Mismatch[] = [];
  const known = new Map<string, number>();
  for (const mismatch of mismatches) {
    const difference = knownDifferences.find((candidate) => candidate.applies(mismatch));
    if (difference) known.set(difference.name, (known.get(difference.name) ?? 0) + 1);
    else unexplained.push(mismatch);
  }
  return { unexplained, known };
}

/** Runs each evaluator that can run here over the expressions, logging the skipped ones and each one's time. */
export async function evaluateColumns(
  evaluators: readonly Evaluator[],
  expressions: readonly string[],
  world: World,
): Promise<{ name: string; outcomes: Outcome[] }[]> {
  const columns: { name: string; outcomes: Outcome[] }[] = [];
  for (const evaluator of evaluators) {
    const reason = evaluator.unavailableReason();
    if (reason) {
      console.log(`${evaluator.name} column SKIPPED: ${reason}`);
      continue;
    }
    const started = performance.now();
    columns.push({ name: evaluator.name, outcomes: await evaluator.evaluate(expressions, world) });
    console.log(
      `${evaluator.name}: ${expressions.length} expressions in ${Math.round(performance.now() - started)} ms`,
    );
  }
  return columns;
}

/** Compares each column with the reference column, skipping declined cells. */
function compareColumns(
  expressions: readonly string[],
  reference: { name: string; outcomes: Outcome[] },
  columns: { name: string; outcomes: Outcome[] }[],
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const column of columns) {
    expressions.forEach((expression, index) => {
      const got = column.outcomes[index]!;
      const expected = reference.outcomes[index]!;
      if (got.status === "declined" || expected.status === "declined") return;
      if (!sameOutcome(got, expected)) mismatches.push({ expression, evaluator: column.name, got, expected });
    });
  }
  return mismatches;
}

/**
 * Compares the columns with the reference, prints per column how many cells agree, are
 * declined or are known differences, and how many expressions agree across every column;
 * returns what is left unexplained.
 */
export function compareAndReport(
  label: string,
  expressions: readonly string[],
  reference: { name: string; outcomes: Outcome[] },
  columns: { name: string; outcomes: Outcome[] }[],
): { unexplained: Mismatch[]; knownCount: number } {
  const mismatches = compareColumns(expressions, reference, columns);
  const { unexplained, known } = classifyMismatches(mismatches);
  const lines = [`${label}: ${expressions.length} expressions`];
  for (const column of columns) {
    const declined = column.outcomes.filter((outcome) => outcome.status === "declined").length;
    const differing = mismatches.filter((mismatch) => mismatch.evaluator === column.name).length;
    lines.push(
      `  ${column.name} vs ${reference.name}: ${expressions.length - declined - differing} agree, ${declined} declined, ${differing} differ`,
    );
  }
  const differingExpressions = new Set(mismatches.map((mismatch) => mismatch.expression));
  lines.push(
    `  all ${columns.length + 1} columns agree (declined cells aside) on ${expressions.length - differingExpressions.size} of ${expressions.length}`,
  );
  for (const difference of knownDifferences) {
    lines.push(`  known difference "${difference.name}": ${known.get(difference.name) ?? 0}`);
  }
  console.log(lines.join("\n"));
  return { unexplained, knownCount: mismatches.length - unexplained.length };
}

export function describeMismatches(mismatches: readonly Mismatch[], limit = 40): string {
  // PLANWRIGHT_DIFFERENTIAL_DUMP=<prefix> writes every mismatch as JSON, for working through long lists.
  const dump = process.env.PLANWRIGHT_DIFFERENTIAL_DUMP;
  if (dump && mismatches.length > 0) writeFileSync(`${dump}-${mismatches.length}.json`, JSON.stringify(mismatches));
  return mismatches
    .slice(0, limit)
    .map(
      (m) =>
        `${m.evaluator}: ${JSON.stringify(m.expression)}\n    got      ${JSON.stringify(m.got)}\n    expected ${JSON.stringify(m.expected)}`,
    )
    .join("\n");
}
