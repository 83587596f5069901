import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareAndReport,
  describeMismatches,
  type Evaluator,
  evaluateColumns,
  fastPathEvaluator,
  jythonEvaluator,
  pyodideEvaluator,
} from "./evaluators.js";
import { expressionArbitrary, generatedPropertyKinds, generatedWorldExpressions } from "./expression-arbitrary.js";
import { buildWorld } from "./world.js";

/** Columns compared with Jython. */
const evaluators: Evaluator[] = [fastPathEvaluator, pyodideEvaluator];

/** PLANWRIGHT_FUZZ_SEED picks another sample; the default keeps runs reproducible. */
const seed = Number(process.env.PLANWRIGHT_FUZZ_SEED ?? 20261123);
const count = Number(process.env.PLANWRIGHT_FUZZ_COUNT ?? 2700);

describe("differential test over generated expressions", () => {
  const expressions = [...new Set(fc.sample(expressionArbitrary(), { numRuns: count, seed }))];
  const world = buildWorld(generatedWorldExpressions, generatedPropertyKinds);

  it("generates at least 2,000 distinct expressions, all in the fast path's subset", async () => {
    expect(expressions.length).toBeGreaterThanOrEqual(2000);
    const outcomes = await fastPathEvaluator.evaluate(expressions, world);
    const declined = expressions.filter((_, i) => outcomes[i]!.status === "declined");
    expect(declined).toEqual([]);
  });

  const jythonMissing = jythonEvaluator.unavailableReason();
  if (jythonMissing) console.log(`Jython comparison SKIPPED: ${jythonMissing}`);
  it.skipIf(jythonMissing !== undefined)(
    "gives Jython 2.7's value or exception type for every generated expression",
    async () => {
      const reference = await jythonEvaluator.evaluate(expressions, world);
      const columns = await evaluateColumns(evaluators, expressions, world);
      const errors = reference.filter((outcome) => outcome.status === "error").length;
      console.log(
        `generated (seed ${seed}): ${expressions.length} expressions; Jython: ${expressions.length - errors} values, ${errors} exceptions`,
      );
      const { unexplained, knownCount } = compareAndReport(
        `generated (seed ${seed})`,
        expressions,
        { name: jythonEvaluator.name, outcomes: reference },
        columns,
      );
      expect(unexplained.length, describeMismatches(unexplained)).toBe(0);
      expect(knownCount).toBeLessThanOrEqual(expressions.length * 0.01);
    },
    600_000,
  );
});
