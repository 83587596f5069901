import type { Delta, Operation } from "../delta/model.js";
import type { PlannedStep } from "../plan/model.js";
import type { ConfigurationItem } from "../repository/model.js";
import type { CustomStepDefinition } from "../steps/step-catalogue.js";
import type { TypeRegistry } from "../types/model.js";

/**
 * The plugin API: what a plugin written in TypeScript (or JavaScript) provides. XL Deploy's
 * Java plugins become rules with generated names (manual, "Predefined rule naming"):
 *
 * - a deployed rule `<type>.<method>_<OPERATION>` for every registered type that is `type` or
 *   extends it — each concrete (synthetic) subtype gets its own rule, which matches deltas
 *   whose deployed (the previous one for DESTROY) has exactly that type, so disabling the
 *   rule of a parent type leaves the subtypes' rules alone (generic-plugins.md §0.3);
 * - a contributor `<className>.<method>`: a plan-scope rule called once per interleaved block
 *   with the block's deltas;
 * - pre-plan and post-plan processors `<className>.<method>`, called once per plan.
 *
 * They sit in the same RuleRegistry as XML and script rules: names are unique across all of
 * them, `<disable-rule>` disables them, `planwright rules` lists them with the plugin as their
 * source, `explain` shows them, and every step they add carries the rule's name.
 *
 * Contribution order: plugin rules are registered before every xl-rules.xml rule — built-in
 * plugins first (generic, file, cmd), then the home's plugin modules by folder name — so
 * for one delta their steps come first among steps of equal order (DESIGN §3).
 *
 * A home adds a plugin as `plugins/<folder>/index.js` (or `index.mjs`) whose default export
 * (or export named `plugin`) is a `PlanwrightPlugin`.
 */
export interface PlanwrightPlugin {
  /** Shown as the source of the plugin's rules; defaults to the plugin folder's name. */
  name: string;
  deployedRules?: readonly DeployedRuleDefinition[];
  contributors?: readonly ContributorDefinition[];
  prePlanProcessors?: readonly ProcessorDefinition[];
  postPlanProcessors?: readonly ProcessorDefinition[];
  /** Custom step types the plugin's rules (and any xl-rules.xml) can use. */
  steps?: readonly CustomStepDefinition[];
}

export interface DeployedRuleDefinition {
  /** The UDM type of the deployed class; its subtypes get rules too. */
  type: string;
  /** The Java method name part of the rule name (`executeCreate`). */
  method: string;
  operation: Operation;
  plan(planning: DeployedPlanning): void;
}

export interface ContributorDefinition {
  /** Fully qualified class name part of the rule name. */
  className: string;
  method: string;
  contribute(planning: BlockPlanning): void;
}

export interface ProcessorDefinition {
  className: string;
  method: string;
  process(planning: PluginPlanning): void;
}

/** A step for `addStep`: a registered step type and its parameters (kebab-case or camelCase). */
export interface StepRequest {
  type: string;
  parameters: Record<string, unknown>;
  /**
   * Checkpoints this step commits: an operation commits the current delta with it; an entry
   * with a delta names another delta of the block. Without any, the delta gets the implicit
   * checkpoint on its last step (DESIGN §3).
   */
  checkpoints?: readonly (Operation | { delta: Delta; operation?: Operation })[];
}

/** What every plugin rule sees while it is applied. */
export interface PluginPlanning {
  types: TypeRegistry;
  deployedApplication: ConfigurationItem;
  previousDeployedApplication: ConfigurationItem | undefined;
  /** Builds the step through the step registry (conversion, calculated parameters) and adds it to the plan. */
  addStep(request: StepRequest): PlannedStep;
}

export interface DeployedPlanning extends PluginPlanning {
  delta: Delta;
  /** The exact type this rule was generated for. */
  ruleType: string;
}

export interface BlockPlanning extends PluginPlanning {
  /** The deltas of the interleaved block, in block order. */
  deltas: readonly Delta[];
}

/** Makes a plugin object with its types checked; plugin modules can export the result. */
export function definePlugin(plugin: PlanwrightPlugin): PlanwrightPlugin {
  return plugin;
}
