import type { Delta, Operation } from "../delta/model.js";
import { type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import type { RuleScope } from "../rules/model.js";
import type { TypeRegistry } from "../types/model.js";
import type { StepParameterDescriptor } from "./model.js";

/** What calculated parameters depend on: the rule's scope and, in deployed scope, the delta. */
export interface CalculationContext {
  scope: RuleScope;
  /** Present in deployed scope. */
  delta?: Delta;
  types: TypeRegistry;
}

export type Calculation = { value: unknown } | { unavailable: string };

/**
 * The first word of a calculated description, by the delta's operation (DESIGN §3):
 * "Create petclinic on tomcat", "Modify …", "Destroy …", and "Keep …" for a deployed that
 * stays unchanged (NOOP), since nothing about it is modified.
 */
export const descriptionVerbs: Readonly<Record<Operation, string>> = {
  CREATE: "Create",
  MODIFY: "Modify",
  DESTROY: "Destroy",
  NOOP: "Keep",
};

/** Step order when the rule gives none (manual, "Order of a step"; reference §4). */
export function calculatedOrder(context: CalculationContext): number {
  const { delta } = context;
  if (context.scope !== "deployed" || !delta) return 50;
  const artifact = isArtifact(delta.deployedOrPrevious, context.types);
  if (delta.operation === "DESTROY") return artifact ? 30 : 40;
  return artifact ? 70 : 60;
}

/** "<Verb> <deployed name> on <container name>", from the previous deployed for DESTROY. */
export function calculatedDescription(delta: Delta): string {
  const deployed = delta.deployedOrPrevious;
  const container = containerOf(deployed);
  const verb = descriptionVerbs[delta.operation];
  return container ? `${verb} ${deployed.name} on ${container.name}` : `${verb} ${deployed.name}`;
}

/**
 * The host a deployed-scope step runs on (manual, "Target host"): the container when it is an
 * overthere.Host; else the container's `host` when that holds an overthere.Host (an
 * overthere.HostContainer, or any container with such a property). DESTROY uses the previous
 * deployed, the only one there is.
 */
export function calculatedTargetHost(delta: Delta, types: TypeRegistry): ConfigurationItem | undefined {
  const container = containerOf(delta.deployedOrPrevious);
  if (!container) return undefined;
  if (types.isSubtypeOf(container.type, "overthere.Host")) return container;
  const host = container.values.host;
  if (isConfigurationItem(host) && types.isSubtypeOf(host.type, "overthere.Host")) return host;
  return undefined;
}

/**
 * The value of a calculated parameter the rule did not give, or why there is none. `given`
 * is the explicit value of a context map, which the calculated entries never override.
 */
export function calculateParameter(
  parameter: StepParameterDescriptor,
  context: CalculationContext,
  given?: Record<string, unknown>,
): Calculation | undefined {
  // Context maps first, whatever their name: the calculated entries join what the rule gave.
  if (parameter.kind === "map") return calculatedContext(context, given);
  const { delta, types } = context;
  const deployedScope = context.scope === "deployed" && delta !== undefined;
  const outside = { unavailable: `outside the deployed scope (this rule's scope is ${context.scope})` };
  switch (parameter.name) {
    case "order":
      return { value: calculatedOrder(context) };
    case "description":
      return deployedScope ? { value: calculatedDescription(delta) } : outside;
    case "target-host": {
      if (!deployedScope) return outside;
      const host = calculatedTargetHost(delta, types);
      if (host) return { value: host };
      const container = containerOf(delta.deployedOrPrevious);
      return {
        unavailable: container
          ? `because container ${container.id} is not an overthere.Host and has no host`
          : `because deployed ${delta.id} has no container`,
      };
    }
    case "artifact":
      if (!deployedScope) return outside;
      if (delta.deployed && isArtifact(delta.deployed, types)) return { value: delta.deployed };
      return {
        unavailable: delta.deployed
          ? `because ${delta.id} (${delta.deployed.type}) is not a udm.Artifact`
          : `for a ${delta.operation} (there is no new deployed)`,
      };
    case "previous-artifact":
      if (!deployedScope) return outside;
      if (delta.previous && isArtifact(delta.previous, types)) return { value: delta.previous };
      return { unavailable: `because ${delta.id} has no previous artifact` };
  }
  return undefined;
}

/**
 * A context map (`freemarker-context`, `jython-context`, `powershell-context`, and the
 * calculated maps of plugin steps) enriched with `deployed` and `previousDeployed` as the
 * operation has them; an entry the rule gives wins. A deployed the operation lacks (CREATE has
 * no previous, DESTROY no new) is left out rather than set to None.
 */
function calculatedContext(context: CalculationContext, given?: Record<string, unknown>): Calculation | undefined {
  const result: Record<string, unknown> = {};
  const { delta } = context;
  if (context.scope === "deployed" && delta) {
    if (delta.deployed) result.deployed = delta.deployed;
    if (delta.previous) result.previousDeployed = delta.previous;
  }
  if (!given && Object.keys(result).length === 0) return undefined;
  return { value: given ? Object.assign(result, given) : result };
}

function containerOf(deployed: ConfigurationItem): ConfigurationItem | undefined {
  const container = deployed.values.container;
  return isConfigurationItem(container) ? container : undefined;
}

function isArtifact(ci: ConfigurationItem, types: TypeRegistry): boolean {
  return types.isSubtypeOf(ci.type, "udm.Artifact");
}
