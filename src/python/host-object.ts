/**
 * How JS objects other than CIs, deltas and plain data appear to Python (rule bindings
 * such as `context`, `steps`, `logger` and the services). Attribute reads call
 * `pyGetAttr`; a returned function is callable from Python with positional arguments
 * and, when keywords are used, one trailing `PyKeywords` object.
 */
export const hostObject: unique symbol = Symbol.for("planwright.hostObject");

export interface HostObject {
  readonly [hostObject]: true;
  /** Python type name shown in reprs and errors (`DeploymentPlanningContext`). */
  readonly pyTypeName: string;
  /** Returns undefined when there is no such attribute (→ AttributeError). */
  pyGetAttr(name: string): unknown;
  pySetAttr?(name: string, value: unknown): void;
}

/** Keyword arguments of a Python call, passed as the last argument. */
export class PyKeywords {
  constructor(readonly values: Record<string, unknown>) {}
}

export function isHostObject(value: unknown): value is HostObject {
  return typeof value === "object" && value !== null && (value as HostObject)[hostObject] === true;
}
