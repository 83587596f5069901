import { isConfigurationItem } from "../../repository/model.js";
import type { DisplayValue } from "../api.js";
import { JavaName, PyDict, PyFloat, PyLong, PySet, PyStr, PyTuple, type PyValue, pythonTypeName } from "./model.js";
import { repr, str } from "./text.js";

/** A Python value as the `eval` command shows it (DESIGN §2.3, api.ts `DisplayValue`). */
export function displayValue(value: PyValue): DisplayValue {
  return { type: pythonTypeName(value), repr: repr(value), json: jsonOf(value) };
}

/** JSON form: strings, numbers, booleans, null; list/tuple/set as arrays; dict as an object; a CI as its id. */
function jsonOf(value: PyValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "number") return value;
  if (value instanceof PyStr) return value.value;
  if (value instanceof PyFloat) return Number.isFinite(value.value) ? value.value : repr(value);
  if (value instanceof PyLong) {
    const asNumber = Number(value.value);
    return Number.isSafeInteger(asNumber) ? asNumber : value.value.toString();
  }
  if (Array.isArray(value)) return value.map(jsonOf);
  if (value instanceof PyTuple) return value.items.map(jsonOf);
  if (value instanceof PySet) return value.values().map(jsonOf);
  if (value instanceof PyDict) {
    const object: Record<string, unknown> = {};
    for (const [key, item] of value.items()) object[str(key)] = jsonOf(item);
    return object;
  }
  if (value instanceof JavaName) return value.name;
  if (isConfigurationItem(value)) return value.id;
  return repr(value);
}
