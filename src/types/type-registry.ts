import { diagnostic } from "../diagnostics/catalogue.js";
import { type Diagnostic, formatLocation, type SourceLocation } from "../diagnostics/diagnostic.js";
import type {
  DeployableGeneration,
  PropertyDescriptor,
  PropertyKind,
  TypeDefinition,
  TypeModification,
  TypeRegistry,
} from "./model.js";

const ciKinds: ReadonlySet<PropertyKind> = new Set(["ci", "set_of_ci", "list_of_ci"]);

/** Kinds a generated deployable keeps; every other kind becomes a string that may hold placeholders. */
const keptKindsOnDeployables: ReadonlySet<PropertyKind> = new Set([
  "string",
  "set_of_string",
  "list_of_string",
  "map_string_string",
]);

/**
 * Collects type definitions, type modifications and generated deployables in any order (a type
 * may extend one added later), then `resolve()`s them into a registry. Definitions added first
 * win over later duplicates, so add the built-in types first.
 */
export class TypeRegistryBuilder {
  private readonly definitions: TypeDefinition[] = [];
  private readonly modifications: TypeModification[] = [];
  private readonly generations: DeployableGeneration[] = [];

  addType(definition: TypeDefinition): void {
    this.definitions.push(definition);
  }

  addModification(modification: TypeModification): void {
    this.modifications.push(modification);
  }

  addGeneratedDeployable(generation: DeployableGeneration): void {
    this.generations.push(generation);
  }

  resolve(): { registry: TypeRegistry; diagnostics: Diagnostic[] } {
    const diagnostics: Diagnostic[] = [];
    const types = new Map<string, TypeDefinition>();
    const generated = new Map<string, DeployableGeneration>();

    const register = (definition: TypeDefinition): boolean => {
      const first = types.get(definition.name);
      if (first) {
        diagnostics.push(
          diagnostic(
            "PW2004",
            { type: definition.name, first: describeLocation(first) },
            definition.location ?? { file: definition.source },
          ),
        );
        return false;
      }
      types.set(definition.name, copyDefinition(definition));
      return true;
    };
    for (const definition of this.definitions) register(definition);
    for (const generation of this.generations) {
      const definition: TypeDefinition = {
        name: generation.type,
        superType: generation.superType,
        interfaces: [],
        virtual: generation.virtual,
        generatedFrom: generation.deployedType,
        ownProperties: [],
        methods: [],
        source: generation.source,
      };
      if (generation.description !== undefined) definition.description = generation.description;
      if (generation.location) definition.location = generation.location;
      if (register(definition)) generated.set(generation.type, generation);
    }

    checkSuperTypes(types, diagnostics);

    // Modifications of generated deployables wait until their copied properties exist.
    const pendingModifications: TypeModification[] = [];
    for (const modification of this.modifications) {
      const target = types.get(modification.type);
      if (!target) {
        diagnostics.push(
          diagnostic("PW2005", { type: modification.type }, modification.location ?? { file: modification.source }),
        );
      } else if (generated.has(modification.type)) {
        pendingModifications.push(modification);
      } else {
        applyModification(target, modification);
      }
    }

    const materialised = new Set<string>();
    const materialise = (name: string, visiting: Set<string>): void => {
      const generation = generated.get(name);
      if (!generation || materialised.has(name) || visiting.has(name)) return;
      visiting.add(name);
      const target = types.get(name)!;
      // A generated supertype must have its properties before this one can skip them.
      for (const ancestor of superChain(types, target.superType)) materialise(ancestor, visiting);
      const deployed = types.get(generation.deployedType);
      if (deployed && !deployed.deployableType) deployed.deployableType = name;
      if (deployed && !isDeployedClass(types, deployed.name)) {
        diagnostics.push(
          diagnostic("PW2019", { type: deployed.name }, generation.location ?? { file: generation.source }),
        );
      }
      const inherited = new Set(collectProperties(types, target.superType).map((p) => p.name));
      const copied: PropertyDescriptor[] = [];
      for (const property of collectProperties(types, generation.deployedType)) {
        if (property.hidden || ciKinds.has(property.kind) || inherited.has(property.name)) continue;
        if (property.name === "deployable" || property.name === "container") continue;
        copied.push(deployableCopy(property, name, generation.copyDefaultValues));
      }
      target.ownProperties = copied;
      materialised.add(name);
    };
    for (const name of generated.keys()) materialise(name, new Set());
    for (const modification of pendingModifications) applyModification(types.get(modification.type)!, modification);

    inheritDeployedPairs(types);
    checkReferences(types, diagnostics);
    checkRedeclaredKinds(types, diagnostics);
    return { registry: new ResolvedTypeRegistry(types), diagnostics };
  }
}

/** The registry after `resolve()`: immutable definitions, lazily filled caches. */
class ResolvedTypeRegistry implements TypeRegistry {
  private readonly ancestorCache = new Map<string, string[]>();
  private readonly ancestorSetCache = new Map<string, ReadonlySet<string>>();
  private readonly propertyCache = new Map<string, PropertyDescriptor[]>();
  private readonly propertyIndexCache = new Map<string, Map<string, PropertyDescriptor>>();
  private readonly concreteSubtypeCache = new Map<string, string[]>();
  private readonly deployedTypeCache = new Map<string, string[]>();
  private deployedCandidates?: TypeDefinition[];
  private sortedTypes?: TypeDefinition[];

  constructor(private readonly types: ReadonlyMap<string, TypeDefinition>) {}

  get(name: string): TypeDefinition | undefined {
    return this.types.get(name);
  }

  has(name: string): boolean {
    return this.types.has(name);
  }

  all(): TypeDefinition[] {
    this.sortedTypes ??= [...this.types.values()].sort((a, b) => compareNames(a.name, b.name));
    return [...this.sortedTypes];
  }

  isSubtypeOf(name: string, ancestor: string): boolean {
    if (name === ancestor) return true;
    let set = this.ancestorSetCache.get(name);
    if (!set) {
      set = new Set(this.ancestors(name));
      this.ancestorSetCache.set(name, set);
    }
    return set.has(ancestor);
  }

  ancestors(name: string): string[] {
    const cached = this.ancestorCache.get(name);
    if (cached) return cached;
    const result: string[] = [];
    if (this.types.has(name)) {
      // The class chain first (most specific first), then the interfaces of each class in that order.
      const chain = superChain(this.types, name);
      const seen = new Set(chain);
      result.push(...chain);
      const queue = chain.flatMap((type) => this.types.get(type)?.interfaces ?? []);
      while (queue.length > 0) {
        const next = queue.shift()!;
        if (seen.has(next) || !this.types.has(next)) continue;
        seen.add(next);
        result.push(next);
        queue.push(...superChain(this.types, next).slice(1), ...(this.types.get(next)?.interfaces ?? []));
      }
    }
    this.ancestorCache.set(name, result);
    return result;
  }

  properties(name: string): PropertyDescriptor[] {
    let cached = this.propertyCache.get(name);
    if (!cached) {
      cached = collectProperties(this.types, name);
      this.propertyCache.set(name, cached);
    }
    return cached;
  }

  property(name: string, propertyName: string): PropertyDescriptor | undefined {
    let index = this.propertyIndexCache.get(name);
    if (!index) {
      index = new Map(this.properties(name).map((p) => [p.name, p]));
      this.propertyIndexCache.set(name, index);
    }
    return index.get(propertyName);
  }

  concreteSubtypes(name: string): string[] {
    let cached = this.concreteSubtypeCache.get(name);
    if (!cached) {
      cached = this.all()
        .filter((t) => !t.virtual && !t.interface && this.isSubtypeOf(t.name, name))
        .map((t) => t.name);
      this.concreteSubtypeCache.set(name, cached);
    }
    return cached;
  }

  deployedTypesFor(deployableType: string, containerType: string): string[] {
    const key = `${deployableType}\u0000${containerType}`;
    const cached = this.deployedTypeCache.get(key);
    if (cached) return cached;
    this.deployedCandidates ??= this.all().filter(
      (t) => !t.virtual && !t.interface && t.deployableType !== undefined && t.containerType !== undefined,
    );
    const fitting = this.deployedCandidates.filter(
      (t) => this.isSubtypeOf(deployableType, t.deployableType!) && this.isSubtypeOf(containerType, t.containerType!),
    );
    const result = fitting
      .filter((t) => !fitting.some((other) => other !== t && this.dominates(other, t)))
      .map((t) => t.name);
    this.deployedTypeCache.set(key, result);
    return result;
  }

  rootOf(name: string): string | undefined {
    for (const ancestor of this.ancestors(name)) {
      const root = this.types.get(ancestor)?.root;
      if (root) return root;
    }
    return undefined;
  }

  /** `a` is more specific than `b`: its pair is narrower, or the pair is equal and `a` extends `b`. */
  private dominates(a: TypeDefinition, b: TypeDefinition): boolean {
    const narrower =
      this.isSubtypeOf(a.deployableType!, b.deployableType!) && this.isSubtypeOf(a.containerType!, b.containerType!);
    if (!narrower) return false;
    const samePair = a.deployableType === b.deployableType && a.containerType === b.containerType;
    return !samePair || this.isSubtypeOf(a.name, b.name);
  }
}

/** `name` and its superclasses, most specific first; stops at unknown types and at cycles. */
function superChain(types: ReadonlyMap<string, TypeDefinition>, name: string | undefined): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current = name;
  while (current !== undefined && !seen.has(current)) {
    const definition = types.get(current);
    if (!definition) break;
    seen.add(current);
    chain.push(current);
    current = definition.superType;
  }
  return chain;
}

/** False only when the whole class chain is known and reaches no deployed base class. */
function isDeployedClass(types: ReadonlyMap<string, TypeDefinition>, name: string): boolean {
  const chain = superChain(types, name);
  const top = types.get(chain[chain.length - 1]!)!;
  if (top.superType !== undefined) return true;
  return chain.includes("udm.BaseDeployed") || chain.includes("udm.BaseEmbeddedDeployed");
}

/** Inherited properties first (in declaration order); a redeclaration replaces its ancestor's in place. */
function collectProperties(types: ReadonlyMap<string, TypeDefinition>, name: string | undefined): PropertyDescriptor[] {
  const chain = superChain(types, name).reverse();
  const result: PropertyDescriptor[] = [];
  const positions = new Map<string, number>();
  for (const type of chain) {
    for (const property of types.get(type)!.ownProperties) {
      const position = positions.get(property.name);
      if (position === undefined) {
        positions.set(property.name, result.length);
        result.push(property);
      } else {
        result[position] = property;
      }
    }
  }
  return result;
}

function checkSuperTypes(types: Map<string, TypeDefinition>, diagnostics: Diagnostic[]): void {
  const state = new Map<string, "visiting" | "done">();
  for (const definition of types.values()) {
    if (definition.superType !== undefined && !types.has(definition.superType)) {
      diagnostics.push(
        diagnostic(
          "PW2002",
          { type: definition.name, superType: definition.superType },
          definition.location ?? { file: definition.source },
        ),
      );
    }
  }
  for (const start of types.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && types.has(current) && !state.has(current)) {
      state.set(current, "visiting");
      path.push(current);
      current = types.get(current)!.superType;
    }
    if (current !== undefined && state.get(current) === "visiting") {
      const cycle = path.slice(path.indexOf(current));
      const text = [...cycle, current].join(" → ");
      for (const member of cycle) {
        const definition = types.get(member)!;
        diagnostics.push(
          diagnostic("PW2003", { type: member, cycle: text }, definition.location ?? { file: definition.source }),
        );
      }
      // Cut the cycle so every later walk terminates; the members keep their own properties.
      for (const member of cycle) types.get(member)!.superType = undefined;
    }
    for (const member of path) state.set(member, "done");
  }
}

function applyModification(target: TypeDefinition, modification: TypeModification): void {
  for (const property of modification.properties) {
    const index = target.ownProperties.findIndex((p) => p.name === property.name);
    const placed = { ...property, declaringType: target.name };
    if (index >= 0) target.ownProperties[index] = placed;
    else target.ownProperties.push(placed);
  }
  target.methods.push(...modification.methods);
  if (modification.validationRules.length > 0) {
    target.validationRules = [...(target.validationRules ?? []), ...modification.validationRules];
  }
}

/** A deployed's property as its generated deployable carries it (XL Deploy: strings, never required). */
function deployableCopy(property: PropertyDescriptor, declaringType: string, copyDefault: boolean): PropertyDescriptor {
  const kind = keptKindsOnDeployables.has(property.kind) ? property.kind : "string";
  const copy: PropertyDescriptor = {
    ...property,
    kind,
    declaringType,
    required: false,
    asContainment: false,
  };
  delete copy.defaultValue;
  delete copy.enumValues;
  delete copy.referencedType;
  if (kind !== property.kind) {
    copy.description = `${property.description ?? property.label ?? property.name} (${property.kind})`;
  }
  if (copyDefault && property.defaultValue !== undefined) {
    copy.defaultValue = kind === property.kind ? property.defaultValue : String(property.defaultValue);
  }
  return copy;
}

/** A deployed type without its own deployable-type or container-type takes its supertype's. */
function inheritDeployedPairs(types: Map<string, TypeDefinition>): void {
  const done = new Set<string>();
  const visit = (definition: TypeDefinition): void => {
    if (done.has(definition.name)) return;
    done.add(definition.name);
    const parent = definition.superType !== undefined ? types.get(definition.superType) : undefined;
    if (!parent) return;
    visit(parent);
    definition.deployableType ??= parent.deployableType;
    definition.containerType ??= parent.containerType;
  };
  for (const definition of types.values()) visit(definition);
}

function checkReferences(types: Map<string, TypeDefinition>, diagnostics: Diagnostic[]): void {
  for (const definition of types.values()) {
    const at = definition.location ?? { file: definition.source };
    for (const [attribute, referenced] of [
      ["deployable-type", definition.deployableType],
      ["container-type", definition.containerType],
    ] as const) {
      // Only report where the attribute is written, not on every subtype inheriting it.
      const parent = definition.superType !== undefined ? types.get(definition.superType) : undefined;
      const inherited =
        parent !== undefined &&
        referenced === (attribute === "deployable-type" ? parent.deployableType : parent.containerType);
      if (referenced !== undefined && !inherited && !types.has(referenced)) {
        diagnostics.push(diagnostic("PW2009", { attribute, type: definition.name, referenced }, at));
      }
    }
    for (const property of definition.ownProperties) {
      if (property.referencedType !== undefined && !types.has(property.referencedType)) {
        diagnostics.push(
          diagnostic(
            "PW2010",
            { property: property.name, type: definition.name, referenced: property.referencedType },
            property.location ?? at,
          ),
        );
      }
    }
  }
}

/** Redeclaring an inherited property without repeating its kind silently turns it into a string. */
function checkRedeclaredKinds(types: Map<string, TypeDefinition>, diagnostics: Diagnostic[]): void {
  for (const definition of types.values()) {
    if (definition.generatedFrom !== undefined || definition.superType === undefined) continue;
    const inherited = new Map(collectProperties(types, definition.superType).map((p) => [p.name, p]));
    for (const property of definition.ownProperties) {
      const original = inherited.get(property.name);
      if (!original || original.kind === property.kind || property.kind !== "string") continue;
      diagnostics.push(
        diagnostic(
          "PW2016",
          {
            property: property.name,
            type: definition.name,
            inheritedKind: original.kind,
            declaringType: original.declaringType,
            kind: property.kind,
          },
          property.location ?? definition.location ?? { file: definition.source },
        ),
      );
    }
  }
}

function copyDefinition(definition: TypeDefinition): TypeDefinition {
  return {
    ...definition,
    interfaces: [...definition.interfaces],
    ownProperties: [...definition.ownProperties],
    methods: [...definition.methods],
  };
}

function describeLocation(definition: TypeDefinition): string {
  const location: SourceLocation | undefined = definition.location;
  if (!location) return definition.source === "builtin" ? "(built-in type)" : definition.source;
  return formatLocation(location);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
