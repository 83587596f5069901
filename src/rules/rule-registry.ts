import type { Operation } from "../delta/model.js";
import { diagnostic } from "../diagnostics/catalogue.js";
import { type Diagnostic, formatLocation, type SourceLocation } from "../diagnostics/diagnostic.js";
import type { TypeRegistry } from "../types/model.js";
import type { PredefinedRule, Rule, RuleScope } from "./model.js";

/** A predefined rule as a plugin declares it; the registry fills in order and disabled. */
export type PredefinedRuleDefinition = Omit<PredefinedRule, "kind" | "order" | "disabled">;

/**
 * Every registered rule (DESIGN §3): unique names, `disable-rule` applied whatever the file
 * order, registration order kept in `Rule.order`. Matching goes through an index by scope,
 * and for deployed rules by operation and condition type; the rules for a concrete type
 * are gathered once per (type, operation) through the type's ancestors and cached, so a
 * lookup costs what the matching rules cost, not what all rules cost.
 *
 * `rulesFor` and `deployedRulesFor` leave disabled rules out; `all` and `get` include them.
 */
export class RuleRegistry {
  private readonly byName = new Map<string, Rule>();
  private readonly disables: { name: string; location: SourceLocation }[] = [];
  private readonly disabledNames = new Set<string>();
  /** scope → enabled rules in registration order. */
  private scopeIndex?: Map<RuleScope, Rule[]>;
  /** operation → condition type → enabled deployed rules in registration order. */
  private deployedIndex?: Map<Operation, Map<string, Rule[]>>;
  /** operation → concrete type → matching rules; nested maps, so a lookup builds no key. */
  private readonly matchCache = new Map<Operation, Map<string, readonly Rule[]>>();

  constructor(private readonly types: TypeRegistry) {}

  /** Adds a rule read from a file; a name already taken is PW4013 and the rule is not added. */
  register(rule: Rule): Diagnostic | undefined {
    const existing = this.byName.get(rule.name);
    if (existing) {
      return diagnostic(
        "PW4013",
        { rule: rule.name, first: formatLocation(existing.location) },
        { ...rule.location, rule: rule.name },
      );
    }
    rule.order = this.byName.size;
    rule.disabled = this.disabledNames.has(rule.name);
    this.byName.set(rule.name, rule);
    this.invalidate();
    return undefined;
  }

  /** The plugin API for rules implemented in TypeScript (manual, "Predefined rule naming"). */
  registerPredefined(definition: PredefinedRuleDefinition): Diagnostic | undefined {
    return this.register({ ...definition, kind: "predefined", order: 0, disabled: false });
  }

  /** `<disable-rule>`: applies to a rule registered before or after it. */
  disable(name: string, location: SourceLocation): void {
    this.disables.push({ name, location });
    this.disabledNames.add(name);
    const rule = this.byName.get(name);
    if (rule) rule.disabled = true;
    this.invalidate();
  }

  /** PW4050 for each `disable-rule` that names no registered rule; call once loading is complete. */
  unresolvedDisables(): Diagnostic[] {
    return this.disables
      .filter((d) => !this.byName.has(d.name))
      .map((d) => diagnostic("PW4050", { rule: d.name }, d.location));
  }

  get(name: string): Rule | undefined {
    return this.byName.get(name);
  }

  /** Every rule, disabled ones included, in registration order. */
  all(): Rule[] {
    return [...this.byName.values()];
  }

  /** Enabled rules of a scope, in registration order. */
  rulesFor(scope: RuleScope): readonly Rule[] {
    this.scopeIndex ??= this.buildScopeIndex();
    return this.scopeIndex.get(scope) ?? [];
  }

  /**
   * Enabled deployed-scope rules whose types include `type` or one of its supertypes and
   * whose operations include `operation`, in registration order. The expression is the
   * planner's to evaluate.
   */
  deployedRulesFor(type: string, operation: Operation): readonly Rule[] {
    let cache = this.matchCache.get(operation);
    if (!cache) {
      cache = new Map();
      this.matchCache.set(operation, cache);
    }
    const cached = cache.get(type);
    if (cached) return cached;
    this.deployedIndex ??= this.buildDeployedIndex();
    const byType = this.deployedIndex.get(operation);
    let matches: Rule[] = [];
    if (byType) {
      const ancestors = this.types.has(type) ? this.types.ancestors(type) : [type];
      const found = new Set<Rule>();
      for (const ancestor of ancestors) {
        for (const rule of byType.get(ancestor) ?? []) {
          if (ancestor === type || !rule.conditions.exactTypes) found.add(rule);
        }
      }
      matches = [...found];
      if (matches.length > 1) matches.sort((a, b) => a.order - b.order);
    }
    cache.set(type, matches);
    return matches;
  }

  private invalidate(): void {
    this.scopeIndex = undefined;
    this.deployedIndex = undefined;
    this.matchCache.clear();
  }

  private buildScopeIndex(): Map<RuleScope, Rule[]> {
    const index = new Map<RuleScope, Rule[]>();
    for (const rule of this.byName.values()) {
      if (rule.disabled) continue;
      const list = index.get(rule.scope);
      if (list) list.push(rule);
      else index.set(rule.scope, [rule]);
    }
    return index;
  }

  private buildDeployedIndex(): Map<Operation, Map<string, Rule[]>> {
    const index = new Map<Operation, Map<string, Rule[]>>();
    for (const rule of this.rulesFor("deployed")) {
      for (const operation of rule.conditions.operations) {
        let byType = index.get(operation);
        if (!byType) {
          byType = new Map();
          index.set(operation, byType);
        }
        for (const type of rule.conditions.types) {
          const list = byType.get(type);
          if (!list) byType.set(type, [rule]);
          else if (list[list.length - 1] !== rule) list.push(rule);
        }
      }
    }
    return index;
  }
}
