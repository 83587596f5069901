import type { DeltaSpecification, Operation } from "../delta/model.js";
import { lastSegment, parentId } from "../repository/ids.js";
import { isConfigurationItem } from "../repository/model.js";
import type { OrchestrationInput } from "./model.js";

const verbs: Record<Operation, string> = {
  CREATE: "Deploying",
  MODIFY: "Updating",
  DESTROY: "Undeploying",
  NOOP: "Not updating",
};

/** "Deploying PetClinic 1.0" — the verb, application and version of the deployment. */
export function deploymentTitle(specification: DeltaSpecification): string {
  const application = specification.deployedOrPreviousApplication;
  const version = application.values.version;
  const versionName = isConfigurationItem(version) ? version.name : "";
  return [verbs[specification.operation], application.name, versionName].filter((part) => part !== "").join(" ");
}

/** DESIGN §3: "Deploying|Updating|Undeploying <app> <version> on environment <env>". */
export function describeSpecification(specification: DeltaSpecification): string {
  return `${deploymentTitle(specification)} on environment ${environmentName(specification)}`;
}

export function environmentName(specification: DeltaSpecification): string {
  const application = specification.deployedOrPreviousApplication;
  const environment = application.values.environment;
  if (isConfigurationItem(environment)) return environment.name;
  return lastSegment(parentId(application.id));
}

/**
 * A group's description: the deployment title plus the group ("Deploying PetClinic 1.0 on
 * container tomcat"); inside a group made by an earlier orchestrator, that group's description
 * plus this one ("Deploying PetClinic 1.0 deployment group 1 on container tomcat").
 */
export function describeGroup(input: OrchestrationInput, qualifier: string): string {
  const prefix =
    input.description === describeSpecification(input.specification)
      ? deploymentTitle(input.specification)
      : input.description;
  return `${prefix} ${qualifier}`;
}
