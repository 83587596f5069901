import { type HostObject, hostObject } from "../python/host-object.js";
import type { Step } from "../steps/model.js";

/**
 * A step made by `steps.<name>(...)` in a planning script, before the script adds it with
 * `context.addStep`. Java steps are beans, so scripts read `getDescription()` /
 * `description` (the corpus de-duplicates steps by description).
 */
export class ScriptStep implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName = "Step";

  constructor(readonly step: Step) {}

  pyGetAttr(name: string): unknown {
    switch (name) {
      case "description":
        return this.step.description;
      case "order":
        return this.step.order;
      case "getDescription":
        return () => this.step.description;
      case "getOrder":
        return () => this.step.order;
      case "type":
      case "name":
        return this.step.type;
      case "getName":
        return () => this.step.type;
      default:
        return undefined;
    }
  }
}

export function isScriptStep(value: unknown): value is ScriptStep {
  return value instanceof ScriptStep;
}
