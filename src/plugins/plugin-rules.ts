import type { Delta } from "../delta/model.js";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import type { PlannedStep } from "../plan/model.js";
import type { CheckpointRequest, PlanningContext } from "../planning/planning-context.js";
import { PlanningFailure } from "../planning/planning-failure.js";
import { type HostObject, PyKeywords } from "../python/host-object.js";
import { type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import type { PredefinedRuleDefinition } from "../rules/rule-registry.js";
import type { Step } from "../steps/model.js";
import type { TypeRegistry } from "../types/model.js";
import type { PlanwrightPlugin, PluginPlanning, StepRequest } from "./api.js";

/** Where a plugin comes from: `builtin:generic`, or `plugins/<folder>/index.mjs` of the home. */
export interface PluginOrigin {
  file: string;
  /** Turn any exception the plugin's code throws into a planning diagnostic (plugin modules). */
  untrusted: boolean;
}

/**
 * The rules a plugin defines, named as the manual's "Predefined rule naming" says. Deployed
 * rules are expanded over the registered types: one rule per type that is the rule's type
 * or extends it, in type-name order, each matching exactly its type.
 */
export function pluginRules(
  plugin: PlanwrightPlugin,
  types: TypeRegistry,
  origin: PluginOrigin,
): PredefinedRuleDefinition[] {
  const location: SourceLocation = { file: origin.file };
  const rules: PredefinedRuleDefinition[] = [];
  const typeNames = types
    .all()
    .map((t) => t.name)
    .sort();
  for (const definition of plugin.deployedRules ?? []) {
    for (const type of typeNames) {
      if (!types.isSubtypeOf(type, definition.type)) continue;
      rules.push({
        name: `${type}.${definition.method}_${definition.operation}`,
        scope: "deployed",
        conditions: { types: [type], operations: [definition.operation], exactTypes: true },
        location,
        plugin: plugin.name,
        implementation: guarded(origin, (bindings) => {
          const delta = bindings.delta as Delta;
          definition.plan({ ...planningOf(bindings, types), delta, ruleType: type });
        }),
      });
    }
  }
  for (const contributor of plugin.contributors ?? []) {
    rules.push({
      name: `${contributor.className}.${contributor.method}`,
      scope: "plan",
      conditions: { types: [], operations: [] },
      location,
      plugin: plugin.name,
      implementation: guarded(origin, (bindings) => {
        const deltas = (bindings.deltas as { deltas: readonly Delta[] }).deltas;
        contributor.contribute({ ...planningOf(bindings, types), deltas });
      }),
    });
  }
  for (const [scope, processors] of [
    ["pre-plan", plugin.prePlanProcessors],
    ["post-plan", plugin.postPlanProcessors],
  ] as const) {
    for (const processor of processors ?? []) {
      rules.push({
        name: `${processor.className}.${processor.method}`,
        scope,
        conditions: { types: [], operations: [] },
        location,
        plugin: plugin.name,
        implementation: guarded(origin, (bindings) => processor.process(planningOf(bindings, types))),
      });
    }
  }
  return rules;
}

type Implementation = (bindings: Record<string, unknown>) => void;

/** Code of a home's plugin module may throw anything; that becomes PW8002 naming the rule. */
function guarded(origin: PluginOrigin, implementation: Implementation): Implementation {
  if (!origin.untrusted) return implementation;
  return (bindings) => {
    try {
      implementation(bindings);
    } catch (error) {
      if (error instanceof DiagnosticError || error instanceof PlanningFailure) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new PlanningFailure(`the plugin code in ${origin.file} threw: ${detail}`);
    }
  };
}

/**
 * The planner calls predefined rules with the bindings script rules get; steps are made with
 * the `steps` factory (so they are converted and calculated like any rule's steps) and added
 * with the planning `context` (so provenance and checkpoints work the same).
 */
function planningOf(bindings: Record<string, unknown>, types: TypeRegistry): PluginPlanning {
  const context = bindings.context as PlanningContext;
  const factory = bindings.steps as HostObject;
  const delta = bindings.delta as Delta | undefined;
  const previous = bindings.previousDeployedApplication;
  return {
    types,
    deployedApplication: bindings.deployedApplication as ConfigurationItem,
    previousDeployedApplication: isConfigurationItem(previous) ? previous : undefined,
    addStep(request: StepRequest): PlannedStep {
      const make = factory.pyGetAttr(request.type);
      if (typeof make !== "function") throw new PlanningFailure(`there is no step type '${request.type}'`);
      const made = make(new PyKeywords(request.parameters)) as { step: Step };
      const checkpoints: CheckpointRequest[] = [];
      for (const checkpoint of request.checkpoints ?? []) {
        if (typeof checkpoint === "string") {
          if (!delta) throw new PlanningFailure("a checkpoint by operation needs the delta of a deployed rule");
          checkpoints.push({ delta, operation: checkpoint });
        } else {
          checkpoints.push({ delta: checkpoint.delta, operation: checkpoint.operation ?? checkpoint.delta.operation });
        }
      }
      return context.add(made.step, checkpoints);
    },
  };
}
