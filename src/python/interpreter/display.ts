import type { DisplayValue } from "../api.js";
import { displayValue as displayPythonValue } from "../values/display.js";
import type { PyValue } from "../values/model.js";
import { PyOpaque } from "./host-values.js";

/** A result as the `eval` command shows it; interpreter-only objects show their Python type and repr. */
export function displayValue(value: PyValue): DisplayValue {
  if (value instanceof PyOpaque) return { type: value.pyTypeName, repr: value.repr, json: value.repr };
  return displayPythonValue(value);
}
