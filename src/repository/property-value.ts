import { isMap, isScalar, isSeq, type Node, type Scalar } from "yaml";
import type { PropertyDescriptor } from "../types/model.js";
import type { CiValue } from "./model.js";

/** A reference by id, resolved once every file is read. */
export interface IdReference {
  id: string;
  node: Scalar;
}

/** What a YAML value converts to: a value, references to resolve, or why it is the wrong kind. */
export type ConvertedValue =
  | { kind: "value"; value: CiValue }
  | { kind: "references"; references: IdReference[]; many: boolean }
  | { kind: "unset" }
  | { kind: "wrong"; problem: string; node: Node }
  | { kind: "enum"; value: string; node: Node };

const expectations: Record<PropertyDescriptor["kind"], string> = {
  string: "a string",
  boolean: "true or false",
  integer: "a whole number, e.g. `8080`",
  enum: "one of the enum's values",
  date: "an ISO 8601 date, e.g. `2024-05-01T12:00:00Z`",
  ci: "the full id of a configuration item, e.g. `Infrastructure/web-1`",
  set_of_ci: "a list of configuration item ids",
  list_of_ci: "a list of configuration item ids",
  set_of_string: "a list of strings, e.g. `[a, b]`",
  list_of_string: "a list of strings, e.g. `[a, b]`",
  map_string_string: "a mapping of strings, e.g. `{ key: value }`",
};

export function expectationFor(kind: PropertyDescriptor["kind"]): string {
  return expectations[kind];
}

/**
 * Converts a YAML node to a property's kind. Plain scalars keep their source text where the
 * kind is textual, so `version: 1.0` stays "1.0". A null value (`key:` or `~`) means unset.
 * CI-kind values become references; nested mappings in CI lists are handled by the reader.
 */
export function convertPropertyValue(descriptor: PropertyDescriptor, node: Node): ConvertedValue {
  if (isScalar(node) && node.value === null) return { kind: "unset" };
  const wrong = (problem: string, at: Node = node): ConvertedValue => ({ kind: "wrong", problem, node: at });
  switch (descriptor.kind) {
    case "string": {
      const text = scalarText(node);
      return text === undefined ? wrong(`got ${describeNode(node)}`) : { kind: "value", value: text };
    }
    case "integer": {
      if (isScalar(node) && typeof node.value === "number" && Number.isInteger(node.value))
        return { kind: "value", value: node.value };
      const text = scalarText(node);
      if (text !== undefined && /^[+-]?\d+$/.test(text.trim())) return { kind: "value", value: Number(text.trim()) };
      return wrong(text === undefined ? `got ${describeNode(node)}` : `'${text}' is not a whole number`);
    }
    case "boolean": {
      if (isScalar(node) && typeof node.value === "boolean") return { kind: "value", value: node.value };
      const text = scalarText(node)?.trim().toLowerCase();
      if (text === "true" || text === "false") return { kind: "value", value: text === "true" };
      return wrong(text === undefined ? `got ${describeNode(node)}` : `'${scalarText(node)}' is not true or false`);
    }
    case "enum": {
      const text = scalarText(node);
      if (text === undefined) return wrong(`got ${describeNode(node)}`);
      if (descriptor.enumValues && descriptor.enumValues.length > 0 && !descriptor.enumValues.includes(text))
        return { kind: "enum", value: text, node };
      return { kind: "value", value: text };
    }
    case "date": {
      const text = scalarText(node);
      if (text === undefined) return wrong(`got ${describeNode(node)}`);
      if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(Date.parse(text)))
        return wrong(`'${text}' is not an ISO 8601 date`);
      return { kind: "value", value: text };
    }
    case "set_of_string":
    case "list_of_string": {
      if (!isSeq(node)) return wrong(`got ${describeNode(node)}`);
      const items: string[] = [];
      for (const item of node.items) {
        const text = scalarText(item as Node);
        if (text === undefined) return wrong(`an item is ${describeNode(item as Node)}`, item as Node);
        items.push(text);
      }
      return { kind: "value", value: descriptor.kind === "set_of_string" ? [...new Set(items)] : items };
    }
    case "map_string_string": {
      if (!isMap(node)) return wrong(`got ${describeNode(node)}`);
      const map: Record<string, string> = {};
      for (const pair of node.items) {
        const key = scalarText(pair.key as Node);
        const value = pair.value === null ? "" : scalarText(pair.value as Node);
        if (key === undefined || value === undefined) return wrong("its keys and values must be strings");
        map[key] = value;
      }
      return { kind: "value", value: map };
    }
    case "ci": {
      const id = scalarText(node);
      if (id === undefined || !isScalar(node)) return wrong(`got ${describeNode(node)}`);
      return { kind: "references", references: [{ id, node }], many: false };
    }
    case "set_of_ci":
    case "list_of_ci": {
      if (!isSeq(node)) return wrong(`got ${describeNode(node)}`);
      const references: IdReference[] = [];
      for (const item of node.items) {
        const id = scalarText(item as Node);
        if (id === undefined || !isScalar(item)) return wrong(`an item is ${describeNode(item as Node)}`, item as Node);
        references.push({ id, node: item });
      }
      return { kind: "references", references, many: true };
    }
  }
}

/** The text of a scalar (source text for plain scalars, so `1.0` stays "1.0"), else undefined. */
export function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null) return "";
  if (typeof node.value === "string") return node.value;
  if (node.type === "PLAIN" && typeof node.source === "string") return node.source;
  return String(node.value);
}

export function describeNode(node: Node | null | undefined): string {
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) return `'${scalarText(node)}'`;
  return "nothing";
}
