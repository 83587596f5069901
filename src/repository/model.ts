import type { SourceLocation } from "../diagnostics/diagnostic.js";

/**
 * A property value as stored on a CI, already converted to its kind: strings, numbers,
 * booleans, string arrays (set/list of string), string maps, CI objects (ci) and CI arrays
 * (set/list of ci). References point at the CI object itself, so planning code can walk
 * `deployed.container.host` without lookups. Unset properties are absent.
 */
export type CiValue =
  | string
  | number
  | boolean
  | string[]
  | Record<string, string>
  | ConfigurationItem
  | ConfigurationItem[];

export interface ConfigurationItem {
  /** Full id, e.g. `Infrastructure/web-1/tomcat`. */
  id: string;
  /** Last segment of the id. */
  name: string;
  type: string;
  values: Record<string, CiValue>;
  /** For artifacts: the content on disk (absolute path) and its SHA-1 or user-given checksum. */
  artifact?: { path: string; checksum: string };
  /** Where the CI was defined, for diagnostics. */
  location?: SourceLocation;
}

export function isConfigurationItem(value: unknown): value is ConfigurationItem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ConfigurationItem).id === "string" &&
    typeof (value as ConfigurationItem).type === "string" &&
    typeof (value as ConfigurationItem).values === "object"
  );
}

/** Read access to the configuration items of a home (DESIGN §1: `Repository`). */
export interface Repository {
  get(id: string): ConfigurationItem | undefined;
  exists(id: string): boolean;
  /** Direct children, by id prefix, in id order. */
  children(id: string): ConfigurationItem[];
  /** CIs whose type is `type` or a subtype of it, in id order. */
  findByType(type: string): ConfigurationItem[];
  all(): ConfigurationItem[];
}
