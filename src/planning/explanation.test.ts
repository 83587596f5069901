import { describe, expect, it } from "vitest";
import type { Delta, DeltaSpecification } from "../delta/model.js";
import type { InterleavedOrchestrationBlock } from "../orchestration/model.js";
import type { Plan, PlannedStep } from "../plan/model.js";
import type { ConfigurationItem } from "../repository/model.js";
import type { XmlRule } from "../rules/model.js";
import { explainPlanning } from "./explanation.js";
import { simplifyPlan, splitByOrderAbove, splitStepLists } from "./plan-structure.js";
import type { RuleEvaluation } from "./planner.js";

const noPasswords = { properties: () => [] };

function ci(id: string, type: string): ConfigurationItem {
  return { id, name: id.split("/").pop()!, type, values: {} };
}

function delta(id: string): Delta {
  const deployed = ci(id, "demo.Setting");
  return { id, operation: "CREATE", deployed, deployedOrPrevious: deployed, changedProperties: [] };
}

function rule(name: string, scope: XmlRule["scope"] = "deployed"): XmlRule {
  return {
    kind: "xml",
    name,
    scope,
    conditions: { types: ["demo.Setting"], operations: ["CREATE"] },
    location: { file: "ext/xl-rules.xml", line: 1, column: 1 },
    disabled: false,
    order: 0,
    steps: [],
  };
}

function step(ruleName: string, deployed: string, order: number): PlannedStep {
  return {
    order,
    description: `${ruleName} ${deployed}`,
    type: "noop",
    rule: ruleName,
    scope: "deployed",
    deployed,
    operation: "CREATE",
    checkpoint: null,
    parameters: {},
  };
}

const application = ci("Environments/Dev/Shop", "udm.DeployedApplication");
const specification = (deltas: Delta[]): DeltaSpecification => ({
  operation: "CREATE",
  deployedApplication: application,
  deployedOrPreviousApplication: application,
  deltas,
  rollback: false,
});

/** A plan of two leaves: `big` with more steps than a block keeps whole, `quiet` with none. */
function twoLeaves(optimize: boolean) {
  const bigDeltas = Array.from({ length: splitByOrderAbove + 1 }, (_, i) => delta(`Infrastructure/big/d${i}`));
  const big: InterleavedOrchestrationBlock = { kind: "interleaved", description: "Big block", deltas: bigDeltas };
  const quiet: InterleavedOrchestrationBlock = {
    kind: "interleaved",
    description: "Quiet block",
    deltas: [delta("Infrastructure/quiet/d")],
  };
  const perDeployed = rule("demo.PerDeployed");
  const evaluations: RuleEvaluation[] = [];
  const steps: PlannedStep[] = [];
  for (const [i, d] of bigDeltas.entries()) {
    const made = step(perDeployed.name, d.id, i % 2 === 0 ? 60 : 70);
    steps.push(made);
    evaluations.push({
      block: big.description,
      leaf: big,
      rule: perDeployed,
      delta: d,
      outcome: "fired",
      steps: 1,
      added: [made],
    });
  }
  evaluations.push({
    block: quiet.description,
    leaf: quiet,
    rule: perDeployed,
    delta: quiet.deltas[0]!,
    outcome: "operation",
  });
  steps.sort((a, b) => a.order - b.order);
  let root = splitStepLists({
    kind: "serial",
    description: "Deploying",
    blocks: [
      { kind: "interleaved", description: big.description, deltas: bigDeltas.map((d) => d.id), steps },
      { kind: "interleaved", description: quiet.description, deltas: [quiet.deltas[0]!.id], steps: [] },
    ],
  });
  if (optimize) root = simplifyPlan(root);
  const plan: Plan = { specification: specification([...bigDeltas, ...quiet.deltas]), orchestrators: [], root };
  const orchestration = { kind: "serial" as const, description: "Deploying", blocks: [big, quiet] };
  return { plan, orchestration, evaluations };
}

/** The value a JSON pointer names in `document`. */
function resolve(document: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], document);
}

describe("explainPlanning", () => {
  it("points a block that was split by order at the serial block holding its parts", () => {
    const { plan, orchestration, evaluations } = twoLeaves(true);
    const explanation = explainPlanning({ orchestration, evaluations, plan, diagnostics: [], types: noPasswords });
    const big = explanation.blocks.find((b) => b.description === "Big block")!;
    const document = { plan: plan.root };
    expect(big.planPath).toBe("/plan");
    expect(resolve(document, big.planPath!)).toMatchObject({ kind: "serial", description: "Big block" });
    for (const explained of big.deltas) {
      const [pointer] = explained.rules[0]!.steps;
      expect((resolve(document, pointer!) as PlannedStep).deployed).toBe(explained.id);
    }
    const stepRules = explanation.steps.map((s) => (resolve(document, s.planPath) as PlannedStep).deployed);
    expect(new Set(stepRules).size).toBe(splitByOrderAbove + 1);
  });

  it("gives a block without steps no place when the plan is simplified, and its empty block when it is not", () => {
    const simplified = twoLeaves(true);
    const quietGone = explainPlanning({ ...simplified, diagnostics: [], types: noPasswords });
    expect(quietGone.blocks.find((b) => b.description === "Quiet block")!.planPath).toBeNull();

    const kept = twoLeaves(false);
    const quietKept = explainPlanning({ ...kept, diagnostics: [], types: noPasswords });
    const quiet = quietKept.blocks.find((b) => b.description === "Quiet block")!;
    expect(quiet.planPath).toBe("/plan/blocks/1");
    expect(resolve({ plan: kept.plan.root }, quiet.planPath!)).toMatchObject({ description: "Quiet block", steps: [] });
    expect(quietKept.blocks.find((b) => b.description === "Big block")!.planPath).toBe("/plan/blocks/0");
  });

  it("keeps a filtered block's place in the plan though its shown rules added no step", () => {
    const { plan, orchestration, evaluations } = twoLeaves(true);
    const explanation = explainPlanning({
      orchestration,
      evaluations,
      plan,
      diagnostics: [],
      types: noPasswords,
      deployed: "Infrastructure/big/d3",
      rule: "demo.PerDeployed",
    });
    expect(explanation.blocks.map((b) => [b.description, b.planPath, b.deltas.map((d) => d.id)])).toEqual([
      ["Big block", "/plan", ["Infrastructure/big/d3"]],
    ]);
    expect(explanation.steps.map((s) => s.description)).toEqual(["demo.PerDeployed Infrastructure/big/d3"]);
  });

  it("shows what was considered before planning failed, with no plan places", () => {
    const { orchestration, evaluations } = twoLeaves(true);
    const failure = { code: "PW8002", severity: "error" as const, message: "failed" };
    const explanation = explainPlanning({ orchestration, evaluations, diagnostics: [failure], types: noPasswords });
    expect(explanation.planned).toBe(false);
    expect(explanation.blocks.map((b) => b.planPath)).toEqual([null, null]);
    const outcomes = explanation.blocks[0]!.deltas.flatMap((d) => d.rules);
    expect(outcomes.map((o) => [o.stepCount, o.steps.length])).toContainEqual([1, 0]);
    expect(explanation.diagnostics).toEqual([failure]);
  });
});
