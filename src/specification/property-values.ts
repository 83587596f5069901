import { type CiValue, type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import type { PropertyDescriptor } from "../types/model.js";

/** Scalar kinds: an unresolved placeholder empties them (reference §3.5). */
export function isScalarKind(kind: PropertyDescriptor["kind"]): boolean {
  return kind === "string" || kind === "integer" || kind === "boolean" || kind === "enum" || kind === "date";
}

export function isCiKind(kind: PropertyDescriptor["kind"]): boolean {
  return kind === "ci" || kind === "set_of_ci" || kind === "list_of_ci";
}

/** A value that counts as "not set": absent, empty string, empty collection. */
export function isUnset(value: CiValue | undefined): boolean {
  if (value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object" && !isConfigurationItem(value)) return Object.keys(value).length === 0;
  return false;
}

/** The CIs of a ci or CI-list value; empty for anything else. */
export function ciList(value: CiValue | undefined): ConfigurationItem[] {
  if (Array.isArray(value)) return value.filter(isConfigurationItem);
  return isConfigurationItem(value) ? [value] : [];
}

/** A map_string_string value; an empty map for anything else. */
export function stringMap(value: CiValue | undefined): Record<string, string> {
  if (value && typeof value === "object" && !Array.isArray(value) && !isConfigurationItem(value)) {
    return value as Record<string, string>;
  }
  return {};
}

/**
 * Converts a deployable's (or dictionary's) value to the deployed property's kind. Deployable
 * properties for non-string deployed properties are strings so they can hold placeholders
 * (reference §6.2), hence the parsing. `{ invalid: true }` when the value does not fit.
 */
export function convertToKind(
  value: CiValue,
  descriptor: PropertyDescriptor,
): { value: CiValue | undefined } | { invalid: true } {
  switch (descriptor.kind) {
    case "string":
    case "date":
      return scalarText(value);
    case "enum": {
      const text = scalarText(value);
      if ("invalid" in text || text.value === undefined) return text;
      const allowed = descriptor.enumValues;
      return allowed && allowed.length > 0 && !allowed.includes(text.value as string) ? { invalid: true } : text;
    }
    case "integer": {
      if (typeof value === "number") return Number.isInteger(value) ? { value } : { invalid: true };
      if (typeof value !== "string") return { invalid: true };
      const trimmed = value.trim();
      if (trimmed === "") return { value: undefined };
      return /^[-+]?\d+$/.test(trimmed) ? { value: Number.parseInt(trimmed, 10) } : { invalid: true };
    }
    case "boolean": {
      if (typeof value === "boolean") return { value };
      if (typeof value !== "string") return { invalid: true };
      const lower = value.trim().toLowerCase();
      if (lower === "") return { value: undefined };
      if (lower === "true") return { value: true };
      if (lower === "false") return { value: false };
      return { invalid: true };
    }
    case "set_of_string":
    case "list_of_string": {
      if (Array.isArray(value)) return { value: value.map((item) => (typeof item === "string" ? item : item.id)) };
      if (typeof value === "string") {
        const items = value
          .split(",")
          .map((item) => item.trim())
          .filter((item) => item !== "");
        return { value: items };
      }
      return { invalid: true };
    }
    case "map_string_string":
      return typeof value === "object" && !Array.isArray(value) && !isConfigurationItem(value)
        ? { value }
        : { invalid: true };
    default:
      return { value };
  }
}

function scalarText(value: CiValue): { value: CiValue | undefined } | { invalid: true } {
  if (typeof value === "string") return { value };
  if (typeof value === "number" || typeof value === "boolean") return { value: String(value) };
  return { invalid: true };
}
