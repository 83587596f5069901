import type { SourceLocation } from "../diagnostics/diagnostic.js";

/** Property kinds of synthetic.xml, in its own spelling (`kind="set_of_ci"` → "set_of_ci"). */
export type PropertyKind =
  | "string"
  | "boolean"
  | "integer"
  | "enum"
  | "ci"
  | "set_of_ci"
  | "list_of_ci"
  | "set_of_string"
  | "list_of_string"
  | "map_string_string"
  | "date";

export interface PropertyDescriptor {
  name: string;
  kind: PropertyKind;
  /** The type that declared (or last modified) this property. */
  declaringType: string;
  required: boolean;
  /** Already converted to the kind (integer → number, boolean → boolean, sets/lists → string[]). */
  defaultValue?: unknown;
  hidden: boolean;
  password: boolean;
  transient: boolean;
  asContainment: boolean;
  inspectionProperty: boolean;
  category: string;
  label?: string;
  description?: string;
  size?: "default" | "small" | "medium" | "large";
  /** For ci, set_of_ci, list_of_ci. */
  referencedType?: string;
  /** For enum. */
  enumValues?: string[];
  location?: SourceLocation;
}

export interface TypeDefinition {
  name: string;
  /** Undefined only for the roots of the hierarchy. */
  superType?: string;
  interfaces: string[];
  virtual: boolean;
  description?: string;
  /** Repository root for CIs of this type: Infrastructure, Environments, Applications, Configuration. */
  root?: string;
  /** For deployed types: the deployable type they are made from (inherited from the supertype when not given). */
  deployableType?: string;
  /** For deployed types: the container type they go to (inherited from the supertype when not given). */
  containerType?: string;
  /** For deployable types generated with generate-deployable: the deployed type they came from. */
  generatedFrom?: string;
  /** Own properties (not inherited), in declaration order. */
  ownProperties: PropertyDescriptor[];
  /** Control-task methods and type-level rules, kept as metadata. */
  methods: { name: string; label?: string; description?: string }[];
  /** True for Java interfaces shown as types (udm.Deployable, overthere.HostContainer, ...). */
  interface?: boolean;
  /** `<rule>` validations of the type and of its properties, kept as metadata. */
  validationRules?: ValidationRule[];
  /** Where the type was defined; undefined for built-in types. */
  location?: SourceLocation;
  /** "builtin" or the classpath root it came from (e.g. "ext", "plugins/foo.jar"). */
  source: string;
}

export interface ValidationRule {
  /** The rule's `type` attribute, e.g. "regex". */
  type: string;
  /** Set when the rule sits inside a `<property>`. */
  property?: string;
  /** Every other attribute (pattern, message, ...). */
  attributes: Record<string, string>;
  location?: SourceLocation;
}

/** A `<type-modification>`: properties and methods added to (or replacing those of) an existing type. */
export interface TypeModification {
  type: string;
  properties: PropertyDescriptor[];
  methods: TypeDefinition["methods"];
  validationRules: ValidationRule[];
  location?: SourceLocation;
  source: string;
}

/**
 * A `<generate-deployable>`: a deployable type whose properties are copied from the deployed type
 * once every type is known (except hidden and CI-kind properties).
 */
export interface DeployableGeneration {
  type: string;
  superType: string;
  deployedType: string;
  copyDefaultValues: boolean;
  virtual: boolean;
  description?: string;
  location?: SourceLocation;
  source: string;
}

/** The registered types. Read-only after loading; lookups are O(1) or O(depth). */
export interface TypeRegistry {
  get(name: string): TypeDefinition | undefined;
  has(name: string): boolean;
  all(): TypeDefinition[];
  /** True when `name` is `ancestor`, extends it (transitively) or implements it as an interface. */
  isSubtypeOf(name: string, ancestor: string): boolean;
  /** `name`, its supertypes and interfaces, most specific first. */
  ancestors(name: string): string[];
  /** All properties including inherited ones, a subtype's definition winning. */
  properties(name: string): PropertyDescriptor[];
  property(name: string, propertyName: string): PropertyDescriptor | undefined;
  /** Concrete types that are `name` or a subtype of it. */
  concreteSubtypes(name: string): string[];
  /**
   * The most specific non-virtual deployed types whose deployable-type and container-type
   * accept the given deployable and container types. More than one means ambiguous.
   */
  deployedTypesFor(deployableType: string, containerType: string): string[];
  /** Repository root of the type (its own `root`, else the nearest ancestor's): Infrastructure, ... */
  rootOf(name: string): string | undefined;
}
