import type { ConfigurationItem } from "../../repository/model.js";
import type { DeployedRuleDefinition, StepRequest } from "../api.js";
import { artifactFileName, hostPath } from "../deployed-target.js";
import { GenericDeployed } from "./generic-deployed.js";
import { flagValue, nonBlank } from "./template-properties.js";

/**
 * generic.CopiedArtifact and generic.ProcessedTemplate (generic-plugins.md §4, §5): CREATE
 * copies the artifact (upload) or renders the template (template) into `targetDirectory` at
 * `createOrder`; DESTROY deletes it at `destroyOrder`; MODIFY does both, delete first. No NOOP
 * rule: an unchanged artifact only restarts its container when `restartRequiredForNoop`.
 *
 * The MODIFY delete uses the previous deployed's target (the file that is there), where the
 * Deployit 3.x class used the new one's (a gap in §15).
 */
export const copiedArtifactRules: DeployedRuleDefinition[] = artifactRules("generic.CopiedArtifact", copyStep);
export const processedTemplateRules: DeployedRuleDefinition[] = artifactRules("generic.ProcessedTemplate", renderStep);

type PlacementStep = (deployed: GenericDeployed) => StepRequest;

function artifactRules(type: string, place: PlacementStep): DeployedRuleDefinition[] {
  return [
    {
      type,
      method: "executeCreate",
      operation: "CREATE",
      plan: (planning) => planning.addStep(place(new GenericDeployed(planning.delta.deployed!, planning))),
    },
    {
      type,
      method: "executeModify",
      operation: "MODIFY",
      plan: (planning) => {
        const removal = deleteStep(new GenericDeployed(planning.delta.previous!, planning));
        if (removal) planning.addStep(removal);
        planning.addStep(place(new GenericDeployed(planning.delta.deployed!, planning)));
      },
    },
    {
      type,
      method: "executeDestroy",
      operation: "DESTROY",
      plan: (planning) => {
        const removal = deleteStep(new GenericDeployed(planning.delta.previous!, planning));
        if (removal) planning.addStep(removal);
      },
    },
  ];
}

/** The file name on the host: `targetFile`, else the artifact's own name (templates: the deployed's name). */
function targetFileName(deployed: GenericDeployed): string {
  const given = nonBlank(deployed.text("targetFile"));
  if (given !== undefined) return given;
  return deployed.ci.artifact ? artifactFileName(deployed.ci) : deployed.ci.name;
}

function targetDirectory(deployed: GenericDeployed): string {
  return nonBlank(deployed.text("targetDirectory")) ?? "";
}

function targetPath(deployed: GenericDeployed): string {
  return hostPath(deployed.host(), targetDirectory(deployed), targetFileName(deployed));
}

function copyStep(deployed: GenericDeployed): StepRequest {
  return {
    type: "upload",
    parameters: {
      order: deployed.order("create"),
      description: deployed.description("create"),
      ...deployed.hostParameter(),
      artifact: deployed.ci,
      "target-path": targetPath(deployed),
      "create-target-path": flagValue(deployed.ci, "createTargetDirectory", deployed.scope),
    },
  };
}

function renderStep(deployed: GenericDeployed): StepRequest {
  return {
    type: "template",
    parameters: {
      order: deployed.order("create"),
      description: deployed.description("create"),
      ...deployed.hostParameter(),
      "template-path": nonBlank(deployed.text("template")) ?? "",
      "target-path": targetPath(deployed),
      "freemarker-context": { deployed: deployed.ci },
      "create-target-path": flagValue(deployed.ci, "createTargetDirectory", deployed.scope),
    },
  };
}

/**
 * The delete of DESTROY (and of MODIFY's first half): the copied file, or the whole
 * `targetDirectory` when it is not shared; nothing with `preserveExistingFiles`.
 */
function deleteStep(deployed: GenericDeployed): StepRequest | undefined {
  const ci: ConfigurationItem = deployed.ci;
  if (flagValue(ci, "preserveExistingFiles", deployed.scope)) return undefined;
  const shared = deployed.scope.types.property(ci.type, "targetDirectoryShared")
    ? flagValue(ci, "targetDirectoryShared", deployed.scope)
    : true;
  const directory = targetDirectory(deployed);
  return {
    type: "delete",
    parameters: {
      order: deployed.order("destroy"),
      description: deployed.description("destroy"),
      ...deployed.hostParameter(),
      "target-path": shared || directory === "" ? targetPath(deployed) : directory,
    },
  };
}
