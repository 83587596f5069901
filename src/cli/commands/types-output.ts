import { maskedSecret } from "../../plan/secret-mask.js";
import type { PropertyDescriptor, TypeDefinition, TypeRegistry } from "../../types/model.js";
import { textTable } from "../text-table.js";

/** One line per type: name, supertype, markers, where it came from. Sorted by name. */
export function typeListText(registry: TypeRegistry): string {
  const rows = registry.all().map((t) => [t.name, t.superType ?? "", markers(t), definedAt(t)]);
  return textTable([["TYPE", "EXTENDS", "", "DEFINED IN"], ...rows]);
}

export function typeListJson(registry: TypeRegistry): string {
  return JSON.stringify(
    registry.all().map((t) => typeSummary(t)),
    null,
    2,
  );
}

/** A type with everything it inherits: its chain, interfaces, and every property with its declaring type. */
export function typeDescriptionText(registry: TypeRegistry, name: string): string {
  const type = registry.get(name)!;
  const lines: string[] = [`${type.name}${markers(type) ? `  (${markers(type)})` : ""}`];
  const chain = registry.ancestors(name).filter((a) => !registry.get(a)?.interface);
  const interfaces = registry.ancestors(name).filter((a) => registry.get(a)?.interface && a !== name);
  const facts: [string, string | undefined][] = [
    ["description", type.description],
    ["extends", chain.slice(1).join(" → ") || undefined],
    ["implements", interfaces.join(", ") || undefined],
    ["root", registry.rootOf(name)],
    ["deployable-type", type.deployableType],
    ["container-type", type.containerType],
    ["generated from", type.generatedFrom],
    ["defined in", definedAt(type)],
  ];
  for (const [label, value] of facts) if (value) lines.push(`  ${`${label}:`.padEnd(17)}${value}`);

  const properties = registry.properties(name);
  lines.push("", properties.length === 0 ? "No properties." : "Properties:");
  if (properties.length > 0) {
    const rows = properties.map((p) => [
      p.name,
      kindText(p),
      p.required ? "required" : "optional",
      defaultText(p),
      p.declaringType,
      flags(p).join(","),
    ]);
    lines.push(indent(textTable([["NAME", "KIND", "", "DEFAULT", "DECLARED BY", "FLAGS"], ...rows])));
  }
  if (type.methods.length > 0) {
    lines.push("", "Methods:");
    for (const method of type.methods) lines.push(`  ${method.name}${method.label ? `  ${method.label}` : ""}`);
  }
  return lines.join("\n");
}

export function typeDescriptionJson(registry: TypeRegistry, name: string): string {
  const type = registry.get(name)!;
  return JSON.stringify(
    {
      ...typeSummary(type),
      ancestors: registry.ancestors(name),
      root: registry.rootOf(name) ?? null,
      properties: registry.properties(name).map(propertyJson),
      methods: type.methods,
    },
    null,
    2,
  );
}

function typeSummary(type: TypeDefinition) {
  return {
    name: type.name,
    superType: type.superType ?? null,
    interfaces: type.interfaces,
    virtual: type.virtual,
    interface: type.interface === true,
    description: type.description ?? null,
    deployableType: type.deployableType ?? null,
    containerType: type.containerType ?? null,
    generatedFrom: type.generatedFrom ?? null,
    source: type.source,
    file: type.location?.file ?? null,
    line: type.location?.line ?? null,
  };
}

function propertyJson(p: PropertyDescriptor) {
  return {
    name: p.name,
    kind: p.kind,
    required: p.required,
    default: p.defaultValue === undefined ? null : p.password ? maskedSecret : p.defaultValue,
    declaringType: p.declaringType,
    hidden: p.hidden,
    password: p.password,
    transient: p.transient,
    asContainment: p.asContainment,
    inspectionProperty: p.inspectionProperty,
    category: p.category,
    label: p.label ?? null,
    description: p.description ?? null,
    size: p.size ?? null,
    referencedType: p.referencedType ?? null,
    enumValues: p.enumValues ?? null,
  };
}

function markers(type: TypeDefinition): string {
  if (type.interface) return "interface";
  return type.virtual ? "virtual" : "";
}

function definedAt(type: TypeDefinition): string {
  const location = type.location;
  if (!location) return type.source;
  return location.line === undefined ? location.file : `${location.file}:${location.line}`;
}

function kindText(p: PropertyDescriptor): string {
  if (p.referencedType) return `${p.kind}<${p.referencedType}>`;
  if (p.enumValues) return `enum[${p.enumValues.join("|")}]`;
  return p.kind;
}

function defaultText(p: PropertyDescriptor): string {
  const value = p.defaultValue;
  if (value === undefined) return "";
  if (p.password) return maskedSecret;
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "object" && value !== null) {
    return Object.entries(value as Record<string, string>)
      .map(([k, v]) => `${k}:${v}`)
      .join(",");
  }
  return JSON.stringify(value);
}

function flags(p: PropertyDescriptor): string[] {
  const result: string[] = [];
  if (p.hidden) result.push("hidden");
  if (p.password) result.push("password");
  if (p.transient) result.push("transient");
  if (p.asContainment) result.push("containment");
  if (p.inspectionProperty) result.push("inspection");
  return result;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
