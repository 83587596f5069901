import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic, SourceLocation } from "../diagnostics/diagnostic.js";
import { childrenNamed, parseXml, type XmlElement } from "../xml/xml-document.js";
import type {
  DeployableGeneration,
  PropertyDescriptor,
  PropertyKind,
  TypeDefinition,
  TypeModification,
  ValidationRule,
} from "./model.js";

/** What one synthetic.xml contributes, before any cross-file resolution. */
export interface SyntheticContent {
  types: TypeDefinition[];
  modifications: TypeModification[];
  generations: DeployableGeneration[];
  diagnostics: Diagnostic[];
}

export interface SyntheticResource {
  text: string;
  /** How diagnostics name the file, e.g. `ext/synthetic.xml`, `plugins/x.jar!/synthetic.xml`. */
  displayPath: string;
  /** The classpath root it came from; defaults to the display path. */
  source?: string;
}

export interface SyntheticReadOptions {
  /**
   * Planwright's own rules for the built-in type files only: `interface="true"` on a `<type>`
   * (a Java interface), `implements="a b"`, and `extends` may be left out (roots, interfaces).
   */
  builtin?: boolean;
}

const propertyKinds: ReadonlySet<string> = new Set<PropertyKind>([
  "string",
  "boolean",
  "integer",
  "enum",
  "ci",
  "set_of_ci",
  "list_of_ci",
  "set_of_string",
  "list_of_string",
  "map_string_string",
  "date",
]);

const typeAttributes = [
  "type",
  "extends",
  "virtual",
  "deployable-type",
  "container-type",
  "description",
  "root",
  "label",
  "inspectable",
];
const builtinTypeAttributes = [...typeAttributes, "interface", "implements"];
const propertyAttributes = [
  "name",
  "kind",
  "required",
  "default",
  "hidden",
  "password",
  "transient",
  "category",
  "label",
  "description",
  "size",
  "referenced-type",
  "as-containment",
  "inspectionProperty",
  "enum-class",
  "candidate-values-filter",
  "nested",
  "readonly",
];
const generateAttributes = ["type", "extends", "description", "copy-default-values", "virtual"];
const sizes = new Set(["default", "small", "medium", "large"]);
/** `root` is written in several cases in real files (INFRASTRUCTURE, Infrastructure, infrastructure). */
const roots: Record<string, string> = {
  infrastructure: "Infrastructure",
  environments: "Environments",
  applications: "Applications",
  configuration: "Configuration",
};

/** Reads one synthetic.xml. Never throws: problems come back as diagnostics, valid parts are kept. */
export function readSyntheticXml(
  text: string,
  displayPath: string,
  source = displayPath,
  options: SyntheticReadOptions = {},
): SyntheticContent {
  const content: SyntheticContent = { types: [], modifications: [], generations: [], diagnostics: [] };
  const parsed = parseXml(text, displayPath);
  content.diagnostics.push(...parsed.diagnostics);
  const root = parsed.root;
  if (!root) return content;
  const reader = new SyntheticReader(displayPath, source, options, content);
  if (root.name !== "synthetic") {
    content.diagnostics.push(diagnostic("PW2011", { element: root.name }, reader.at(root)));
    return content;
  }
  for (const child of root.children) {
    if (child.name === "type") reader.readType(child);
    else if (child.name === "type-modification") reader.readModification(child);
    else reader.unexpected(child, "synthetic", "Only <type> and <type-modification> belong at the top level.");
  }
  return content;
}

class SyntheticReader {
  constructor(
    private readonly file: string,
    private readonly source: string,
    private readonly options: SyntheticReadOptions,
    private readonly content: SyntheticContent,
  ) {}

  at(element: XmlElement): SourceLocation {
    return { file: this.file, line: element.line, column: element.column };
  }

  unexpected(element: XmlElement, parent: string, expected: string): void {
    this.report("PW2012", { element: element.name, parent, expected }, element);
  }

  readType(element: XmlElement): void {
    this.checkAttributes(element, this.options.builtin ? builtinTypeAttributes : typeAttributes);
    const name = this.required(element, "type");
    const isInterface = this.options.builtin === true && this.flag(element, "interface");
    // Built-in roots of the hierarchy and interfaces have no supertype.
    const superType = this.options.builtin ? element.attributes.extends?.value : this.required(element, "extends");
    if (name === undefined || (!this.options.builtin && superType === undefined)) return;
    const definition: TypeDefinition = {
      name,
      interfaces: this.options.builtin ? words(element.attributes.implements?.value) : [],
      virtual: isInterface || this.flag(element, "virtual"),
      ownProperties: [],
      methods: [],
      source: this.source,
    };
    if (!this.options.builtin) definition.location = this.at(element);
    if (superType !== undefined) definition.superType = superType;
    if (isInterface) definition.interface = true;
    const description = element.attributes.description?.value;
    if (description !== undefined) definition.description = description;
    const root = element.attributes.root?.value;
    if (root !== undefined) definition.root = roots[root.toLowerCase()] ?? root;
    const deployableType = element.attributes["deployable-type"]?.value;
    if (deployableType) definition.deployableType = deployableType;
    const containerType = element.attributes["container-type"]?.value;
    if (containerType) definition.containerType = containerType;

    const rules: ValidationRule[] = [];
    for (const child of element.children) {
      if (child.name === "property") this.addProperty(definition.ownProperties, child, name, rules);
      else if (child.name === "method") definition.methods.push(this.method(child));
      else if (child.name === "rule") rules.push(this.rule(child));
      else if (child.name === "generate-deployable") this.readGeneration(child, name);
      else if (child.name !== "icon") {
        this.unexpected(
          child,
          "type",
          "A <type> holds <property>, <method>, <rule>, <generate-deployable> and <icon>.",
        );
      }
    }
    if (rules.length > 0) definition.validationRules = rules;
    this.content.types.push(definition);
  }

  readModification(element: XmlElement): void {
    this.checkAttributes(element, ["type"]);
    const name = this.required(element, "type");
    if (name === undefined) return;
    const modification: TypeModification = {
      type: name,
      properties: [],
      methods: [],
      validationRules: [],
      location: this.at(element),
      source: this.source,
    };
    for (const child of element.children) {
      if (child.name === "property")
        this.addProperty(modification.properties, child, name, modification.validationRules);
      else if (child.name === "method") modification.methods.push(this.method(child));
      else if (child.name === "rule") modification.validationRules.push(this.rule(child));
      else this.unexpected(child, "type-modification", "A <type-modification> holds <property>, <method> and <rule>.");
    }
    this.content.modifications.push(modification);
  }

  private readGeneration(element: XmlElement, deployedType: string): void {
    this.checkAttributes(element, generateAttributes);
    const name = this.required(element, "type");
    const superType = this.required(element, "extends");
    if (name === undefined || superType === undefined) return;
    const generation: DeployableGeneration = {
      type: name,
      superType,
      deployedType,
      copyDefaultValues: this.flag(element, "copy-default-values"),
      virtual: this.flag(element, "virtual"),
      location: this.at(element),
      source: this.source,
    };
    const description = element.attributes.description?.value;
    if (description !== undefined) generation.description = description;
    this.content.generations.push(generation);
  }

  private addProperty(target: PropertyDescriptor[], element: XmlElement, type: string, rules: ValidationRule[]): void {
    const property = this.property(element, type, rules);
    if (!property) return;
    const index = target.findIndex((p) => p.name === property.name);
    if (index >= 0) target[index] = property;
    else target.push(property);
  }

  private property(element: XmlElement, type: string, rules: ValidationRule[]): PropertyDescriptor | undefined {
    this.checkAttributes(element, propertyAttributes);
    const name = this.required(element, "name");
    if (name === undefined) return undefined;
    const attributes = element.attributes;
    const kind = attributes.kind?.value ?? "string";
    if (!propertyKinds.has(kind)) {
      this.report("PW2001", { kind, property: name, type }, element);
      return undefined;
    }
    const property: PropertyDescriptor = {
      name,
      kind: kind as PropertyKind,
      declaringType: type,
      required: attributes.required === undefined ? true : this.flag(element, "required"),
      hidden: this.flag(element, "hidden"),
      password: this.flag(element, "password"),
      transient: this.flag(element, "transient"),
      asContainment: this.flag(element, "as-containment"),
      inspectionProperty: this.flag(element, "inspectionProperty"),
      category: attributes.category?.value ?? "Common",
    };
    if (!this.options.builtin) property.location = this.at(element);
    if (attributes.label) property.label = attributes.label.value;
    if (attributes.description) property.description = attributes.description.value;
    if (attributes["referenced-type"]) property.referencedType = attributes["referenced-type"].value;
    const size = attributes.size?.value;
    if (size !== undefined) {
      if (sizes.has(size)) property.size = size as NonNullable<PropertyDescriptor["size"]>;
      else this.report("PW2017", { value: size, property: name }, element);
    }

    for (const child of element.children) {
      if (child.name === "enum-values") {
        property.enumValues = childrenNamed(child, "value").map((v) => v.text.trim());
      } else if (child.name === "rule") {
        rules.push(this.rule(child, name));
      } else {
        this.unexpected(child, "property", "A <property> holds <enum-values> and <rule>.");
      }
    }
    if (property.kind === "enum" && property.enumValues === undefined && attributes["enum-class"] === undefined) {
      this.report("PW2015", { property: name, type }, element);
    }
    const defaultText = attributes.default?.value;
    if (defaultText !== undefined) {
      const value = this.convertDefault(defaultText, property, type, element);
      if (value !== undefined) property.defaultValue = value;
    }
    return property;
  }

  /** The default in the property's kind; undefined (with a diagnostic) when it does not fit. */
  private convertDefault(text: string, property: PropertyDescriptor, type: string, element: XmlElement): unknown {
    const args = { value: text, property: property.name, type, kind: property.kind };
    // An empty default means "no default" except for strings, where it is the empty string.
    if (text.trim() === "" && property.kind !== "string") return undefined;
    switch (property.kind) {
      case "boolean": {
        const lower = text.trim().toLowerCase();
        if (lower === "true" || lower === "false") return lower === "true";
        this.report("PW2007", { ...args, expected: 'A boolean default is "true" or "false".' }, element);
        return undefined;
      }
      case "integer":
        if (/^\s*[+-]?\d+\s*$/.test(text)) return Number.parseInt(text, 10);
        this.report("PW2007", { ...args, expected: "An integer default is a whole number such as 50." }, element);
        return undefined;
      case "enum":
        if (property.enumValues && !property.enumValues.includes(text)) {
          this.report("PW2008", { ...args, values: property.enumValues.join(", ") }, element);
          return undefined;
        }
        return text;
      case "set_of_string":
      case "list_of_string":
        return text
          .split(",")
          .map((part) => part.trim())
          .filter((part) => part !== "");
      case "map_string_string": {
        // XL Deploy's form: `key:value,key2:value2`; a key without `:` maps to the empty string.
        const map: Record<string, string> = {};
        for (const entry of text.split(",")) {
          if (entry.trim() === "") continue;
          const colon = entry.indexOf(":");
          if (colon < 0) map[entry.trim()] = "";
          else map[entry.slice(0, colon).trim()] = entry.slice(colon + 1).trim();
        }
        return map;
      }
      case "ci":
      case "set_of_ci":
      case "list_of_ci":
        this.report("PW2007", { ...args, expected: "CI properties cannot have a default; remove it." }, element);
        return undefined;
      default:
        return text;
    }
  }

  private method(element: XmlElement): TypeDefinition["methods"][number] {
    const name = this.required(element, "name") ?? "";
    const method: TypeDefinition["methods"][number] = { name };
    if (element.attributes.label) method.label = element.attributes.label.value;
    if (element.attributes.description) method.description = element.attributes.description.value;
    return method;
  }

  private rule(element: XmlElement, property?: string): ValidationRule {
    const attributes: Record<string, string> = {};
    for (const [key, attribute] of Object.entries(element.attributes)) {
      if (key !== "type") attributes[key] = attribute.value;
    }
    const rule: ValidationRule = { type: element.attributes.type?.value ?? "", attributes };
    if (property !== undefined) rule.property = property;
    if (!this.options.builtin) rule.location = this.at(element);
    return rule;
  }

  private required(element: XmlElement, attribute: string): string | undefined {
    const value = element.attributes[attribute]?.value;
    if (value === undefined || value.trim() === "") {
      this.report("PW2006", { element: element.name, attribute }, element);
      return undefined;
    }
    return value.trim();
  }

  /** XL Deploy reads booleans like Java's Boolean.parseBoolean: anything but "true" is false. */
  private flag(element: XmlElement, attribute: string): boolean {
    const value = element.attributes[attribute]?.value;
    if (value === undefined) return false;
    const lower = value.trim().toLowerCase();
    if (lower !== "true" && lower !== "false") this.report("PW2014", { attribute, value }, element);
    return lower === "true";
  }

  private checkAttributes(element: XmlElement, known: readonly string[]): void {
    for (const attribute of Object.keys(element.attributes)) {
      if (known.includes(attribute) || attribute === "schemaLocation") continue;
      this.report("PW2013", { attribute, element: element.name, known: known.join(", ") }, element);
    }
  }

  private report(code: string, args: Record<string, string>, element: XmlElement): void {
    this.content.diagnostics.push(diagnostic(code, args, this.at(element)));
  }
}

function words(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(/[\s,]+/).filter((w) => w !== "");
}
