import type { Delta } from "../../delta/model.js";

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
