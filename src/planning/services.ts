import { type HostObject, hostObject } from "../python/host-object.js";
import { type ConfigurationItem, isConfigurationItem, type Repository } from "../repository/model.js";
import type { PropertyDescriptor, TypeDefinition, TypeRegistry } from "../types/model.js";
import { PlanningFailure } from "./planning-failure.js";

/** The services of the manual's binding table that planning has no use for at all. */
export const unavailableServices = [
  "controlService",
  "deploymentService",
  "inspectionService",
  "packageService",
  "permissionService",
  "roleService",
  "serverService",
  "taskService",
  "taskBlockService",
  "userService",
] as const;

/**
 * The service bindings (manual, "Define behavior"): `repositoryService` reads the home's
 * repository, `metadataService` describes types; every other call raises an exception naming
 * the service and the method, because planning cannot serve it.
 */
export function serviceBindings(repository: Repository, types: TypeRegistry): Record<string, HostObject> {
  const bindings: Record<string, HostObject> = {
    repositoryService: new RepositoryService(repository, "repositoryService", "RepositoryService"),
    metadataService: new MetadataService(types),
  };
  for (const name of unavailableServices) bindings[name] = new UnavailableService(name);
  return bindings;
}

/** `context.repository` / `context.getRepository()`: the same reads. */
export function readOnlyRepository(repository: Repository): HostObject {
  return new RepositoryService(repository, "repository", "ReadOnlyRepository");
}

class UnavailableService implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName: string;

  constructor(private readonly name: string) {
    this.pyTypeName = name[0]!.toUpperCase() + name.slice(1);
  }

  pyGetAttr(method: string): unknown {
    if (method.startsWith("__")) return undefined;
    return () => {
      throw notDuringPlanning(this.name, method);
    };
  }
}

function notDuringPlanning(service: string, method: string): PlanningFailure {
  return new PlanningFailure(
    `${service}.${method} is not available during planning: Planwright plans from the home directory only`,
    "UnsupportedOperationException",
  );
}

const repositoryWrites = new Set(["create", "update", "delete", "deleteList", "move", "rename", "copy", "validate"]);

class RepositoryService implements HostObject {
  readonly [hostObject] = true as const;

  constructor(
    private readonly repository: Repository,
    private readonly name: string,
    readonly pyTypeName: string,
  ) {}

  pyGetAttr(method: string): unknown {
    switch (method) {
      case "read":
        return (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => this.read(id)) : this.read(ids));
      case "exists":
        return (id: unknown) => this.repository.exists(idOf(id));
      case "search":
        return (type: unknown, parent?: unknown) => this.query(type, parent, undefined, undefined);
      case "query":
        return (type: unknown, parent?: unknown, ancestor?: unknown, namePattern?: unknown) =>
          this.query(type, parent, ancestor, namePattern);
      default:
        if (repositoryWrites.has(method)) {
          return () => {
            throw notDuringPlanning(this.name, method);
          };
        }
        return undefined;
    }
  }

  private read(id: unknown): ConfigurationItem {
    const found = this.repository.get(idOf(id));
    if (!found) throw new PlanningFailure(`Repository entity ${idOf(id)} not found`, "NotFoundException");
    return found;
  }

  /** RepositoryService.query(type, parent, ancestor, namePattern, …): filters that are given apply. */
  private query(type: unknown, parent: unknown, ancestor: unknown, namePattern: unknown): ConfigurationItem[] {
    let found = isNone(type) ? this.repository.all() : this.repository.findByType(nameOf(type));
    if (!isNone(parent)) {
      const prefix = `${idOf(parent)}/`;
      found = found.filter((ci) => ci.id.startsWith(prefix) && !ci.id.slice(prefix.length).includes("/"));
    }
    if (!isNone(ancestor)) {
      const prefix = `${idOf(ancestor)}/`;
      found = found.filter((ci) => ci.id.startsWith(prefix));
    }
    if (!isNone(namePattern)) {
      // XL Deploy's name pattern is SQL LIKE: % any run, _ one character.
      const pattern = String(namePattern)
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replaceAll("%", ".*")
        .replaceAll("_", ".");
      const regex = new RegExp(`^${pattern}$`);
      found = found.filter((ci) => regex.test(ci.name));
    }
    return found;
  }
}

class MetadataService implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName = "MetadataService";

  constructor(private readonly types: TypeRegistry) {}

  pyGetAttr(method: string): unknown {
    switch (method) {
      case "findDescriptor":
        return (type: unknown) => {
          const definition = this.types.get(nameOf(type));
          if (!definition) throw new PlanningFailure(`Unknown type ${nameOf(type)}`, "IllegalArgumentException");
          return new Descriptor(definition, this.types);
        };
      case "listDescriptors":
        return () => this.types.all().map((definition) => new Descriptor(definition, this.types));
      default:
        return undefined;
    }
  }
}

/** A type descriptor as XL Deploy's `Descriptor` presents it to scripts. */
class Descriptor implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName = "Descriptor";

  constructor(
    private readonly definition: TypeDefinition,
    private readonly types: TypeRegistry,
  ) {}

  pyGetAttr(name: string): unknown {
    const definition = this.definition;
    const properties = () => this.types.properties(definition.name).map((p) => new PropertyDescriptorObject(p));
    switch (name) {
      case "type":
        return definition.name;
      case "getType":
        return () => definition.name;
      case "propertyDescriptors":
        return properties();
      case "getPropertyDescriptors":
        return properties;
      case "getPropertyDescriptor":
        return (property: unknown) => {
          const found = this.types.property(definition.name, String(property));
          return found ? new PropertyDescriptorObject(found) : null;
        };
      case "isVirtual":
        return () => definition.virtual;
      case "getDescription":
        return () => definition.description ?? "";
      case "getDeployableType":
        return () => definition.deployableType ?? null;
      case "getContainerType":
        return () => definition.containerType ?? null;
      case "getSuperTypes":
        return () => this.types.ancestors(definition.name).slice(1);
      case "isAssignableTo":
        return (type: unknown) => this.types.isSubtypeOf(definition.name, nameOf(type));
      default:
        return undefined;
    }
  }
}

/** A property descriptor as XL Deploy's `PropertyDescriptor` presents it to scripts. */
class PropertyDescriptorObject implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName = "PropertyDescriptor";

  constructor(private readonly property: PropertyDescriptor) {}

  pyGetAttr(name: string): unknown {
    const p = this.property;
    const getters: Record<string, () => unknown> = {
      getName: () => p.name,
      // PropertyKind constants are upper case: SET_OF_CI, MAP_STRING_STRING.
      getKind: () => p.kind.toUpperCase(),
      isHidden: () => p.hidden,
      isPassword: () => p.password,
      isRequired: () => p.required,
      isTransient: () => p.transient,
      isAsContainment: () => p.asContainment,
      getDefault: () => p.defaultValue ?? null,
      getDefaultValue: () => p.defaultValue ?? null,
      getDescription: () => p.description ?? "",
      getLabel: () => p.label ?? p.name,
      getCategory: () => p.category,
      getReferencedType: () => p.referencedType ?? null,
      getEnumValues: () => p.enumValues ?? [],
    };
    if (name === "name") return p.name;
    if (name === "kind") return p.kind.toUpperCase();
    if (name === "get") {
      return (ci: unknown) => (isConfigurationItem(ci) ? (ci.values[p.name] ?? p.defaultValue ?? null) : null);
    }
    if (name === "set") {
      return (ci: unknown, value: unknown) => {
        if (!isConfigurationItem(ci)) throw new PlanningFailure("PropertyDescriptor.set expects a CI", "TypeError");
        ci.values[p.name] = value as ConfigurationItem["values"][string];
      };
    }
    return getters[name];
  }
}

function isNone(value: unknown): boolean {
  return value === null || value === undefined;
}

/** An id given as a string or as a CI. */
function idOf(value: unknown): string {
  return isConfigurationItem(value) ? value.id : String(value);
}

/** A type or enum constant given as a string or as a Java value (`Type.valueOf(...)`, `Operation.DESTROY`): its name. */
export function nameOf(value: unknown): string {
  if (typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string") {
    return (value as { name: string }).name;
  }
  return String(value);
}
