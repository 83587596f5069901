import type { Delta } from "../delta/model.js";
import type { Rule, RuleScope, SourceText, StepTemplate } from "../rules/model.js";
import type { Step } from "../steps/model.js";

/** Where a step is made: calculated parameters (manual, "Calculated step parameters") depend on it. */
export interface StepSite {
  rule: Rule;
  scope: RuleScope;
  /** The delta under planning, for deployed-scope rules. */
  delta?: Delta;
}

/**
 * Evaluates a Python expression with the bindings of the rule being planned, plus `extra`
 * ones (`macro` inside a step macro). Throws `DiagnosticError` naming the rule.
 */
export type ExpressionEvaluator = (expression: SourceText, extra?: Record<string, unknown>) => unknown;

/**
 * Turns what a rule wrote into a `Step`: parameter conversion to each parameter's kind and the
 * calculated parameters. Implemented over the step registry (src/steps); the planner only
 * calls it. Every failure throws `DiagnosticError` naming the rule, step and parameter.
 */
export interface StepConstruction {
  /** A step of an XML rule's `<steps>`. */
  fromTemplate(template: StepTemplate, site: StepSite, evaluate: ExpressionEvaluator): Step;
  /**
   * A step made by a planning script through `steps.<name>(...)`: `stepName` is the registered
   * (kebab-case) name, `parameters` the keyword arguments as the script spelled them.
   * `evaluate` serves step macros, whose one step is written with expressions.
   */
  fromScript(
    stepName: string,
    parameters: Record<string, unknown>,
    site: StepSite,
    evaluate?: ExpressionEvaluator,
  ): Step;
}
