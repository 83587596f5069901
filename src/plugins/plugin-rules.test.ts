import { describe, expect, it } from "vitest";
import { RuleRegistry } from "../rules/rule-registry.js";
import { loadTypes } from "../types/load-types.js";
import type { PlanwrightPlugin } from "./api.js";
import { builtinPlugins } from "./load-plugins.js";
import { pluginRules } from "./plugin-rules.js";

const types = loadTypes([
  {
    displayPath: "ext/synthetic.xml",
    text: `<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">
      <type type="ops.Job" extends="generic.ExecutedScript"/>
      <type type="ops.Task" extends="ops.Job"/>
    </synthetic>`,
  },
]).registry;

function registryOf(plugins: readonly PlanwrightPlugin[]): RuleRegistry {
  const registry = new RuleRegistry(types);
  for (const plugin of plugins) {
    for (const rule of pluginRules(plugin, types, { file: `builtin:${plugin.name}`, untrusted: false })) {
      expect(registry.registerPredefined(rule)).toBeUndefined();
    }
  }
  return registry;
}

describe("pluginRules", () => {
  it("names deployed rules <type>.<method>_<OPERATION> for the type and each subtype", () => {
    const names = registryOf(builtinPlugins)
      .all()
      .map((rule) => rule.name);
    expect(names).toContain("generic.ExecutedScript.executeCreate_CREATE");
    expect(names).toContain("ops.Job.executeCreate_CREATE");
    expect(names).toContain("ops.Task.executeNoop_NOOP");
    expect(names).toContain("file.DeployedArtifactOnHost.executeCreate_CREATE");
    expect(names).toContain("cmd.DeployedCommand.destroyCommand_DESTROY");
    expect(names).toContain("com.xebialabs.deployit.plugin.generic.container.LifeCycleContributor.restartContainers");
  });

  it("matches exactly its own type, so disabling a parent type's rule leaves the subtype's", () => {
    const registry = registryOf(builtinPlugins);
    expect(registry.deployedRulesFor("ops.Task", "CREATE").map((r) => r.name)).toEqual([
      "ops.Task.executeCreate_CREATE",
    ]);
    registry.disable("ops.Job.executeCreate_CREATE", { file: "ext/xl-rules.xml" });
    expect(registry.deployedRulesFor("ops.Job", "CREATE")).toEqual([]);
    expect(registry.deployedRulesFor("ops.Task", "CREATE").map((r) => r.name)).toEqual([
      "ops.Task.executeCreate_CREATE",
    ]);
  });

  it("gives contributors and processors <class>.<method> names in their scopes, with the plugin as source", () => {
    const plugin: PlanwrightPlugin = {
      name: "acme",
      contributors: [{ className: "com.acme.Gate", method: "open", contribute: () => {} }],
      prePlanProcessors: [{ className: "com.acme.Check", method: "before", process: () => {} }],
      postPlanProcessors: [{ className: "com.acme.Check", method: "after", process: () => {} }],
    };
    const rules = pluginRules(plugin, types, { file: "plugins/acme/index.mjs", untrusted: true });
    expect(rules.map((r) => [r.name, r.scope, r.plugin, r.location.file])).toEqual([
      ["com.acme.Gate.open", "plan", "acme", "plugins/acme/index.mjs"],
      ["com.acme.Check.before", "pre-plan", "acme", "plugins/acme/index.mjs"],
      ["com.acme.Check.after", "post-plan", "acme", "plugins/acme/index.mjs"],
    ]);
  });

  it("turns an exception of a home plugin's code into a planning failure naming the module", () => {
    const plugin: PlanwrightPlugin = {
      name: "acme",
      postPlanProcessors: [
        {
          className: "com.acme.Check",
          method: "after",
          process: () => {
            throw new TypeError("boom");
          },
        },
      ],
    };
    const [rule] = pluginRules(plugin, types, { file: "plugins/acme/index.mjs", untrusted: true });
    const run = rule!.implementation as (bindings: Record<string, unknown>) => void;
    expect(() => run({})).toThrow("the plugin code in plugins/acme/index.mjs threw: boom");
  });
});
