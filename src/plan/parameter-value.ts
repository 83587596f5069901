import { isConfigurationItem } from "../repository/model.js";
import type { SecretMask } from "./secret-mask.js";

/**
 * A step parameter as plain JSON (DESIGN §2.4): CIs become their id, maps objects, sets and
 * lists arrays, dates ISO 8601, strings pass through the secret mask; anything else is shown
 * as its text (a Python object as its repr).
 */
export function parameterJson(value: unknown, mask: SecretMask): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return mask.apply(value);
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "boolean":
      return value;
    case "bigint":
      return value.toString();
    case "object":
      break;
    default:
      return String(value);
  }
  if (isConfigurationItem(value)) return value.id;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) || value instanceof Set) return [...value].map((item) => parameterJson(item, mask));
  if (value instanceof Map) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of value) result[String(key)] = parameterJson(item, mask);
    return result;
  }
  if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = parameterJson(item, mask);
    return result;
  }
  return mask.apply(String(value));
}
