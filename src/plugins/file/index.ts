import type { ConfigurationItem } from "../../repository/model.js";
import { type DeployedPlanning, definePlugin, type StepRequest } from "../api.js";
import { artifactFileName, containerOf, describeOnContainer, hostPath } from "../deployed-target.js";
import { flagValue, propertyValue } from "../generic/template-properties.js";

/**
 * XL Deploy's File plugin (generic-plugins.md §10): file.DeployedFile, file.DeployedArchive
 * and file.DeployedFolder copy their artifact to `targetPath` on an overthere.Host.
 *
 * Orders and descriptions are not documented; these use the default orders for artifacts
 * (70 deploy, 30 undeploy, reference §4) and the calculated descriptions' verbs,
 * "Create <name> on <host>" and "Destroy <name> on <host>". MODIFY deletes the previous
 * artifact, then copies the new one. No NOOP rule.
 */
export const filePlugin = definePlugin({
  name: "file",
  deployedRules: [
    {
      type: "file.DeployedArtifactOnHost",
      method: "executeCreate",
      operation: "CREATE",
      plan: (planning) => planning.addStep(copyStep(planning, planning.delta.deployed!)),
    },
    {
      type: "file.DeployedArtifactOnHost",
      method: "executeModify",
      operation: "MODIFY",
      plan: (planning) => {
        planning.addStep(deleteStep(planning, planning.delta.previous!));
        planning.addStep(copyStep(planning, planning.delta.deployed!));
      },
    },
    {
      type: "file.DeployedArtifactOnHost",
      method: "executeDestroy",
      operation: "DESTROY",
      plan: (planning) => planning.addStep(deleteStep(planning, planning.delta.previous!)),
    },
  ],
});

const deployOrder = 70;
const undeployOrder = 30;

function isFolder(planning: DeployedPlanning, ci: ConfigurationItem): boolean {
  return planning.types.isSubtypeOf(ci.type, "file.DeployedFolder");
}

function text(planning: DeployedPlanning, ci: ConfigurationItem, name: string): string {
  const value = propertyValue(ci, name, { types: planning.types });
  return typeof value === "string" ? value.trim() : "";
}

/** A folder's content goes into `targetPath`; a file or archive to `targetPath/targetFileName`. */
function targetPath(planning: DeployedPlanning, ci: ConfigurationItem): string {
  const directory = text(planning, ci, "targetPath");
  if (isFolder(planning, ci)) return directory;
  const name = text(planning, ci, "targetFileName") || artifactFileName(ci);
  return hostPath(containerOf(ci), directory, name);
}

function copyStep(planning: DeployedPlanning, ci: ConfigurationItem): StepRequest {
  return {
    type: "upload",
    parameters: {
      order: deployOrder,
      description: describeOnContainer("Create", ci.name, ci),
      artifact: ci,
      "target-path": targetPath(planning, ci),
      "create-target-path": flagValue(ci, "createTargetPath", { types: planning.types }),
    },
  };
}

/**
 * A file or archive: delete it. A folder: with `targetPathShared` (the default) remove only
 * what the artifact put there (delete-artifact with shared-target), else the whole target path.
 */
function deleteStep(planning: DeployedPlanning, ci: ConfigurationItem): StepRequest {
  const base = {
    order: undeployOrder,
    description: describeOnContainer("Destroy", ci.name, ci),
    "target-path": targetPath(planning, ci),
  };
  if (isFolder(planning, ci) && flagValue(ci, "targetPathShared", { types: planning.types })) {
    return { type: "delete-artifact", parameters: { ...base, artifact: ci, "shared-target": true } };
  }
  return { type: "delete", parameters: base };
}
