import { describe, expect, it } from "vitest";
import { fixtureTypes, undeployPlan, updatePlan } from "../../test/fixtures/petclinic-plan.js";
import type { InterleavedPlanBlock, Plan } from "./model.js";
import { renderText } from "./text-renderer.js";

const ansiEscape = "\u001b[";

describe("renderText", () => {
  const lines = renderText(updatePlan, { types: fixtureTypes }).trimEnd().split("\n");

  it("closes with the summary line: steps, interleaved blocks and deltas per operation", () => {
    expect(lines.at(-1)).toBe("Plan: 7 steps in 5 blocks — 1 create, 1 modify, 1 destroy, 1 noop");
  });

  it("prints one line per step with its order, description and rule", () => {
    const stepLines = lines.filter((line) => /^\W*\s\d+ {2}/.test(line));
    expect(stepLines).toHaveLength(7);
    expect(lines.find((l) => l.includes("Deploy petclinic (2.0) on tomcat"))).toMatch(
      /70 {2}Deploy petclinic \(2\.0\) on tomcat {2}\[checkpoint CREATE\] +petclinic\.ModifyWar$/,
    );
  });

  it("aligns the rule names in one column", () => {
    const columns = lines
      .filter((l) => /petclinic\.\w+$/.test(l))
      .map((l) => l.search(/petclinic\.\w+$/))
      .filter((column, _i, all) => column !== all[0]);
    expect(columns).toEqual([]);
  });

  it("shows block kinds and descriptions as a tree", () => {
    expect(lines[0]).toBe("serial  Updating PetClinic 2.0 on environment Dev");
    expect(lines).toContain("├─ parallel  Updating PetClinic 2.0 on environment Dev, deployment group 2");
    expect(lines).toContain("│  └─ interleaved  Updating PetClinic 2.0 on container mysql");
    expect(lines).toContain("└─ interleaved  After the deployment");
  });

  it("marks an interleaved block without steps", () => {
    const index = lines.indexOf("│  └─ interleaved  Updating PetClinic 2.0 on container mysql");
    expect(lines[index + 1]).toBe("│       (no steps)");
  });

  it("colours only when asked", () => {
    expect(lines.join("\n")).not.toContain(ansiEscape);
    expect(renderText(updatePlan, { types: fixtureTypes, color: true })).toContain(ansiEscape);
  });

  it("renders a plan that is a single interleaved block", () => {
    expect(renderText(undeployPlan, { types: fixtureTypes })).toBe(
      [
        "interleaved  Undeploying PetClinic 1.0 on environment Dev",
        "  40  Destroy old-cache on tomcat  [checkpoint DESTROY]  petclinic.UndeployCache",
        "",
        "Plan: 1 steps in 1 blocks — 0 create, 0 modify, 1 destroy, 0 noop",
        "",
      ].join("\n"),
    );
  });

  it("names an intermediate checkpoint", () => {
    const root = undeployPlan.root as InterleavedPlanBlock;
    const plan: Plan = {
      ...undeployPlan,
      root: { ...root, steps: [{ ...root.steps[0], checkpointName: "caches flushed" }] },
    };
    expect(renderText(plan, { types: fixtureTypes })).toContain("[checkpoint DESTROY: caches flushed]");
  });

  it("lets a step line longer than the rule column push only its own rule name", () => {
    const root = undeployPlan.root as InterleavedPlanBlock;
    const long = { ...root.steps[0], description: "x".repeat(120), rule: "long.Rule" };
    const plan: Plan = { ...undeployPlan, root: { ...root, steps: [root.steps[0], long, root.steps[0]] } };
    const stepLines = renderText(plan, { types: fixtureTypes }).split("\n").slice(1, 4);
    expect(stepLines[1]).toMatch(/x {2}\[checkpoint DESTROY\] {2}long\.Rule$/);
    expect(stepLines[0]).toBe(stepLines[2]);
    expect(stepLines[0]).toMatch(/\] {2}petclinic\.UndeployCache$/);
  });

  it("keeps a description with line breaks on one line", () => {
    const root = undeployPlan.root as InterleavedPlanBlock;
    const plan: Plan = {
      ...undeployPlan,
      root: { ...root, steps: [{ ...root.steps[0], description: "Destroy old-cache\n  on tomcat" }] },
    };
    expect(renderText(plan, { types: fixtureTypes }).split("\n")[1]).toBe(
      "  40  Destroy old-cache on tomcat  [checkpoint DESTROY]  petclinic.UndeployCache",
    );
  });
});
