import type { ConfigurationItem } from "../repository/model.js";

export type Operation = "CREATE" | "MODIFY" | "DESTROY" | "NOOP";
export const operations: readonly Operation[] = ["CREATE", "MODIFY", "DESTROY", "NOOP"];

/** One deployed's change (reference §3.2). */
export interface Delta {
  /** The deployed's id. */
  id: string;
  operation: Operation;
  /** The deployed as it was; absent for CREATE. */
  previous?: ConfigurationItem;
  /** The deployed as it will be; absent for DESTROY. */
  deployed?: ConfigurationItem;
  deployedOrPrevious: ConfigurationItem;
  /** Names of persisted properties whose value differs (MODIFY only), sorted. */
  changedProperties: string[];
}

/** The whole deployment's change (reference §3.3). */
export interface DeltaSpecification {
  /** CREATE initial, MODIFY update, DESTROY undeploy. */
  operation: "CREATE" | "MODIFY" | "DESTROY";
  /** The udm.DeployedApplication after the deployment; for an undeploy, the one being removed. */
  deployedApplication: ConfigurationItem;
  previousDeployedApplication?: ConfigurationItem;
  deployedOrPreviousApplication: ConfigurationItem;
  /** Ordered by deployed id. */
  deltas: Delta[];
  rollback: boolean;
  /**
   * The applications deployed in this run when the package has application dependencies: the
   * chosen one first, then its dependencies (for the by-dependency orchestrators). Absent or
   * a single entry when only `deployedOrPreviousApplication` takes part.
   */
  applications?: DeltaApplication[];
}

/** One application of a deployment with dependencies. */
export interface DeltaApplication {
  /** udm.Application id. */
  application: string;
  /** Its udm.DeployedApplication (the new one, or the previous one when it is removed). */
  deployedApplication: ConfigurationItem;
  /** Application ids it depends on, among those in the same run. */
  dependsOn: string[];
}
