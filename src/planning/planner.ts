import type { Delta, DeltaSpecification } from "../delta/model.js";
import { diagnostic } from "../diagnostics/catalogue.js";
import { type Diagnostic, DiagnosticError } from "../diagnostics/diagnostic.js";
import type { InterleavedOrchestrationBlock, OrchestrationBlock } from "../orchestration/model.js";
import type { InterleavedPlanBlock, Plan, PlanBlock, PlannedStep } from "../plan/model.js";
import type { CompiledExpression, CompiledScript, PythonRuntime } from "../python/api.js";
import type { Repository } from "../repository/model.js";
import type { Rule, RuleScope, SourceText, StepTemplate } from "../rules/model.js";
import type { RuleRegistry } from "../rules/rule-registry.js";
import type { StepRegistry } from "../steps/model.js";
import type { TypeRegistry } from "../types/model.js";
import { DeltasBinding } from "./deltas-binding.js";
import { simplifyPlan, splitStepLists } from "./plan-structure.js";
import { PlanningContext } from "./planning-context.js";
import { PlanningFailure } from "./planning-failure.js";
import { type LogSink, ScriptLogger } from "./script-logger.js";
import { readOnlyRepository, serviceBindings } from "./services.js";
import type { ExpressionEvaluator, StepConstruction, StepSite } from "./step-construction.js";
import { StepFactory, type StepFactoryScope } from "./step-factory.js";

export interface PlanningInput {
  specification: DeltaSpecification;
  orchestration: OrchestrationBlock;
  /** Names of the orchestrators that shaped `orchestration`, in the order applied. */
  orchestrators: string[];
  /** The registered rules: matching goes through the registry's index by scope, type and operation. */
  rules: Pick<RuleRegistry, "rulesFor" | "deployedRulesFor" | "all">;
  stepRegistry: StepRegistry;
  steps: StepConstruction;
  types: TypeRegistry;
  repository: Repository;
  python: PythonRuntime;
  /** Simplify the plan (reference §2.6); defaults to the deployed application's `optimizePlan`, else true. */
  optimizePlan?: boolean;
  /** Where `logger` output of scripts goes. */
  log?: LogSink;
  /**
   * For `explain`: called for every rule considered, with the first condition that failed.
   * Tracing considers every rule of each scope, not only the indexed candidates.
   */
  trace?: (evaluation: RuleEvaluation) => void;
}

/** One rule considered for one block (and delta): fired, or the first condition that failed. */
export interface RuleEvaluation {
  /** Description of the block planned; pre-plan and post-plan rules have their own blocks. */
  block: string;
  /** The orchestration leaf planned (absent for pre-plan and post-plan rules). */
  leaf?: InterleavedOrchestrationBlock;
  rule: Rule;
  delta?: Delta;
  outcome: "fired" | "disabled" | "type" | "operation" | "expression";
  /** Steps the rule added, when fired. */
  steps?: number;
  /** Those steps themselves, when fired: the same objects the plan holds. */
  added?: PlannedStep[];
}

/** The block rules are considered for, as the trace names it. */
interface TracedBlock {
  description: string;
  leaf?: InterleavedOrchestrationBlock;
}

export interface PlanningResult {
  /** Absent when planning failed: nothing partial is returned (manual, "Isolation and failure"). */
  plan?: Plan;
  diagnostics: Diagnostic[];
}

export const prePlanDescription = "Pre-plan steps";
export const postPlanDescription = "Post-plan steps";

/**
 * The planning phase (manual, "Rule scope"; DESIGN §3): pre-plan rules once into the first
 * block; for every interleaved block of the orchestration, deployed-scope rules per delta and
 * plan-scope rules once; post-plan rules once into the last block. Steps are stable-sorted by
 * order within their block, deltas without a checkpoint get the implicit one, then the plan is
 * split and (with `optimizePlan`) simplified. Asynchronous only to load the full Python
 * interpreter when a rule that can fire needs it.
 */
export async function planDeployment(input: PlanningInput): Promise<PlanningResult> {
  const compiled = new CompiledSources(input.python);
  const candidates = candidateRules(input);
  const diagnostics = compiled.prepare(candidates, input.stepRegistry);
  if (diagnostics.length > 0) return { diagnostics };
  if (!input.python.interpreterLoaded && input.python.needsInterpreter(compiled.all())) await input.python.load();
  try {
    return { plan: new PlanningRun(input, compiled).plan(), diagnostics: [] };
  } catch (error) {
    if (error instanceof DiagnosticError) return { diagnostics: error.diagnostics };
    throw error;
  }
}

/**
 * The bindings a rule would see (`planwright eval`, DESIGN §2.3): `deployedApplication`,
 * `previousDeployedApplication`, `specification`, `context`, `steps`, `logger` and the
 * services; with a delta also `delta`, `deployed` and `previousDeployed`. Steps made and
 * added through them go nowhere.
 */
export function evaluationBindings(input: PlanningInput, delta?: Delta): Record<string, unknown> {
  return new PlanningRun(input, new CompiledSources(input.python)).bindingsForEvaluation(delta);
}

/** The rules that can fire for this specification, so that only what they need is compiled. */
function candidateRules(input: PlanningInput): Rule[] {
  const { rules } = input;
  if (input.trace) return rules.all().filter((rule) => !rule.disabled);
  const found = new Set<Rule>();
  for (const scope of ["pre-plan", "plan", "post-plan"] as const) {
    for (const rule of rules.rulesFor(scope)) found.add(rule);
  }
  const seen = new Set<string>();
  for (const delta of input.specification.deltas) {
    const key = `${delta.deployedOrPrevious.type}\u0000${delta.operation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const rule of rules.deployedRulesFor(delta.deployedOrPrevious.type, delta.operation)) found.add(rule);
  }
  return [...found];
}

/** Each expression and script compiled once per planning run, keyed by its source. */
class CompiledSources {
  private readonly expressions = new Map<SourceText, CompiledExpression>();
  private readonly scripts = new Map<SourceText, CompiledScript>();
  private readonly bindingNames = new Map<CompiledExpression | CompiledScript, (name: string) => boolean>();

  constructor(private readonly python: PythonRuntime) {}

  all(): (CompiledExpression | CompiledScript)[] {
    return [...this.expressions.values(), ...this.scripts.values()];
  }

  /** Compiles the conditions, scripts and parameter expressions of `rules`; returns the failures. */
  prepare(rules: readonly Rule[], stepRegistry: StepRegistry): Diagnostic[] {
    const failures: Diagnostic[] = [];
    const keep = (result: CompiledExpression | CompiledScript | Diagnostic) => {
      if (isDiagnostic(result)) failures.push(result);
    };
    for (const rule of rules) {
      if (rule.conditions.expression) keep(this.compileExpression(rule.conditions.expression, rule.name));
      if (rule.kind === "script" && rule.script) keep(this.compileScript(rule.script, rule.name));
      if (rule.kind === "xml") {
        for (const text of templateExpressions(rule.steps, stepRegistry)) keep(this.compileExpression(text, rule.name));
      }
    }
    return failures;
  }

  /**
   * The bindings interpreted code can reach: those whose name occurs in its source. Handing
   * the interpreter a dozen unused service objects on every run costs more than the script.
   * The fast path reads bindings in place, so it gets them all.
   */
  usedBindings(code: CompiledExpression | CompiledScript, bindings: Record<string, unknown>): Record<string, unknown> {
    if ("fastPath" in code && code.fastPath) return bindings;
    let uses = this.bindingNames.get(code);
    if (!uses) {
      const words = new Set(code.source.source.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
      uses = (name) => words.has(name);
      this.bindingNames.set(code, uses);
    }
    const used: Record<string, unknown> = {};
    for (const name in bindings) if (uses(name)) used[name] = bindings[name];
    return used;
  }

  expression(text: SourceText, rule: string): CompiledExpression {
    const result = this.compileExpression(text, rule);
    if (isDiagnostic(result)) throw new DiagnosticError([result]);
    return result;
  }

  script(text: SourceText, rule: string): CompiledScript {
    const result = this.compileScript(text, rule);
    if (isDiagnostic(result)) throw new DiagnosticError([result]);
    return result;
  }

  private compileExpression(text: SourceText, rule: string): CompiledExpression | Diagnostic {
    const known = this.expressions.get(text);
    if (known) return known;
    const result = this.python.compileExpression(text, { rule });
    if (!isDiagnostic(result)) this.expressions.set(text, result);
    return result;
  }

  private compileScript(text: SourceText, rule: string): CompiledScript | Diagnostic {
    const known = this.scripts.get(text);
    if (known) return known;
    const result = this.python.compileScript(text, { rule });
    if (!isDiagnostic(result)) this.scripts.set(text, result);
    return result;
  }
}

/** Expressions in step parameters, including those of the step macros the steps use. */
function templateExpressions(templates: readonly StepTemplate[], stepRegistry: StepRegistry, depth = 0): SourceText[] {
  const found: SourceText[] = [];
  const walk = (parameter: StepTemplate["parameters"][number]): void => {
    if (parameter.form === "expression") found.push(parameter.expression);
    else if (parameter.form === "map") parameter.entries.forEach(walk);
    else if (parameter.form === "list") parameter.values.forEach(walk);
  };
  for (const template of templates) {
    template.parameters.forEach(walk);
    const name = stepRegistry.resolveName(template.type);
    const macro = name === undefined ? undefined : stepRegistry.get(name)?.macro;
    // A macro wraps one step; depth guards against a macro that (wrongly) names itself.
    if (macro && depth < 8) found.push(...templateExpressions(macro.steps, stepRegistry, depth + 1));
  }
  return found;
}

/** One planning run: the shared planning context and the rule applications. */
class PlanningRun {
  private readonly context: PlanningContext;
  private readonly base: Record<string, unknown>;
  /** `base` with the deployed scope's keys, to clone per delta; `planBase` likewise per block. */
  private deployedBase: Record<string, unknown> | undefined;
  private planBase: Record<string, unknown> | undefined;
  private scope: StepFactoryScope | undefined;

  constructor(
    private readonly input: PlanningInput,
    private readonly compiled: CompiledSources,
  ) {
    const { specification } = input;
    this.context = new PlanningContext(specification, readOnlyRepository(input.repository));
    const log = input.log ?? (() => {});
    this.base = {
      context: this.context,
      deployedApplication: specification.deployedApplication,
      previousDeployedApplication: specification.previousDeployedApplication ?? null,
      steps: new StepFactory(input.stepRegistry, input.steps, () => this.currentScope()),
      logger: new ScriptLogger(log),
      ...serviceBindings(input.repository, input.types),
    };
  }

  bindingsForEvaluation(delta?: Delta): Record<string, unknown> {
    const rule: Rule = {
      kind: "xml",
      name: "eval",
      scope: delta ? "deployed" : "pre-plan",
      conditions: { types: [], operations: [] },
      location: { file: "<eval>" },
      disabled: false,
      order: 0,
      steps: [],
    };
    const bindings = delta ? this.deployedScopeBindings(delta) : { ...this.base };
    bindings.specification = this.input.specification;
    const site: StepSite = delta ? { rule, scope: "deployed", delta } : { rule, scope: "pre-plan" };
    this.scope = { site, evaluate: this.evaluator(rule, bindings) };
    this.context.enter(site, []);
    return bindings;
  }

  /**
   * The base bindings plus the delta's, once per delta. Cloning an object that already has
   * every key and overwriting three is some 100 times cheaper in V8 than spreading the base
   * and adding keys (about 7 µs per delta).
   */
  private deployedScopeBindings(delta: Delta): Record<string, unknown> {
    this.deployedBase ??= { ...this.base, delta: null, deployed: null, previousDeployed: null };
    const bindings: Record<string, unknown> = { ...this.deployedBase };
    bindings.delta = delta;
    bindings.deployed = delta.deployed ?? null;
    bindings.previousDeployed = delta.previous ?? null;
    return bindings;
  }

  plan(): Plan {
    const { specification } = this.input;
    const pre = this.applyOnce("pre-plan", prePlanDescription);
    const main = this.planBlock(this.input.orchestration);
    const post = this.applyOnce("post-plan", postPlanDescription);
    // Pre-plan and post-plan blocks exist only when their rules contributed steps.
    const parts = [...(hasSteps(pre) ? [pre] : []), main, ...(hasSteps(post) ? [post] : [])];
    let root: PlanBlock = parts.length === 1 ? main : { kind: "serial", description: main.description, blocks: parts };
    root = splitStepLists(root);
    if (this.optimizePlan()) root = simplifyPlan(root);
    return { specification, orchestrators: this.input.orchestrators, root };
  }

  private optimizePlan(): boolean {
    if (this.input.optimizePlan !== undefined) return this.input.optimizePlan;
    return this.input.specification.deployedApplication.values.optimizePlan !== false;
  }

  /** Pre-plan or post-plan: the scope's rules once, with `specification`, into their own block. */
  private applyOnce(scope: "pre-plan" | "post-plan", description: string): InterleavedPlanBlock {
    const steps: PlannedStep[] = [];
    const bindings = { ...this.base, specification: this.input.specification };
    for (const rule of this.rulesOf(scope, { description }))
      this.consider(rule, { description }, bindings, { rule, scope }, steps);
    return { kind: "interleaved", description, deltas: [], steps: sortByOrder(steps) };
  }

  private planBlock(block: OrchestrationBlock): PlanBlock {
    if (block.kind !== "interleaved") {
      return { kind: block.kind, description: block.description, blocks: block.blocks.map((b) => this.planBlock(b)) };
    }
    const steps: PlannedStep[] = [];
    const traced: TracedBlock = { description: block.description, leaf: block };
    for (const delta of block.deltas) {
      const bindings = this.deployedScopeBindings(delta);
      for (const rule of this.deployedRulesFor(delta)) {
        if (!this.matches(rule, delta, traced)) continue;
        this.consider(rule, traced, bindings, { rule, scope: "deployed", delta }, steps, delta);
      }
    }
    this.planBase ??= { ...this.base, deltas: null };
    const bindings: Record<string, unknown> = { ...this.planBase };
    bindings.deltas = new DeltasBinding(block.deltas);
    for (const rule of this.rulesOf("plan", traced)) {
      this.consider(rule, traced, bindings, { rule, scope: "plan" }, steps);
    }
    const sorted = sortByOrder(steps);
    this.addImplicitCheckpoints(block.deltas, sorted);
    return {
      kind: "interleaved",
      description: block.description,
      deltas: block.deltas.map((d) => d.id),
      steps: sorted,
    };
  }

  /** The indexed candidates; when tracing, every deployed rule (those that do not match are traced by `matches`). */
  private deployedRulesFor(delta: Delta): readonly Rule[] {
    if (this.input.trace) return this.tracedRules("deployed");
    return this.input.rules.deployedRulesFor(delta.deployedOrPrevious.type, delta.operation);
  }

  /** When tracing: whether the rule is enabled and its type and operation match; a mismatch is traced. */
  private matches(rule: Rule, delta: Delta, block: TracedBlock): boolean {
    if (!this.input.trace) return true;
    const { types } = this.input;
    const type = delta.deployedOrPrevious.type;
    const ancestors = types.has(type) ? types.ancestors(type) : [type];
    // Rules generated per type (predefined, exactTypes) are only candidates for that very type.
    if (rule.conditions.exactTypes && !rule.conditions.types.includes(type)) return false;
    let outcome: RuleEvaluation["outcome"] | undefined;
    if (rule.disabled) outcome = "disabled";
    else if (!rule.conditions.types.some((t) => ancestors.includes(t))) outcome = "type";
    else if (!rule.conditions.operations.includes(delta.operation)) outcome = "operation";
    if (outcome) this.trace(block, { rule, delta, outcome });
    return outcome === undefined;
  }

  private rulesOf(scope: RuleScope, block: TracedBlock): readonly Rule[] {
    if (!this.input.trace) return this.input.rules.rulesFor(scope);
    return this.tracedRules(scope).filter((rule) => {
      if (rule.disabled) this.trace(block, { rule, outcome: "disabled" });
      return !rule.disabled;
    });
  }

  private tracedRules(scope: RuleScope): Rule[] {
    return this.input.rules
      .all()
      .filter((rule) => rule.scope === scope)
      .sort((a, b) => a.order - b.order);
  }

  /** Applies a rule whose type and operation match: its expression, then its steps or script. */
  private consider(
    rule: Rule,
    block: TracedBlock,
    bindings: Record<string, unknown>,
    site: StepSite,
    target: PlannedStep[],
    delta?: Delta,
  ): void {
    const evaluate = this.evaluator(rule, bindings);
    this.scope = { site, evaluate };
    this.context.enter(site, target);
    const before = target.length;
    try {
      if (rule.conditions.expression && !this.conditionHolds(rule, rule.conditions.expression, bindings)) {
        this.trace(block, { rule, ...(delta ? { delta } : {}), outcome: "expression" });
        return;
      }
      this.apply(rule, bindings, site, evaluate);
    } catch (error) {
      throw asRuleFailure(error, rule);
    }
    if (this.input.trace) {
      const added = target.slice(before);
      this.trace(block, { rule, ...(delta ? { delta } : {}), outcome: "fired", steps: added.length, added });
    }
  }

  private trace(block: TracedBlock, evaluation: Omit<RuleEvaluation, "block" | "leaf">): void {
    this.input.trace?.({ block: block.description, ...(block.leaf ? { leaf: block.leaf } : {}), ...evaluation });
  }

  private conditionHolds(rule: Rule, text: SourceText, bindings: Record<string, unknown>): boolean {
    const expression = this.compiled.expression(text, rule.name);
    const value = this.input.python.evaluate(expression, this.compiled.usedBindings(expression, bindings), {
      rule: rule.name,
    });
    if (typeof value === "boolean") return value;
    const shown = this.input.python.evaluateForDisplay(expression, bindings, { rule: rule.name });
    throw new DiagnosticError([
      diagnostic(
        "PW8001",
        { rule: rule.name, type: shown.type, value: shown.repr },
        { ...text.location, rule: rule.name },
      ),
    ]);
  }

  /** Evaluation with the bindings of the rule being applied (step parameters, macros). */
  private evaluator(rule: Rule, bindings: Record<string, unknown>): ExpressionEvaluator {
    return (text, extra) => {
      const expression = this.compiled.expression(text, rule.name);
      const all = extra ? { ...bindings, ...extra } : bindings;
      return this.input.python.evaluate(expression, this.compiled.usedBindings(expression, all), { rule: rule.name });
    };
  }

  private apply(rule: Rule, bindings: Record<string, unknown>, site: StepSite, evaluate: ExpressionEvaluator): void {
    switch (rule.kind) {
      case "xml": {
        for (const template of rule.steps) {
          const step = this.input.steps.fromTemplate(template, site, evaluate);
          const checkpoint = template.checkpoint;
          if (checkpoint && site.delta) {
            this.context.add(step, [{ delta: site.delta, operation: checkpoint.completed ?? site.delta.operation }]);
          } else this.context.add(step);
        }
        return;
      }
      case "script": {
        if (!rule.script) throw new PlanningFailure(`its planning script '${rule.scriptPath}' is not on the classpath`);
        const script = this.compiled.script(rule.script, rule.name);
        this.input.python.runScript(script, this.compiled.usedBindings(script, bindings), { rule: rule.name });
        return;
      }
      case "predefined": {
        if (typeof rule.implementation !== "function") {
          throw new DiagnosticError([
            diagnostic(
              "PW8004",
              { rule: rule.name, kind: typeof rule.implementation },
              { ...rule.location, rule: rule.name },
            ),
          ]);
        }
        (rule.implementation as (bindings: Record<string, unknown>) => void)({ ...bindings });
        return;
      }
    }
  }

  /** DESIGN §3: a delta with no explicit checkpoint gets one on its step that runs last. */
  private addImplicitCheckpoints(deltas: readonly Delta[], sorted: PlannedStep[]): void {
    const last = new Map<string, PlannedStep>();
    for (const step of sorted) if (step.deployed !== undefined) last.set(step.deployed, step);
    for (const delta of deltas) {
      if (this.context.checkpointed.has(delta.id)) continue;
      const step = last.get(delta.id);
      if (step && step.checkpoint === null) step.checkpoint = delta.operation;
    }
  }

  private currentScope(): StepFactoryScope {
    if (!this.scope) throw new PlanningFailure("steps are made while a rule is applied");
    return this.scope;
  }
}

function hasSteps(block: PlanBlock): boolean {
  return block.kind === "interleaved" ? block.steps.length > 0 : block.blocks.some(hasSteps);
}

/** Stable: equal orders keep contribution order (reference §4). */
function sortByOrder(steps: PlannedStep[]): PlannedStep[] {
  return steps.sort((a, b) => a.order - b.order);
}

/** Any failure inside a rule stops planning with a diagnostic naming the rule and where it is. */
function asRuleFailure(error: unknown, rule: Rule): unknown {
  if (error instanceof DiagnosticError) {
    return new DiagnosticError(error.diagnostics.map((d) => (d.rule === undefined ? { ...d, rule: rule.name } : d)));
  }
  if (error instanceof PlanningFailure) {
    return new DiagnosticError([
      diagnostic("PW8002", { rule: rule.name, detail: error.message }, { ...rule.location, rule: rule.name }),
    ]);
  }
  return error;
}

/** Compile results are a compiled form or a diagnostic; compiled forms may have a `code` field of their own. */
function isDiagnostic(value: object): value is Diagnostic {
  return "severity" in value && "message" in value;
}
