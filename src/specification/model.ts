import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ConfigurationItem, Repository } from "../repository/model.js";
import type { TypeRegistry } from "../types/model.js";

/** What the user asked for (DESIGN §2.3): deploy a package to an environment, or undeploy. */
export type DeploymentRequest = DeployRequest | UndeployRequest;

export interface DeployRequest {
  kind: "deploy";
  /** udm.Version id, e.g. `Applications/PetClinic/2.0`. */
  packageId: string;
  /** udm.Environment id, e.g. `Environments/Dev`. */
  environmentId: string;
  /** Plan as if this version were deployed now (`--from`); otherwise the repository's state counts. */
  fromPackageId?: string;
  /** `--orchestrator` values; when given they replace the package's and deployed application's list. */
  orchestrators?: string[];
}

export interface UndeployRequest {
  kind: "undeploy";
  /** udm.DeployedApplication id, e.g. `Environments/Dev/PetClinic`. */
  deployedApplicationId: string;
  /** Undeploy this version as if it were deployed (`--from`), instead of the stored state. */
  fromPackageId?: string;
  orchestrators?: string[];
}

export interface SpecificationContext {
  types: TypeRegistry;
  repository: Repository;
}

/** The state of one side of a deployment: the deployed application with its deployeds. */
export interface DeploymentState {
  deployedApplication: ConfigurationItem;
  /** Top-level deployeds in id order (embedded ones hang off their parent's as-containment properties). */
  deployeds: ConfigurationItem[];
}

/**
 * One application taking part in a deployment: the package the user chose, or one of its
 * resolved application dependencies (reference §2.2, by-dependency orchestrators).
 */
export interface ApplicationDeployment {
  /** udm.Application id, e.g. `Applications/PetClinic`. */
  application: string;
  /** The udm.Version being deployed, or for an undeployment the one being removed (if known). */
  version?: ConfigurationItem;
  /** Application ids this one depends on, among those deployed in the same run. */
  dependsOn: string[];
  /** Absent for an initial deployment. */
  previous?: DeploymentState;
  /** Absent for an undeployment. */
  next?: DeploymentState;
}

/** The outcome of specification (reference §0 step 1): both sides of every application. */
export interface DeploymentSpecification {
  /** The chosen application first, then its dependencies deployed in the same run. */
  applications: ApplicationDeployment[];
  /** The orchestrators to apply, in order: the request's, else the package's or deployed application's. */
  orchestrators: string[];
}

export interface SpecificationResult {
  /** Undefined when an error made the request impossible to specify. */
  specification?: DeploymentSpecification;
  diagnostics: Diagnostic[];
}
