import type { Operation } from "../delta/model.js";
import type { SourceLocation } from "../diagnostics/diagnostic.js";

export type RuleScope = "pre-plan" | "deployed" | "plan" | "post-plan";
export const ruleScopes: readonly RuleScope[] = ["pre-plan", "deployed", "plan", "post-plan"];

/** Python source with the position of its first character, for compile errors and tracebacks. */
export interface SourceText {
  source: string;
  location: SourceLocation;
}

export interface RuleConditions {
  types: string[];
  operations: Operation[];
  expression?: SourceText;
  /** Where each of `types` is written, same order (absent for predefined rules). */
  typeLocations?: SourceLocation[];
  /**
   * Match deltas of exactly these types, not of their subtypes: predefined rules are
   * generated once per concrete type (generic-plugins.md §0.3), so a subtype has its own.
   */
  exactTypes?: boolean;
}

interface RuleBase {
  name: string;
  scope: RuleScope;
  conditions: RuleConditions;
  /** Where the rule is defined (file relative to home, or `builtin:<plugin>`). */
  location: SourceLocation;
  /** Set by the registry from `disable-rule`. */
  disabled: boolean;
  /** Position in registration order (DESIGN §3), set by the registry. */
  order: number;
}

/** A parameter of a step in an XML rule, as written. */
export type ParameterTemplate =
  | { form: "text"; name: string; text: string; location: SourceLocation }
  | { form: "expression"; name: string; expression: SourceText; location: SourceLocation }
  | { form: "map"; name: string; entries: ParameterTemplate[]; location: SourceLocation }
  | { form: "list"; name: string; values: ParameterTemplate[]; location: SourceLocation };

export interface StepTemplate {
  /** Step type name as written (`os-script`). */
  type: string;
  parameters: ParameterTemplate[];
  location: SourceLocation;
  /** A `<checkpoint/>` right after this step; `completed` when given. */
  checkpoint?: { completed?: "CREATE" | "DESTROY"; location: SourceLocation };
}

export interface XmlRule extends RuleBase {
  kind: "xml";
  steps: StepTemplate[];
}

export interface ScriptRule extends RuleBase {
  kind: "script";
  /** As written in `planning-script-path`. */
  scriptPath: string;
  /** Where `planning-script-path` is written. */
  scriptPathLocation?: SourceLocation;
  /** The resolved script, when found on the classpath. */
  script?: SourceText;
}

/**
 * A rule implemented in TypeScript by a plugin (predefined rules, contributors, pre/post
 * processors; the manual's "Predefined rule naming"). `plugin` names the providing plugin.
 */
export interface PredefinedRule extends RuleBase {
  kind: "predefined";
  plugin: string;
  /** Opaque to the registry; the planner calls it. */
  implementation: unknown;
}

export type Rule = XmlRule | ScriptRule | PredefinedRule;

/** A `<step-macro>` (reference §7.5): a named step type expanding to other steps. */
export interface StepMacro {
  name: string;
  parameters: { name: string; kind: string; required: boolean; defaultValue?: string }[];
  steps: StepTemplate[];
  location: SourceLocation;
}
