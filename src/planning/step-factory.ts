import { type HostObject, hostObject, PyKeywords } from "../python/host-object.js";
import type { StepRegistry } from "../steps/model.js";
import { ScriptStep } from "./planned-step.js";
import { PlanningFailure } from "./planning-failure.js";
import type { ExpressionEvaluator, StepConstruction, StepSite } from "./step-construction.js";

/** The rule being applied, and evaluation with its bindings. */
export interface StepFactoryScope {
  site: StepSite;
  evaluate: ExpressionEvaluator;
}

/**
 * The `steps` binding (manual, "Define steps in script rules"): `steps.os_script(target_host=…)`
 * and `steps.os_script(**{'target-host': …})` make step `os-script`; macros too. Parameters are
 * converted and calculated for the rule being applied (`site()`), like XML rules' steps.
 */
export class StepFactory implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName = "StepFactory";

  constructor(
    private readonly registry: StepRegistry,
    private readonly construction: StepConstruction,
    private readonly scope: () => StepFactoryScope,
  ) {}

  pyGetAttr(name: string): unknown {
    const stepName = this.registry.resolveName(name);
    if (stepName === undefined) return undefined;
    return (...args: unknown[]) => {
      const { site, evaluate } = this.scope();
      return new ScriptStep(this.construction.fromScript(stepName, parameters(name, args), site, evaluate));
    };
  }
}

/** Keyword arguments; a single positional dict is accepted as the parameters too. */
function parameters(name: string, args: unknown[]): Record<string, unknown> {
  const keywords = args.at(-1) instanceof PyKeywords ? (args.pop() as PyKeywords).values : {};
  if (args.length === 0) return { ...keywords };
  const [first] = args;
  if (args.length === 1 && first instanceof Map) return { ...Object.fromEntries(first), ...keywords };
  throw new PlanningFailure(`steps.${name}() takes keyword arguments (name=value), not positional ones`, "TypeError");
}
