import { type CiValue, type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import { isUnset } from "../specification/property-values.js";
import type { PropertyDescriptor, TypeRegistry } from "../types/model.js";

/**
 * Not compared: the deployable reference changes with every version (DESIGN §3), and the
 * `file` path of an artifact differs per version folder — its content counts through the checksum.
 */
const ignoredProperties = new Set(["deployable", "file"]);

/** Pseudo property name reported when an artifact's checksum differs. */
export const checksumProperty = "checksum";

/**
 * Decides what differs between a previous and a new deployed of the same id and type
 * (DESIGN §3): persisted property values (a missing value counts as the type's default),
 * the artifact checksum, and embedded deployeds, compared in depth.
 */
export class DeployedComparison {
  private readonly descriptors = new Map<string, Map<string, PropertyDescriptor>>();

  constructor(private readonly types: TypeRegistry) {}

  /** Sorted names of the properties that differ; empty when the deployeds are equal. */
  changedProperties(previous: ConfigurationItem, next: ConfigurationItem): string[] {
    const changed: string[] = [];
    const descriptors = this.descriptorsOf(next.type);
    for (const name in previous.values) this.compare(name, previous, next, descriptors, changed);
    for (const name in next.values) {
      if (!(name in previous.values)) this.compare(name, previous, next, descriptors, changed);
    }
    if (checksumOf(previous) !== checksumOf(next) && !changed.includes(checksumProperty)) {
      changed.push(checksumProperty);
    }
    return changed.sort();
  }

  private compare(
    name: string,
    previous: ConfigurationItem,
    next: ConfigurationItem,
    descriptors: Map<string, PropertyDescriptor>,
    changed: string[],
  ): void {
    if (ignoredProperties.has(name)) return;
    const descriptor = descriptors.get(name);
    if (descriptor?.transient) return;
    const before = effectiveValue(previous, name, descriptor);
    const after = effectiveValue(next, name, descriptor);
    if (!this.valuesEqual(before, after, descriptor)) changed.push(name);
  }

  private valuesEqual(a: CiValue | undefined, b: CiValue | undefined, descriptor?: PropertyDescriptor): boolean {
    if (a === b) return true;
    if (isUnset(a) || isUnset(b)) return isUnset(a) && isUnset(b);
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      if (descriptor?.asContainment) return this.embeddedEqual(a as ConfigurationItem[], b as ConfigurationItem[]);
      const left = a.map(itemKey);
      const right = b.map(itemKey);
      if (descriptor?.kind === "set_of_string" || descriptor?.kind === "set_of_ci") {
        left.sort();
        right.sort();
      }
      return left.every((item, index) => item === right[index]);
    }
    if (isConfigurationItem(a) || isConfigurationItem(b)) {
      // A single CI is a reference (as-containment on `ci` means the deployed lives under it).
      return isConfigurationItem(a) && isConfigurationItem(b) && a.id === b.id;
    }
    if (typeof a === "object" && typeof b === "object") {
      const left = a as Record<string, string>;
      const right = b as Record<string, string>;
      const keys = Object.keys(left);
      return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
    }
    return a === b;
  }

  /** Embedded deployeds are matched by id; any difference inside one is a change of the parent. */
  private embeddedEqual(a: ConfigurationItem[], b: ConfigurationItem[]): boolean {
    const byId = new Map(b.filter(isConfigurationItem).map((ci) => [ci.id, ci]));
    return a.every((left) => {
      const right = isConfigurationItem(left) ? byId.get(left.id) : undefined;
      return right !== undefined && right.type === left.type && this.changedProperties(left, right).length === 0;
    });
  }

  private descriptorsOf(type: string): Map<string, PropertyDescriptor> {
    let descriptors = this.descriptors.get(type);
    if (!descriptors) {
      descriptors = new Map(this.types.properties(type).map((descriptor) => [descriptor.name, descriptor]));
      this.descriptors.set(type, descriptors);
    }
    return descriptors;
  }
}

function effectiveValue(ci: ConfigurationItem, name: string, descriptor?: PropertyDescriptor): CiValue | undefined {
  const value = ci.values[name];
  return value !== undefined ? value : (descriptor?.defaultValue as CiValue | undefined);
}

/**
 * The artifact checksum: the deployed's own, else its deployable's (a deployed stored in the
 * repository usually names only its deployable).
 */
function checksumOf(ci: ConfigurationItem): string | undefined {
  if (ci.artifact) return ci.artifact.checksum;
  const deployable = ci.values.deployable;
  return isConfigurationItem(deployable) ? deployable.artifact?.checksum : undefined;
}

function itemKey(item: string | ConfigurationItem): string {
  return typeof item === "string" ? item : item.id;
}
