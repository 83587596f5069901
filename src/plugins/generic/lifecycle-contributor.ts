import type { Delta } from "../../delta/model.js";
import { PlanningFailure } from "../../planning/planning-failure.js";
import type { ConfigurationItem } from "../../repository/model.js";
import type { BlockPlanning, ContributorDefinition } from "../api.js";
import { containerOf, hostOf } from "../deployed-target.js";
import { flagValue, integerValue, nonBlank, stringsValue, templateText } from "./template-properties.js";

/**
 * `com.xebialabs.deployit.plugin.generic.container.LifeCycleContributor.restartContainers`
 * (generic-plugins.md §8.3): once per interleaved block, every generic container that a
 * generic deployed of the block asks to restart (`restartRequired`, and for NOOP also
 * `restartRequiredForNoop`) is restarted once, however many deployeds ask: "Restart <name>"
 * at `restartOrder` when it has a `restartScript`, else "Stop <name>" at `stopOrder` and
 * "Start <name>" at `startOrder`, whose scripts are then required. A positive wait time adds
 * a `wait` step at the action's order + 1. A deployed on a plain overthere.Host never
 * restarts it; a nested container is restarted itself, not its parent.
 */
export const lifeCycleContributor: ContributorDefinition = {
  className: "com.xebialabs.deployit.plugin.generic.container.LifeCycleContributor",
  method: "restartContainers",
  contribute(planning) {
    for (const container of containersToRestart(planning)) restart(planning, container);
  },
};

function containersToRestart(planning: BlockPlanning): ConfigurationItem[] {
  const byId = new Map<string, ConfigurationItem>();
  for (const delta of planning.deltas) {
    for (const deployed of [delta.deployed, delta.previous]) {
      if (!deployed || !asksForRestart(planning, delta, deployed)) continue;
      const container = containerOf(deployed)!;
      byId.set(container.id, container);
    }
  }
  return [...byId.keys()].sort().map((id) => byId.get(id)!);
}

function asksForRestart(planning: BlockPlanning, delta: Delta, deployed: ConfigurationItem): boolean {
  const { types } = planning;
  if (!types.isSubtypeOf(deployed.type, "generic.AbstractDeployed")) return false;
  const container = containerOf(deployed);
  if (!container || !types.isSubtypeOf(container.type, "generic.BaseGenericContainer")) return false;
  const scope = { types };
  if (!flagValue(deployed, "restartRequired", scope)) return false;
  return delta.operation !== "NOOP" || flagValue(deployed, "restartRequiredForNoop", scope);
}

type Action = "start" | "stop" | "restart";

function restart(planning: BlockPlanning, container: ConfigurationItem): void {
  const scope = { types: planning.types, deployedApplication: planning.deployedApplication };
  const script = (action: Action) => nonBlank(templateText(container, `${action}Script`, scope));
  if (script("restart") !== undefined) {
    addAction(planning, container, "restart");
    return;
  }
  for (const action of ["start", "stop"] as const) {
    if (script(action) === undefined) {
      throw new PlanningFailure(`${container.id} ${action} script must be specified when no restart script defined`);
    }
  }
  addAction(planning, container, "stop");
  addAction(planning, container, "start");
}

const actionDefaults: Record<Action, { verb: string; order: number }> = {
  start: { verb: "Start", order: 90 },
  stop: { verb: "Stop", order: 10 },
  restart: { verb: "Restart", order: 90 },
};

function addAction(planning: BlockPlanning, container: ConfigurationItem, action: Action): void {
  const scope = { types: planning.types, deployedApplication: planning.deployedApplication };
  const { verb, order: defaultOrder } = actionDefaults[action];
  const order = integerValue(container, `${action}Order`, scope, defaultOrder);
  const host = hostOf(container, planning.types);
  const parameters: Record<string, unknown> = {
    order,
    description: `${verb} ${container.name}`,
    script: nonBlank(templateText(container, `${action}Script`, scope)),
    "freemarker-context": { container },
  };
  if (host) parameters["target-host"] = host;
  const resources = stringsValue(container, `${action}ClasspathResources`, scope);
  if (resources.length > 0) parameters["classpath-resources"] = resources;
  const templates = stringsValue(container, `${action}TemplateClasspathResources`, scope);
  if (templates.length > 0) parameters["template-classpath-resources"] = templates;
  planning.addStep({ type: "os-script", parameters });
  const seconds = integerValue(container, `${action}WaitTime`, scope, 0);
  if (seconds > 0) {
    planning.addStep({
      type: "wait",
      parameters: {
        order: order + 1,
        description: `Wait ${seconds} seconds for ${container.name} to ${action}`,
        seconds,
      },
    });
  }
}
