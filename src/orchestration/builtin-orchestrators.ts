import type { Delta, DeltaApplication, DeltaSpecification } from "../delta/model.js";
import { parentId } from "../repository/ids.js";
import { type CiValue, type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import { deploymentTitle, describeGroup, describeSpecification, environmentName } from "./descriptions.js";
import {
  compareText,
  containerKey,
  containerOf,
  type DeltaGroup,
  groupBy,
  groupingOrchestrator,
  inDeploymentOrder,
} from "./grouping.js";
import type { OrchestrationBlock, OrchestrationInput, Orchestrator } from "./model.js";

type Kind = "serial" | "parallel";
const kinds: readonly [Kind, string][] = [
  ["serial", "sequential"],
  ["parallel", "parallel"],
];

/** One interleaved block with every delta: what happens when no orchestrator is chosen. */
export function defaultOrchestration(specification: DeltaSpecification): OrchestrationBlock {
  return { kind: "interleaved", description: describeSpecification(specification), deltas: specification.deltas };
}

/** The 14 orchestrators XL Deploy ships (reference §2.2), sequential and parallel variants. */
export function builtinOrchestrators(): Orchestrator[] {
  return kinds.flatMap(([kind, prefix]) => [
    groupingOrchestrator(`${prefix}-by-container`, kind, byContainer),
    groupingOrchestrator(`${prefix}-by-composite-package`, kind, byCompositePackage),
    groupingOrchestrator(`${prefix}-by-deployment-group`, kind, byGroupProperty("deploymentGroup", "deployment group")),
    groupingOrchestrator(
      `${prefix}-by-deployment-sub-group`,
      kind,
      byGroupProperty("deploymentSubGroup", "deployment sub-group"),
    ),
    groupingOrchestrator(
      `${prefix}-by-deployment-sub-sub-group`,
      kind,
      byGroupProperty("deploymentSubSubGroup", "deployment sub-sub-group"),
    ),
    groupingOrchestrator(`${prefix}-by-deployed`, kind, byDeployed),
    kind === "serial" ? sequentialByDependency : parallelByDependency,
  ]);
}

/**
 * One group per container, alphabetical by container name (then id). Containers are named
 * by name, or by id where two containers of the deployment share a name (two hosts'
 * `tomcat`) — counted over the whole deployment, since an earlier orchestrator may already
 * have put them in different leaves.
 */
export function byContainer(input: OrchestrationInput): DeltaGroup[] {
  const groups = groupBy(input.deltas, (delta) => containerKey(delta).id);
  const containers = [...groups.values()]
    .map((deltas) => ({ container: containerKey(deltas[0]), deltas }))
    .sort((a, b) => compareText(a.container.name, b.container.name) || compareText(a.container.id, b.container.id));
  const shared = sharedContainerNames(input.specification.deltas);
  return containers.map(({ container, deltas }) => ({
    qualifier: `on container ${shared.has(container.name) ? container.id : container.name}`,
    deltas,
  }));
}

/** Names that more than one container of these deltas carries. */
function sharedContainerNames(deltas: readonly Delta[]): Set<string> {
  const idsByName = new Map<string, Set<string>>();
  for (const delta of deltas) {
    const { id, name } = containerKey(delta);
    const ids = idsByName.get(name) ?? new Set<string>();
    ids.add(id);
    idsByName.set(name, ids);
  }
  return new Set([...idsByName].filter(([, ids]) => ids.size > 1).map(([name]) => name));
}

/**
 * One group per value of a container's deployment group property, ascending; containers
 * without a value form the first group (reference §2.2).
 */
function byGroupProperty(property: string, label: string): (input: OrchestrationInput) => DeltaGroup[] {
  return (input) => {
    const groups = groupBy(input.deltas, (delta) => groupValue(containerOf(delta)?.values[property]));
    return [...groups.entries()]
      .sort(([a], [b]) => compareGroupValues(a, b))
      .map(([value, deltas]) => ({
        qualifier: value === undefined ? `without ${label}` : `${label} ${value}`,
        deltas,
      }));
  };
}

function groupValue(value: CiValue | undefined): number | string | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const trimmed = value.trim();
  return /^[-+]?\d+$/.test(trimmed) ? Number.parseInt(trimmed, 10) : trimmed;
}

/** No value first, then numbers ascending, then other text. */
function compareGroupValues(a: number | string | undefined, b: number | string | undefined): number {
  const rank = (value: number | string | undefined) => (value === undefined ? 0 : typeof value === "number" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  return compareText(String(a), String(b));
}

/**
 * One group per member package of a composite package, in member order (nested composites
 * flattened); packages no longer in the composite (being removed) follow, by id.
 */
function byCompositePackage(input: OrchestrationInput): DeltaGroup[] {
  const { specification } = input;
  const members = [
    ...memberPackages(specification.deployedApplication.values.version),
    ...memberPackages(specification.previousDeployedApplication?.values.version),
  ];
  const position = new Map<string, number>();
  const packages = new Map<string, ConfigurationItem>();
  for (const member of members) {
    if (!position.has(member.id)) position.set(member.id, position.size);
    packages.set(member.id, member);
  }
  const groups = groupBy(input.deltas, packageOf);
  return [...groups.entries()]
    .sort(
      ([a], [b]) =>
        (position.get(a) ?? Number.MAX_SAFE_INTEGER) - (position.get(b) ?? Number.MAX_SAFE_INTEGER) ||
        compareText(a, b),
    )
    .map(([id, deltas]) => ({ qualifier: `package ${packageTitle(id)}`, deltas }));
}

/** "Applications/Backend/1.0" → "Backend 1.0". */
function packageTitle(packageId: string): string {
  const parts = packageId.split("/");
  return parts.length >= 2 ? `${parts[parts.length - 2]} ${parts[parts.length - 1]}` : packageId;
}

/** The package a delta's deployable belongs to (its parent id). */
function packageOf(delta: Delta): string {
  const deployable = delta.deployedOrPrevious.values.deployable;
  return isConfigurationItem(deployable) ? parentId(deployable.id) : "";
}

/** A package, or the deployment packages inside a composite package, in order. */
function memberPackages(value: CiValue | undefined, seen = new Set<string>()): ConfigurationItem[] {
  if (!isConfigurationItem(value) || seen.has(value.id)) return [];
  seen.add(value.id);
  const packages = value.values.packages;
  if (!Array.isArray(packages)) return [value];
  return packages.filter(isConfigurationItem).flatMap((member) => memberPackages(member, seen));
}

/** One group per delta, in delta (deployed id) order. */
function byDeployed(input: OrchestrationInput): DeltaGroup[] {
  return input.deltas.map((delta) => ({
    qualifier: `${delta.deployedOrPrevious.name} on container ${containerKey(delta).name}`,
    deltas: [delta],
  }));
}

interface ApplicationGroup {
  application: DeltaApplication;
  level: number;
  deltas: Delta[];
}

/**
 * Deltas per application of a deployment with dependencies, with each application's
 * dependency level (0 = depends on nothing deployed in this run), dependencies first.
 */
function byApplication(input: OrchestrationInput): ApplicationGroup[] {
  const { specification } = input;
  const applications: DeltaApplication[] = specification.applications ?? [
    {
      application: applicationOfVersion(specification.deployedOrPreviousApplication.values.version),
      deployedApplication: specification.deployedOrPreviousApplication,
      dependsOn: [],
    },
  ];
  const applicationOfPackage = new Map<string, number>();
  applications.forEach((application, index) => {
    for (const member of memberPackages(application.deployedApplication.values.version)) {
      applicationOfPackage.set(member.id, index);
    }
  });
  for (const member of memberPackages(specification.previousDeployedApplication?.values.version)) {
    if (!applicationOfPackage.has(member.id)) applicationOfPackage.set(member.id, 0);
  }
  const levels = dependencyLevels(applications);
  const groups = groupBy(input.deltas, (delta) => applicationOfPackage.get(packageOf(delta)) ?? 0);
  return [...groups.entries()]
    .sort(([a], [b]) => levels[a] - levels[b] || a - b)
    .map(([index, deltas]) => ({ application: applications[index], level: levels[index], deltas }));
}

function dependencyLevels(applications: readonly DeltaApplication[]): number[] {
  const index = new Map(applications.map((application, i) => [application.application, i]));
  const levels: number[] = new Array(applications.length).fill(-1);
  const levelOf = (i: number, depth: number): number => {
    if (levels[i] >= 0) return levels[i];
    // Cycles are reported by the specification; the depth guard only keeps this finite.
    if (depth > applications.length) return 0;
    const dependencies = applications[i].dependsOn
      .map((id) => index.get(id))
      .filter((j): j is number => j !== undefined);
    levels[i] = dependencies.length === 0 ? 0 : 1 + Math.max(...dependencies.map((j) => levelOf(j, depth + 1)));
    return levels[i];
  };
  for (let i = 0; i < applications.length; i++) levelOf(i, 0);
  return levels;
}

function applicationOfVersion(version: CiValue | undefined): string {
  return isConfigurationItem(version) ? parentId(version.id) : "";
}

/** At the top: "Deploying Db 1.0 on environment Dev"; inside a group: "<group> application Db 1.0". */
function describeApplication(input: OrchestrationInput, application: DeltaApplication): string {
  const deployedApplication = application.deployedApplication;
  const version = deployedApplication.values.version;
  const title = `${deployedApplication.name}${isConfigurationItem(version) ? ` ${version.name}` : ""}`;
  if (input.description !== describeSpecification(input.specification)) {
    return describeGroup(input, `application ${title}`);
  }
  const verb = deploymentTitle(input.specification).split(" ")[0];
  return `${verb} ${title} on environment ${environmentName(input.specification)}`;
}

/** One block per application, dependencies first (reverse topological order). */
const sequentialByDependency: Orchestrator = {
  name: "sequential-by-dependency",
  orchestrate(input) {
    if (input.deltas.length === 0) return { kind: "interleaved", description: input.description, deltas: [] };
    const groups = inDeploymentOrder(input, byApplication(input), "serial");
    return {
      kind: "serial",
      description: input.description,
      blocks: groups.map((group) => ({
        kind: "interleaved",
        description: describeApplication(input, group.application),
        deltas: group.deltas,
      })),
    };
  },
};

/** Serial over dependency levels, the applications of one level in parallel. */
const parallelByDependency: Orchestrator = {
  name: "parallel-by-dependency",
  orchestrate(input) {
    if (input.deltas.length === 0) return { kind: "interleaved", description: input.description, deltas: [] };
    const levels = groupBy(byApplication(input), (group) => group.level);
    const ordered = inDeploymentOrder(input, [...levels.entries()], "serial");
    return {
      kind: "serial",
      description: input.description,
      blocks: ordered.map(([level, groups]) => ({
        kind: "parallel",
        description: describeGroup(input, `dependency level ${level + 1}`),
        blocks: groups.map((group) => ({
          kind: "interleaved",
          description: describeApplication(input, group.application),
          deltas: group.deltas,
        })),
      })),
    };
  },
};
