import { type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import type { TypeRegistry } from "../types/model.js";

/** A deployed's container, when it has one. */
export function containerOf(deployed: ConfigurationItem): ConfigurationItem | undefined {
  const container = deployed.values.container;
  return isConfigurationItem(container) ? container : undefined;
}

/**
 * The host a container's scripts run on: the container itself when it is an overthere.Host,
 * else its `host`, else (a generic.NestedContainer) the host of the parent that its
 * containment property names — each subtype declares its own (generic-plugins.md §8.2).
 */
export function hostOf(ci: ConfigurationItem, types: TypeRegistry, depth = 0): ConfigurationItem | undefined {
  if (types.isSubtypeOf(ci.type, "overthere.Host")) return ci;
  if (depth > 8) return undefined;
  const host = ci.values.host;
  if (isConfigurationItem(host)) return hostOf(host, types, depth + 1);
  for (const property of types.properties(ci.type)) {
    if (!property.asContainment || property.kind !== "ci") continue;
    const parent = ci.values[property.name];
    if (isConfigurationItem(parent)) return hostOf(parent, types, depth + 1);
  }
  return undefined;
}

/** "<verb> <name> on <container name>" (generic-plugins.md §0.6). */
export function describeOnContainer(verb: string, name: string, deployed: ConfigurationItem): string {
  const container = containerOf(deployed);
  return container ? `${verb} ${name} on ${container.name}` : `${verb} ${name}`;
}

/** Joins a directory and a file name with the host's separator (`\` on Windows hosts). */
export function hostPath(host: ConfigurationItem | undefined, directory: string, name: string): string {
  const separator = host?.values.os === "WINDOWS" ? "\\" : "/";
  if (directory === "") return name;
  return directory.endsWith("/") || directory.endsWith("\\")
    ? `${directory}${name}`
    : `${directory}${separator}${name}`;
}

/** The file name of an artifact: its content's name on disk, else the CI's name. */
export function artifactFileName(ci: ConfigurationItem): string {
  const location = ci.artifact?.path;
  if (!location) return ci.name;
  const parts = location.split(/[\\/]/).filter((part) => part !== "");
  return parts.at(-1) ?? ci.name;
}
