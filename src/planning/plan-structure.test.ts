import { describe, expect, it } from "vitest";
import type { InterleavedPlanBlock, PlanBlock, PlannedStep } from "../plan/model.js";
import { simplifyPlan, splitStepLists } from "./plan-structure.js";

function step(order: number, deployed: string): PlannedStep {
  return {
    order,
    description: `step ${order}`,
    type: "noop",
    rule: "r",
    scope: "deployed",
    deployed,
    checkpoint: null,
    parameters: {},
  };
}

function leaf(
  description: string,
  steps: PlannedStep[],
  deltas = [...new Set(steps.map((s) => s.deployed!))],
): InterleavedPlanBlock {
  return { kind: "interleaved", description, deltas, steps };
}

function shape(block: PlanBlock): unknown {
  return block.kind === "interleaved"
    ? `${block.description}: ${block.steps.length}`
    : { [block.kind]: block.description, blocks: block.blocks.map(shape) };
}

describe("splitting (reference §2.6)", () => {
  it("keeps a list of 30 steps whole", () => {
    const block = leaf(
      "Deploy",
      Array.from({ length: 30 }, (_, i) => step(i % 2 ? 60 : 70, `d${i}`)),
    );
    expect(splitStepLists(block)).toBe(block);
  });

  it("splits 31 steps into one block per order value, ascending, with the deltas of their steps", () => {
    const steps = Array.from({ length: 31 }, (_, i) => step(i < 20 ? 60 : 70, i < 20 ? "a" : "b"));
    const split = splitStepLists(leaf("Deploy", steps, ["a", "b"]));
    expect(shape(split)).toEqual({ serial: "Deploy", blocks: ["Deploy (order 60): 20", "Deploy (order 70): 11"] });
    expect(split.kind === "serial" && split.blocks.map((b) => (b.kind === "interleaved" ? b.deltas : []))).toEqual([
      ["a"],
      ["b"],
    ]);
  });

  it("chunks an order value above 100 steps into parts of 100", () => {
    const steps = [...Array.from({ length: 250 }, (_, i) => step(60, `d${i}`)), step(90, "z")];
    expect(shape(splitStepLists(leaf("Deploy", steps)))).toEqual({
      serial: "Deploy",
      blocks: [
        {
          serial: "Deploy (order 60)",
          blocks: [
            "Deploy (order 60), part 1 of 3: 100",
            "Deploy (order 60), part 2 of 3: 100",
            "Deploy (order 60), part 3 of 3: 50",
          ],
        },
        "Deploy (order 90): 1",
      ],
    });
  });

  it("splits nested interleaved blocks and never loses a step", () => {
    const big = leaf(
      "big",
      Array.from({ length: 40 }, (_, i) => step(i, `d${i}`)),
    );
    const split = splitStepLists({ kind: "parallel", description: "p", blocks: [big, leaf("small", [step(1, "x")])] });
    const count = (b: PlanBlock): number =>
      b.kind === "interleaved" ? b.steps.length : b.blocks.reduce((n, c) => n + count(c), 0);
    expect(count(split)).toBe(41);
  });
});

describe("simplification (reference §2.6)", () => {
  it("replaces a block with one child by the child, recursively", () => {
    const inner = leaf("only", [step(60, "a")]);
    const tree: PlanBlock = {
      kind: "serial",
      description: "s",
      blocks: [{ kind: "parallel", description: "p", blocks: [inner] }],
    };
    expect(simplifyPlan(tree)).toBe(inner);
  });

  it("drops blocks without steps but keeps blocks of two or more", () => {
    const tree: PlanBlock = {
      kind: "parallel",
      description: "p",
      blocks: [leaf("a", [step(60, "a")]), leaf("empty", [], ["e"]), leaf("b", [step(60, "b")])],
    };
    expect(shape(simplifyPlan(tree))).toEqual({ parallel: "p", blocks: ["a: 1", "b: 1"] });
  });

  it("leaves one empty interleaved block with all deltas when no rule added a step", () => {
    const tree: PlanBlock = { kind: "serial", description: "s", blocks: [leaf("x", [], ["a"]), leaf("y", [], ["b"])] };
    expect(simplifyPlan(tree)).toEqual({ kind: "interleaved", description: "s", deltas: ["a", "b"], steps: [] });
  });
});
