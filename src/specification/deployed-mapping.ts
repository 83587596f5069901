import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type CiValue, type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import type { PropertyDescriptor } from "../types/model.js";
import { type DictionaryScope, type EnvironmentDictionaries, hasPlaceholder } from "./dictionaries.js";
import type { SpecificationContext } from "./model.js";
import { ciList, convertToKind, isCiKind, isScalarKind, isUnset } from "./property-values.js";
import { tagsMatch } from "./tags.js";

/** Properties every deployed gets from the mapping itself, never copied. */
const mappingProperties = new Set(["id", "name", "type", "deployable", "container"]);

/** How one deployed property gets its value, computed once per deployed type. */
interface PropertyPlan {
  descriptor: PropertyDescriptor;
  /** `<deployed type>.<property>`: the dictionary key consulted when the deployable gives nothing. */
  dictionaryKey: string;
}

interface DeployedTypePlan {
  properties: PropertyPlan[];
  /** as-containment set/list of CI properties: where embedded deployeds go. */
  containments: PropertyDescriptor[];
}

/**
 * Turns (deployable, container) pairs into deployeds (reference §6.3 and §3.4): picks the most
 * specific deployed type, checks tags, copies property values, fills defaults, resolves
 * dictionary placeholders and maps embedded deployables to embedded deployeds.
 */
export class DeployedMapper {
  private readonly pairs = new Map<string, string[]>();
  private readonly plans = new Map<string, DeployedTypePlan>();
  private readonly reportedAmbiguities = new Set<string>();
  private readonly tags = new Map<ConfigurationItem, string[]>();
  private lastScope?: { containerId: string; applicationId: string; scope: DictionaryScope };

  constructor(
    private readonly context: SpecificationContext,
    private readonly dictionaries: EnvironmentDictionaries,
    private readonly report: (diagnostic: Diagnostic) => void,
    /** Previous deployeds by id: the last fallback for a property without default (reference §3.4 step 2). */
    private readonly previous: ReadonlyMap<string, ConfigurationItem> = new Map(),
  ) {}

  /** The deployed for `deployable` on `container`, or undefined when they do not pair. */
  map(
    deployable: ConfigurationItem,
    container: ConfigurationItem,
    applicationId: string,
  ): ConfigurationItem | undefined {
    if (!tagsMatch(this.tagsOf(deployable), this.tagsOf(container))) return undefined;
    const type = this.deployedType(deployable, container);
    if (!type) return undefined;
    const scope = this.scopeFor(container.id, applicationId);
    return this.build(type, `${container.id}/${deployable.name}`, deployable, container, scope);
  }

  private scopeFor(containerId: string, applicationId: string): DictionaryScope {
    const last = this.lastScope;
    if (last && last.containerId === containerId && last.applicationId === applicationId) return last.scope;
    const scope = this.dictionaries.scope(containerId, applicationId);
    this.lastScope = { containerId, applicationId, scope };
    return scope;
  }

  private tagsOf(ci: ConfigurationItem): string[] {
    let tags = this.tags.get(ci);
    if (!tags) {
      tags = stringList(ci.values.tags);
      this.tags.set(ci, tags);
    }
    return tags;
  }

  private deployedType(deployable: ConfigurationItem, container: ConfigurationItem): string | undefined {
    const key = `${deployable.type}\u0000${container.type}`;
    let candidates = this.pairs.get(key);
    if (!candidates) {
      candidates = this.context.types.deployedTypesFor(deployable.type, container.type);
      this.pairs.set(key, candidates);
    }
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) {
      const reportKey = `${deployable.id}\u0000${container.id}`;
      if (!this.reportedAmbiguities.has(reportKey)) {
        this.reportedAmbiguities.add(reportKey);
        this.report(
          diagnostic(
            "PW7010",
            {
              deployable: deployable.id,
              deployableType: deployable.type,
              container: container.id,
              containerType: container.type,
              candidates: [...candidates].sort().join(", "),
            },
            deployable.location ?? {},
          ),
        );
      }
    }
    return undefined;
  }

  private build(
    type: string,
    id: string,
    deployable: ConfigurationItem,
    container: ConfigurationItem,
    scope: DictionaryScope,
  ): ConfigurationItem {
    const plan = this.plan(type);
    const previous = this.previous.get(id);
    const values: Record<string, CiValue> = { deployable, container };
    const deployed: ConfigurationItem = { id, name: deployable.name, type, values };
    if (deployable.artifact) deployed.artifact = deployable.artifact;
    if (deployable.location) deployed.location = deployable.location;
    for (const property of plan.properties) {
      const value = this.propertyValue(property, deployable, deployed, scope, previous);
      if (value !== undefined) values[property.descriptor.name] = value;
    }
    if (plan.containments.length > 0) this.mapEmbedded(deployed, deployable, plan, scope);
    return deployed;
  }

  private propertyValue(
    property: PropertyPlan,
    deployable: ConfigurationItem,
    deployed: ConfigurationItem,
    scope: DictionaryScope,
    previous: ConfigurationItem | undefined,
  ): CiValue | undefined {
    const { descriptor } = property;
    const given = deployable.values[descriptor.name];
    if (!isUnset(given)) return this.settle(given, descriptor, deployed, scope, deployable);
    const entry = scope.lookup(property.dictionaryKey, descriptor.password);
    if (entry !== undefined) return this.settle(entry, descriptor, deployed, scope, deployable);
    if (descriptor.defaultValue !== undefined) {
      return this.settle(descriptor.defaultValue as CiValue, descriptor, deployed, scope, deployable);
    }
    return previous?.values[descriptor.name];
  }

  /** Resolves placeholders and converts to the property's kind, reporting what cannot be done. */
  private settle(
    raw: CiValue,
    descriptor: PropertyDescriptor,
    deployed: ConfigurationItem,
    scope: DictionaryScope,
    deployable: ConfigurationItem,
  ): CiValue | undefined {
    let value: CiValue = raw;
    if (typeof raw === "string" && hasPlaceholder(raw)) {
      const resolution = scope.resolve(raw, descriptor.password);
      if (resolution.missing.length > 0 && isScalarKind(descriptor.kind)) {
        const code = descriptor.required ? "PW7011" : "PW7012";
        this.report(
          diagnostic(
            code,
            { property: descriptor.name, deployed: deployed.id, placeholder: `{{${resolution.missing[0]}}}` },
            deployable.location ?? {},
          ),
        );
        return descriptor.kind === "string" ? "" : undefined;
      }
      value = resolution.value;
    } else if (Array.isArray(raw)) {
      // Collections keep unresolved placeholders as written (reference §3.5).
      value = (raw as (string | ConfigurationItem)[]).map((item) =>
        typeof item === "string" && hasPlaceholder(item) ? scope.resolve(item, descriptor.password).value : item,
      ) as CiValue;
    } else if (typeof raw === "object" && !isConfigurationItem(raw)) {
      const resolved: Record<string, string> = {};
      for (const [key, text] of Object.entries(raw as Record<string, string>)) {
        resolved[key] = hasPlaceholder(text) ? scope.resolve(text, descriptor.password).value : text;
      }
      value = resolved;
    }
    const converted = convertToKind(value, descriptor);
    if ("invalid" in converted) {
      this.report(
        diagnostic(
          "PW7013",
          { property: descriptor.name, deployed: deployed.id, value: String(value), kind: descriptor.kind },
          deployable.location ?? {},
        ),
      );
      return undefined;
    }
    return converted.value;
  }

  private mapEmbedded(
    parent: ConfigurationItem,
    deployable: ConfigurationItem,
    plan: DeployedTypePlan,
    scope: DictionaryScope,
  ): void {
    for (const embedded of this.embeddedDeployables(deployable)) {
      const type = this.deployedType(embedded, parent);
      if (!type) continue;
      const containment = plan.containments.find(
        (property) => !property.referencedType || this.context.types.isSubtypeOf(type, property.referencedType),
      );
      if (!containment) continue;
      const child = this.build(type, `${parent.id}/${embedded.name}`, embedded, parent, scope);
      const list = parent.values[containment.name];
      parent.values[containment.name] = Array.isArray(list) ? [...(list as ConfigurationItem[]), child] : [child];
    }
  }

  /** Embedded deployables: the deployable's containment properties, then its children in the repository. */
  private embeddedDeployables(deployable: ConfigurationItem): ConfigurationItem[] {
    const found = new Map<string, ConfigurationItem>();
    for (const property of this.context.types.properties(deployable.type)) {
      if (!property.asContainment || !isCiKind(property.kind)) continue;
      for (const item of ciList(deployable.values[property.name])) found.set(item.id, item);
    }
    for (const child of this.context.repository.children(deployable.id)) {
      if (isEmbeddedDeployable(this.context, child.type)) found.set(child.id, child);
    }
    return [...found.values()];
  }

  private plan(type: string): DeployedTypePlan {
    let plan = this.plans.get(type);
    if (!plan) {
      const properties: PropertyPlan[] = [];
      const containments: PropertyDescriptor[] = [];
      for (const descriptor of this.context.types.properties(type)) {
        if (mappingProperties.has(descriptor.name)) continue;
        if (isCiKind(descriptor.kind)) {
          if (descriptor.asContainment && descriptor.kind !== "ci") containments.push(descriptor);
          continue;
        }
        properties.push({ descriptor, dictionaryKey: `${type}.${descriptor.name}` });
      }
      plan = { properties, containments };
      this.plans.set(type, plan);
    }
    return plan;
  }
}

function isEmbeddedDeployable(context: SpecificationContext, type: string): boolean {
  return (
    context.types.isSubtypeOf(type, "udm.EmbeddedDeployable") ||
    context.types.isSubtypeOf(type, "udm.BaseEmbeddedDeployable")
  );
}

function stringList(value: CiValue | undefined): string[] {
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? item : item.id));
  if (typeof value === "string" && value !== "") return [value];
  return [];
}
