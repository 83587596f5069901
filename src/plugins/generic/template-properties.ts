import { type CiValue, type ConfigurationItem, isConfigurationItem } from "../../repository/model.js";
import type { TypeRegistry } from "../../types/model.js";
import { unsetPropertyValue } from "../../types/unset-property-value.js";
import { renderFreemarkerText, unknownValue } from "./freemarker-text.js";

/** What resolving a property needs beyond the CI: the types, and what was injected into deployeds. */
export interface TemplateScope {
  types: TypeRegistry;
  /** `deployed.deployedApplication` (injected into generic deployeds before planning, §0.4). */
  deployedApplication?: ConfigurationItem;
}

/** Nested properties that are templates themselves resolve too; this bounds self-references. */
const maximumDepth = 8;

/** A property's value; when the CI does not hold one, what it reads as unset (its default, false for a boolean). */
export function propertyValue(ci: ConfigurationItem, name: string, scope: TemplateScope): CiValue | undefined {
  const value = ci.values[name];
  if (value !== undefined) return value;
  return unsetPropertyValue(scope.types.property(ci.type, name)) as CiValue | undefined;
}

/**
 * A string property as the generic plugin reads it (generic-plugins.md §0.2): generic
 * deployeds resolve against `{deployed}`, generic containers against `{container}`; other
 * CIs' values are plain text. The FreeMarker subset of freemarker/ is resolved now; text that
 * needs more, or values known only at execution time, is kept as written (freemarker-text.ts).
 * Undefined when unset; a value that resolves to blank stays blank.
 */
export function templateText(ci: ConfigurationItem, name: string, scope: TemplateScope): string | undefined {
  const value = renderedProperty(ci, name, scope, 0);
  if (value === unknownValue) return propertyValue(ci, name, scope) as string;
  if (value === undefined || typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

/** The property's value with a string rendered as a template; `unknownValue` when that cannot be done now. */
function renderedProperty(
  ci: ConfigurationItem,
  name: string,
  scope: TemplateScope,
  depth: number,
): CiValue | undefined | typeof unknownValue {
  const value = propertyValue(ci, name, scope);
  if (typeof value !== "string") return value;
  const root = templateRoot(ci, scope.types);
  if (!root) return value;
  if (depth >= maximumDepth) return unknownValue;
  return renderFreemarkerText(value, (path) => lookup(root, path, scope, depth + 1)) ?? unknownValue;
}

function templateRoot(ci: ConfigurationItem, types: TypeRegistry): Record<string, unknown> | undefined {
  if (types.isSubtypeOf(ci.type, "generic.BaseGenericContainer")) return { container: ci };
  if (types.isSubtypeOf(ci.type, "generic.AbstractDeployed")) return { deployed: ci };
  return undefined;
}

/**
 * A data-model path for FreeMarker (freemarker-text.ts `FreemarkerLookup`): missing
 * (undefined) for a declared property without value or default and for absent map keys;
 * `unknownValue` for what only execution knows — other root variables, undeclared properties
 * (the real model may expose more), uploaded `file`s, passwords, dates — and for nested
 * templates that cannot be rendered now. Sets of strings are JS Sets: their order is unknown.
 */
function lookup(root: Record<string, unknown>, path: string[], scope: TemplateScope, depth: number): unknown {
  if (!Object.hasOwn(root, path[0]!)) return unknownValue;
  let current: unknown = root[path[0]!];
  for (let i = 1; i < path.length && current !== undefined && current !== null; i++) {
    const segment = path[i]!;
    if (isConfigurationItem(current)) current = ciMember(current, segment, scope, depth);
    else if (typeof current === "object" && !Array.isArray(current))
      current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
    else return unknownValue;
    if (current === unknownValue) return unknownValue;
  }
  return current;
}

function ciMember(ci: ConfigurationItem, segment: string, scope: TemplateScope, depth: number): unknown {
  if (segment === "name" || segment === "id" || segment === "type") return ci[segment];
  if (segment === "deployedApplication" && ci.values.deployedApplication === undefined)
    return scope.deployedApplication ?? unknownValue;
  if (segment === "file") return unknownValue;
  const descriptor = scope.types.property(ci.type, segment);
  if (ci.values[segment] === undefined && !descriptor) return unknownValue;
  // Secrets stay out of the plan; dates print by the server's format.
  if (descriptor?.password || descriptor?.kind === "date") return unknownValue;
  const value = renderedProperty(ci, segment, scope, depth);
  // A set's iteration order on the server is not its order here.
  return descriptor?.kind === "set_of_string" && Array.isArray(value) ? new Set<unknown>(value) : value;
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
