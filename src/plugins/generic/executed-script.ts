import type { Operation } from "../../delta/model.js";
import type { ConfigurationItem } from "../../repository/model.js";
import type { DeployedPlanning, DeployedRuleDefinition, StepRequest } from "../api.js";
import { GenericDeployed, type OperationPrefix } from "./generic-deployed.js";

/**
 * generic.ExecutedScript and its subtypes, generic.ExecutedScriptWithDerivedArtifact among
 * them (generic-plugins.md §2, §3): one os-script step per operation running the operation's
 * script, none when the script is blank. MODIFY without a modify script destroys the previous
 * deployed and creates the new one; DESTROY runs the previous deployed's destroy script.
 */
export const executedScriptRules: DeployedRuleDefinition[] = [
  {
    type: "generic.ExecutedScript",
    method: "executeCreate",
    operation: "CREATE",
    plan: (planning) => add(planning, scriptStep(planning, planning.delta.deployed!, "create")),
  },
  {
    type: "generic.ExecutedScript",
    method: "executeModify",
    operation: "MODIFY",
    plan: planModify,
  },
  {
    type: "generic.ExecutedScript",
    method: "executeDestroy",
    operation: "DESTROY",
    plan: (planning) => add(planning, scriptStep(planning, planning.delta.previous!, "destroy")),
  },
  {
    type: "generic.ExecutedScript",
    method: "executeNoop",
    operation: "NOOP",
    plan: (planning) => add(planning, scriptStep(planning, planning.delta.deployed!, "noop")),
  },
];

function planModify(planning: DeployedPlanning): void {
  const { deployed, previous } = planning.delta;
  const modify = scriptStep(planning, deployed!, "modify", { previousDeployed: previous });
  if (modify) {
    planning.addStep(modify);
    return;
  }
  const destroy = scriptStep(planning, previous!, "destroy");
  const create = scriptStep(planning, deployed!, "create");
  // With both steps, the destroy commits DESTROY and the create MODIFY (customization-manual pattern).
  if (destroy && create) {
    planning.addStep(withCheckpoint(destroy, "DESTROY"));
    planning.addStep(withCheckpoint(create, "MODIFY"));
    return;
  }
  add(planning, destroy ?? create);
}

/** `addStep(order, script, verb[, previousDeployed])` of the generic plugin: no step for a blank script. */
function scriptStep(
  planning: DeployedPlanning,
  ci: ConfigurationItem,
  prefix: OperationPrefix,
  extraContext: Record<string, unknown> = {},
): StepRequest | undefined {
  const deployed = new GenericDeployed(ci, planning);
  const script = deployed.script(prefix);
  if (script === undefined) return undefined;
  return {
    type: "os-script",
    parameters: {
      order: deployed.order(prefix),
      description: deployed.description(prefix),
      script,
      ...deployed.hostParameter(),
      "freemarker-context": { deployed: ci, ...extraContext },
      ...deployed.uploads(prefix),
    },
  };
}

function withCheckpoint(step: StepRequest, operation: Operation): StepRequest {
  return { ...step, checkpoints: [operation] };
}

function add(planning: DeployedPlanning, step: StepRequest | undefined): void {
  if (step) planning.addStep(step);
}
