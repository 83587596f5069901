import type { ConfigurationItem } from "../repository/model.js";
import type { DeploymentSpecification, DeploymentState } from "../specification/model.js";
import type { TypeRegistry } from "../types/model.js";
import { DeployedComparison } from "./deployed-comparison.js";
import type { Delta, DeltaApplication, DeltaSpecification } from "./model.js";

export interface AnalysisOptions {
  rollback?: boolean;
}

/**
 * Delta analysis of one application (DESIGN §3): deployeds keyed by id; only new → CREATE,
 * only previous → DESTROY, both → MODIFY when something persisted differs, else NOOP; a
 * changed type for the same id → DESTROY + CREATE. Deltas are ordered by deployed id.
 * At least one side must be given.
 */
export function analyze(
  previous: DeploymentState | undefined,
  next: DeploymentState | undefined,
  types: TypeRegistry,
  options: AnalysisOptions = {},
): DeltaSpecification {
  const deployedOrPreviousApplication = (next ?? previous)!.deployedApplication;
  const specification: DeltaSpecification = {
    operation: !previous ? "CREATE" : !next ? "DESTROY" : "MODIFY",
    deployedApplication: deployedOrPreviousApplication,
    deployedOrPreviousApplication,
    deltas: deltasBetween(previous?.deployeds ?? [], next?.deployeds ?? [], new DeployedComparison(types)),
    rollback: options.rollback ?? false,
  };
  if (previous) specification.previousDeployedApplication = previous.deployedApplication;
  return specification;
}

/**
 * Delta analysis of a whole specification: the chosen application decides the operation and
 * the deployed application; deltas of its dependencies deployed in the same run join in.
 */
export function analyzeSpecification(
  specification: DeploymentSpecification,
  types: TypeRegistry,
  options: AnalysisOptions = {},
): DeltaSpecification {
  const [chosen, ...dependencies] = specification.applications;
  const result = analyze(chosen.previous, chosen.next, types, options);
  if (dependencies.length === 0) return result;
  const comparison = new DeployedComparison(types);
  const deltas = [...result.deltas];
  for (const dependency of dependencies) {
    deltas.push(...deltasBetween(dependency.previous?.deployeds ?? [], dependency.next?.deployeds ?? [], comparison));
  }
  result.deltas = sortDeltas(deltas);
  result.applications = specification.applications.map(
    (application): DeltaApplication => ({
      application: application.application,
      deployedApplication: (application.next ?? application.previous)!.deployedApplication,
      dependsOn: application.dependsOn,
    }),
  );
  return result;
}

function deltasBetween(
  previous: readonly ConfigurationItem[],
  next: readonly ConfigurationItem[],
  comparison: DeployedComparison,
): Delta[] {
  const previousById = new Map(previous.map((deployed) => [deployed.id, deployed]));
  const deltas: Delta[] = [];
  for (const deployed of next) {
    const before = previousById.get(deployed.id);
    if (!before) {
      deltas.push(created(deployed));
      continue;
    }
    previousById.delete(deployed.id);
    if (before.type !== deployed.type) {
      deltas.push(destroyed(before), created(deployed));
      continue;
    }
    const changedProperties = comparison.changedProperties(before, deployed);
    deltas.push({
      id: deployed.id,
      operation: changedProperties.length > 0 ? "MODIFY" : "NOOP",
      previous: before,
      deployed,
      deployedOrPrevious: deployed,
      changedProperties,
    });
  }
  for (const before of previousById.values()) deltas.push(destroyed(before));
  return sortDeltas(deltas);
}

function created(deployed: ConfigurationItem): Delta {
  return { id: deployed.id, operation: "CREATE", deployed, deployedOrPrevious: deployed, changedProperties: [] };
}

function destroyed(previous: ConfigurationItem): Delta {
  return { id: previous.id, operation: "DESTROY", previous, deployedOrPrevious: previous, changedProperties: [] };
}

/** By deployed id; for the same id (a type change) DESTROY before CREATE. Stable. */
function sortDeltas(deltas: Delta[]): Delta[] {
  return deltas.sort((a, b) => {
    if (a.id !== b.id) return a.id < b.id ? -1 : 1;
    return (a.operation === "DESTROY" ? 0 : 1) - (b.operation === "DESTROY" ? 0 : 1);
  });
}
