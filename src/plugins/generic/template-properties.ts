import { type CiValue, type ConfigurationItem, isConfigurationItem } from "../../repository/model.js";
import type { TypeRegistry } from "../../types/model.js";
import { resolveFreemarkerText } from "./freemarker-text.js";

/** What resolving a property needs beyond the CI: the types, and what was injected into deployeds. */
export interface TemplateScope {
  types: TypeRegistry;
  /** `deployed.deployedApplication` (injected into generic deployeds before planning, §0.4). */
  deployedApplication?: ConfigurationItem;
}

/** Nested properties that are templates themselves resolve too; this bounds self-references. */
const maximumDepth = 8;

/** A property's value, or the type's default when the CI does not hold one. */
export function propertyValue(ci: ConfigurationItem, name: string, scope: TemplateScope): CiValue | undefined {
  const value = ci.values[name];
  if (value !== undefined) return value;
  return scope.types.property(ci.type, name)?.defaultValue as CiValue | undefined;
}

/**
 * A string property as the generic plugin reads it (generic-plugins.md §0.2): generic
 * deployeds resolve against `{deployed}`, generic containers against `{container}`; other
 * CIs' values are plain text. Simple `${…}` forms are resolved now, the rest is kept as written
 * (freemarker-text.ts). Undefined when unset; a value that resolves to blank stays blank.
 */
export function templateText(ci: ConfigurationItem, name: string, scope: TemplateScope, depth = 0): string | undefined {
  const value = propertyValue(ci, name, scope);
  if (value === undefined) return undefined;
  if (typeof value !== "string")
    return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  const root = templateRoot(ci, scope.types);
  if (!root || depth >= maximumDepth) return value;
  return resolveFreemarkerText(value, (path) => lookup(root, path, scope, depth + 1));
}

function templateRoot(ci: ConfigurationItem, types: TypeRegistry): Record<string, unknown> | undefined {
  if (types.isSubtypeOf(ci.type, "generic.BaseGenericContainer")) return { container: ci };
  if (types.isSubtypeOf(ci.type, "generic.AbstractDeployed")) return { deployed: ci };
  return undefined;
}

function lookup(root: Record<string, unknown>, path: string[], scope: TemplateScope, depth: number): unknown {
  let current: unknown = root[path[0]!];
  for (let i = 1; i < path.length && current !== undefined && current !== null; i++) {
    const segment = path[i]!;
    if (!isConfigurationItem(current)) {
      current =
        typeof current === "object" && !Array.isArray(current)
          ? (current as Record<string, unknown>)[segment]
          : undefined;
      continue;
    }
    const ci: ConfigurationItem = current;
    if (segment === "name" || segment === "id" || segment === "type") current = ci[segment];
    else if (segment === "deployedApplication" && ci.values.deployedApplication === undefined) {
      current = scope.deployedApplication;
    } else {
      const value = propertyValue(ci, segment, scope);
      current = typeof value === "string" ? templateText(ci, segment, scope, depth) : value;
    }
  }
  return current;
}

/** A boolean property (with its default); text "true" counts, as FreeMarker-rendered defaults give text. */
export function flagValue(ci: ConfigurationItem, name: string, scope: TemplateScope): boolean {
  const value = propertyValue(ci, name, scope);
  return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

/** An integer property (with its default), else `fallback`. */
export function integerValue(ci: ConfigurationItem, name: string, scope: TemplateScope, fallback: number): number {
  const value = propertyValue(ci, name, scope);
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return fallback;
}

/** A set or list of strings (with its default), else empty. */
export function stringsValue(ci: ConfigurationItem, name: string, scope: TemplateScope): string[] {
  const value = propertyValue(ci, name, scope);
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? item : item.id));
  if (typeof value === "string" && value.trim() !== "") return value.split(",").map((item) => item.trim());
  return [];
}

/** The text when it is not blank; blank (absent, empty, only spaces) means "no step" for script properties (§0.2). */
export function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === "" ? undefined : text.trim();
}
