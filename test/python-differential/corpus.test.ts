import { describe, expect, it } from "vitest";
import { corpusExpressions, corpusPresent, corpusPropertyKinds } from "./corpus-expressions.js";
import {
  compareAndReport,
  describeMismatches,
  type Evaluator,
  evaluateColumns,
  fastPathEvaluator,
  jythonEvaluator,
  pyodideEvaluator,
} from "./evaluators.js";
import { buildWorld, type PropertyKind } from "./world.js";

/** Columns compared with Jython. */
const evaluators: Evaluator[] = [fastPathEvaluator, pyodideEvaluator];

describe.skipIf(!corpusPresent())("differential test over the corpus expressions", () => {
  const expressions = corpusPresent() ? corpusExpressions() : [];
  const kinds = new Map<string, PropertyKind>(
    [...(corpusPresent() ? corpusPropertyKinds() : new Map<string, string>())].map(([name, kind]) => [name, { kind }]),
  );
  const world = buildWorld(expressions, kinds);

  it("finds the corpus's distinct expressions", () => {
    expect(expressions.length).toBeGreaterThan(500);
  });

  it("takes the fast path for at least 90% of them", async () => {
    const outcomes = await fastPathEvaluator.evaluate(expressions, world);
    const accepted = outcomes.filter((outcome) => outcome.status !== "declined").length;
    const share = accepted / expressions.length;
    console.log(
      `fast path: ${accepted} of ${expressions.length} corpus expressions (${(share * 100).toFixed(1)}%); declined: ${expressions
        .filter((_, i) => outcomes[i]!.status === "declined")
        .map((e) => JSON.stringify(e))
        .join(", ")}`,
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  const jythonMissing = jythonEvaluator.unavailableReason();
  if (jythonMissing) console.log(`Jython comparison SKIPPED: ${jythonMissing}`);
  it.skipIf(jythonMissing !== undefined)(
    "gives Jython 2.7's value or exception type for every expression",
    async () => {
      const reference = await jythonEvaluator.evaluate(expressions, world);
      const columns = await evaluateColumns(evaluators, expressions, world);
      const errors = reference.filter((outcome) => outcome.status === "error").length;
      console.log(`Jython: ${expressions.length - errors} values, ${errors} exceptions`);
      const { unexplained, knownCount } = compareAndReport(
        "corpus",
        expressions,
        { name: jythonEvaluator.name, outcomes: reference },
        columns,
      );
      expect(unexplained.length, describeMismatches(unexplained)).toBe(0);
      expect(knownCount).toBeLessThanOrEqual(expressions.length * 0.01);
    },
  );
});
