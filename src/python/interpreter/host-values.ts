import type { Delta } from "../../delta/model.js";
import { JavaName, PyDict, PyFloat, PyLong, PySet, PyStr, PyTuple } from "../values/model.js";

/**
 * `Checkpoint(delta, name, operation)` built by a planning script
 * (com.xebialabs.deployit.plugin.api.deployment.planning.Checkpoint); the planner gives it
 * meaning through `context.addCheckpoint(step, checkpoint)`.
 */
export class PythonCheckpoint {
  constructor(
    readonly delta: Delta | null,
    readonly name: string | null,
    readonly operation: string | null,
  ) {}
}

/** A Python object with no JS counterpart (a function, a class instance, ...): its type name and repr. */
export class PyOpaque {
  constructor(
    readonly pyTypeName: string,
    readonly repr: string,
  ) {}

  toString(): string {
    return this.repr;
  }
}

/**
 * Value model (../values/model.ts) → the plain JS forms the planner works with (api.ts):
 * str/unicode → string, int/long/float → number, tuple → array, dict → Map, set → Set,
 * `ci.type`/`Operation` → their name. CIs, deltas, host objects and checkpoints stay as they are.
 */
export function toApiValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (value instanceof PyStr) return value.value;
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyLong) return Number(value.value);
  if (value instanceof JavaName) return value.name;
  if (Array.isArray(value)) return value.map(toApiValue);
  if (value instanceof PyTuple) return value.items.map(toApiValue);
  if (value instanceof PyDict) return new Map(value.items().map(([key, item]) => [toApiValue(key), toApiValue(item)]));
  if (value instanceof PySet) return new Set(value.values().map(toApiValue));
  return value;
}
