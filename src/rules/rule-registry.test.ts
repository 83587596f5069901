import { describe, expect, it } from "vitest";
import { testTypes } from "../../test/rules/rules-home.js";
import type { Operation } from "../delta/model.js";
import type { RuleScope, XmlRule } from "./model.js";
import { RuleRegistry } from "./rule-registry.js";

function rule(name: string, scope: RuleScope, types: string[] = [], operations: Operation[] = []): XmlRule {
  return {
    kind: "xml",
    name,
    scope,
    conditions: { types, operations },
    location: { file: "ext/xl-rules.xml", line: 1 },
    disabled: false,
    order: 0,
    steps: [],
  };
}

const names = (rules: readonly { name: string }[]) => rules.map((r) => r.name);

describe("RuleRegistry", () => {
  it("matches deployed rules by operation and by the type or any supertype, in registration order", () => {
    const registry = new RuleRegistry(testTypes());
    registry.register(rule("base", "deployed", ["udm.BaseDeployed"], ["CREATE", "MODIFY"]));
    registry.register(rule("file", "deployed", ["test.DeployedFile"], ["CREATE"]));
    registry.register(rule("special", "deployed", ["test.SpecialFile", "test.DeployedFile"], ["CREATE"]));
    registry.register(rule("thing", "deployed", ["test.Thing"], ["DESTROY"]));
    registry.register(rule("plan", "plan"));

    expect(names(registry.deployedRulesFor("test.SpecialFile", "CREATE"))).toEqual(["base", "file", "special"]);
    expect(names(registry.deployedRulesFor("test.DeployedFile", "CREATE"))).toEqual(["base", "file", "special"]);
    expect(names(registry.deployedRulesFor("test.DeployedFile", "MODIFY"))).toEqual(["base"]);
    expect(names(registry.deployedRulesFor("test.Thing", "CREATE"))).toEqual(["base"]);
    expect(names(registry.deployedRulesFor("test.Thing", "DESTROY"))).toEqual(["thing"]);
    expect(names(registry.deployedRulesFor("test.Thing", "NOOP"))).toEqual([]);
    expect(names(registry.rulesFor("plan"))).toEqual(["plan"]);
    expect(names(registry.rulesFor("pre-plan"))).toEqual([]);
  });

  it("leaves disabled rules out of matching but not out of all(); later registrations are seen", () => {
    const registry = new RuleRegistry(testTypes());
    registry.register(rule("a", "deployed", ["test.Thing"], ["CREATE"]));
    expect(names(registry.deployedRulesFor("test.Thing", "CREATE"))).toEqual(["a"]);
    registry.disable("a", { file: "ext/xl-rules.xml", line: 9 });
    registry.register(rule("b", "deployed", ["udm.Deployed"], ["CREATE"]));
    expect(names(registry.deployedRulesFor("test.Thing", "CREATE"))).toEqual(["b"]);
    expect(registry.all().map((r) => [r.name, r.disabled, r.order])).toEqual([
      ["a", true, 0],
      ["b", false, 1],
    ]);
  });

  it("registers predefined rules, which disable-rule can target and names must not clash with", () => {
    const registry = new RuleRegistry(testTypes());
    registry.disable("generic.Thing.executeCreate_CREATE", { file: "ext/xl-rules.xml", line: 3 });
    const predefined = {
      name: "generic.Thing.executeCreate_CREATE",
      scope: "deployed" as const,
      conditions: { types: ["test.Thing"], operations: ["CREATE" as const] },
      location: { file: "builtin:generic" },
      plugin: "generic",
      implementation: () => [],
    };
    expect(registry.registerPredefined(predefined)).toBeUndefined();
    expect(registry.get(predefined.name)).toMatchObject({ kind: "predefined", disabled: true, plugin: "generic" });
    expect(registry.unresolvedDisables()).toEqual([]);
    expect(registry.register(rule(predefined.name, "plan"))?.message).toBe(
      "Rule name 'generic.Thing.executeCreate_CREATE' is already used at builtin:generic",
    );
  });
});
