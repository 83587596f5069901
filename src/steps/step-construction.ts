import type { Delta } from "../delta/model.js";
import { diagnostic } from "../diagnostics/catalogue.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import type { Repository } from "../repository/model.js";
import type { Rule, RuleScope, SourceText, StepTemplate } from "../rules/model.js";
import type { TypeRegistry } from "../types/model.js";
import type { Step, StepRegistry } from "./model.js";
import { buildStep, buildStepFromArguments, type StepBuildContext, type StepBuildResult } from "./step-builder.js";

interface Site {
  rule: Rule;
  scope: RuleScope;
  delta?: Delta;
}

type Evaluate = (expression: SourceText, extra?: Record<string, unknown>) => unknown;

/**
 * The planner's step construction (src/planning/step-construction.ts) over the step builder:
 * CI ids resolve in the repository, and a failure throws DiagnosticError naming the rule,
 * step and parameter, which is how the planner stops.
 */
export function createStepConstruction(options: { steps: StepRegistry; types: TypeRegistry; repository: Repository }) {
  const resolveCi = (id: string) => options.repository.get(id);
  const context = (site: Site, evaluate: Evaluate): StepBuildContext => {
    const built: StepBuildContext = {
      rule: site.rule.name,
      scope: site.scope,
      types: options.types,
      steps: options.steps,
      evaluate,
      resolveCi,
    };
    if (site.delta) built.delta = site.delta;
    return built;
  };
  const withoutBindings =
    (stepName: string, rule: string): Evaluate =>
    () => {
      throw new DiagnosticError([diagnostic("PW5009", { step: stepName }, { rule })]);
    };
  return {
    fromTemplate(template: StepTemplate, site: Site, evaluate: Evaluate): Step {
      return stepOrThrow(buildStep(template, context(site, evaluate)));
    },
    /** `evaluate` is needed only by step macros, whose one step is written with expressions. */
    fromScript(stepName: string, parameters: Record<string, unknown>, site: Site, evaluate?: Evaluate): Step {
      const evaluator = evaluate ?? withoutBindings(stepName, site.rule.name);
      return stepOrThrow(buildStepFromArguments(stepName, parameters, context(site, evaluator)));
    },
  };
}

function stepOrThrow(result: StepBuildResult): Step {
  if (result.ok) return result.step;
  throw new DiagnosticError(result.diagnostics);
}
