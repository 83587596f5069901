import { type ConfigurationItem, isConfigurationItem } from "../../repository/model.js";
import { type DeployedPlanning, definePlugin, type StepRequest } from "../api.js";
import { describeOnContainer } from "../deployed-target.js";
import { flagValue, integerValue, propertyValue } from "../generic/template-properties.js";

/**
 * XL Deploy's Command plugin (generic-plugins.md §11): cmd.DeployedCommand runs `commandLine`
 * on its host in an `execute-command` step at `order`, after uploading its `dependencies`
 * (`${<dependency name>}` in the line is their path, filled in at execution). The undo
 * command — `undoCommandLine` at `undoOrder` (5.1+), else the `undoCommand` CI's line at its
 * order — runs on DESTROY, and on MODIFY before the new command when
 * `runUndoCommandOnUpgrade`. Without an undo command a DESTROY has a `noop` step that carries
 * the checkpoint. No NOOP rule (not documented). Descriptions are Planwright's own:
 * "Execute <name> on <host>", "Undo <name> on <host>", "Forget <name> on <host>".
 */
export const cmdPlugin = definePlugin({
  name: "cmd",
  steps: [
    {
      name: "execute-command",
      description: "Runs an operating system command line on a host after uploading its dependencies",
      parameters: [
        {
          name: "target-host",
          kind: "ci",
          required: true,
          calculated: true,
          ciType: "overthere.Host",
          description: "The host the command runs on",
        },
        { name: "command-line", kind: "string", required: true, description: "The command line, as written" },
        { name: "dependencies", kind: "list", description: "file.File artifacts uploaded before the command runs" },
      ],
    },
  ],
  deployedRules: [
    {
      type: "cmd.DeployedCommand",
      method: "executeCreateCommand",
      operation: "CREATE",
      plan: (planning) => planning.addStep(commandStep(planning, planning.delta.deployed!)),
    },
    {
      type: "cmd.DeployedCommand",
      method: "executeModifyCommand",
      operation: "MODIFY",
      plan: (planning) => {
        const { deployed, previous } = planning.delta;
        const undo = undoStep(planning, previous!);
        const runUndo = deployed!.values.runUndoCommandOnUpgrade;
        if (
          undo &&
          (runUndo === undefined || flagValue(deployed!, "runUndoCommandOnUpgrade", { types: planning.types }))
        ) {
          planning.addStep({ ...undo, checkpoints: ["DESTROY"] });
          planning.addStep({ ...commandStep(planning, deployed!), checkpoints: ["MODIFY"] });
          return;
        }
        planning.addStep(commandStep(planning, deployed!));
      },
    },
    {
      type: "cmd.DeployedCommand",
      method: "destroyCommand",
      operation: "DESTROY",
      plan: (planning) => {
        const previous = planning.delta.previous!;
        planning.addStep(
          undoStep(planning, previous) ?? {
            type: "noop",
            parameters: {
              order: order(planning, previous),
              description: describeOnContainer("Forget", previous.name, previous),
            },
          },
        );
      },
    },
  ],
});

function order(planning: DeployedPlanning, ci: ConfigurationItem): number {
  return integerValue(ci, "order", { types: planning.types }, 50);
}

function text(planning: DeployedPlanning, ci: ConfigurationItem, name: string): string | undefined {
  const value = propertyValue(ci, name, { types: planning.types });
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function ciList(value: unknown): ConfigurationItem[] {
  return Array.isArray(value) ? value.filter(isConfigurationItem) : [];
}

/**
 * A CI-valued property: the deployed's, else its deployable's — deployed mapping copies only
 * plain values, and the dependencies and undo command are `cmd.Command` references.
 */
function reference(ci: ConfigurationItem, name: string): unknown {
  const own = ci.values[name];
  if (own !== undefined) return own;
  const deployable = ci.values.deployable;
  return isConfigurationItem(deployable) ? deployable.values[name] : undefined;
}

function commandStep(planning: DeployedPlanning, ci: ConfigurationItem): StepRequest {
  const parameters: Record<string, unknown> = {
    order: order(planning, ci),
    description: describeOnContainer("Execute", ci.name, ci),
    "command-line": text(planning, ci, "commandLine") ?? "",
  };
  const dependencies = ciList(reference(ci, "dependencies"));
  if (dependencies.length > 0) parameters.dependencies = dependencies;
  return { type: "execute-command", parameters };
}

function undoStep(planning: DeployedPlanning, ci: ConfigurationItem): StepRequest | undefined {
  const scope = { types: planning.types };
  const line = text(planning, ci, "undoCommandLine");
  const command = reference(ci, "undoCommand");
  let parameters: Record<string, unknown>;
  if (line !== undefined) {
    parameters = { order: integerValue(ci, "undoOrder", scope, 49), "command-line": line };
    const dependencies = ciList(reference(ci, "undoDependencies"));
    if (dependencies.length > 0) parameters.dependencies = dependencies;
  } else if (isConfigurationItem(command) && text(planning, command, "commandLine") !== undefined) {
    parameters = {
      order: integerValue(command, "order", scope, integerValue(ci, "undoOrder", scope, 49)),
      "command-line": text(planning, command, "commandLine"),
    };
    const dependencies = ciList(command.values.dependencies);
    if (dependencies.length > 0) parameters.dependencies = dependencies;
  } else return undefined;
  return {
    type: "execute-command",
    parameters: { ...parameters, description: describeOnContainer("Undo", ci.name, ci) },
  };
}
