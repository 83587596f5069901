import type { Operation } from "../delta/model.js";
import type { Rule, RuleScope } from "../rules/model.js";
import type { TypeRegistry } from "../types/model.js";

/**
 * The enabled rules by scope, and the deployed-scope rules by (deployed type, operation), so
 * that planning 10,000 deltas costs what the matching rules cost, not what all rules cost
 * (DESIGN §6). A rule's `type` condition matches the type and its subtypes.
 */
export class RuleIndex {
  private readonly byScope = new Map<RuleScope, Rule[]>();
  /** Deployed-scope rules by condition type, then operation; registration order kept. */
  private readonly deployedByType = new Map<string, Map<Operation, Rule[]>>();
  private readonly matchCache = new Map<string, readonly Rule[]>();

  constructor(
    rules: readonly Rule[],
    private readonly types: TypeRegistry,
  ) {
    const ordered = [...rules].sort((a, b) => a.order - b.order);
    for (const rule of ordered) {
      if (rule.disabled) continue;
      const scoped = this.byScope.get(rule.scope);
      if (scoped) scoped.push(rule);
      else this.byScope.set(rule.scope, [rule]);
      if (rule.scope !== "deployed") continue;
      for (const type of new Set(rule.conditions.types)) {
        let byOperation = this.deployedByType.get(type);
        if (!byOperation) {
          byOperation = new Map();
          this.deployedByType.set(type, byOperation);
        }
        for (const operation of new Set(rule.conditions.operations)) {
          const list = byOperation.get(operation);
          if (list) list.push(rule);
          else byOperation.set(operation, [rule]);
        }
      }
    }
  }

  /** Enabled rules of the scope, in registration order. */
  ofScope(scope: RuleScope): readonly Rule[] {
    return this.byScope.get(scope) ?? [];
  }

  /** Enabled deployed-scope rules whose types and operations match, in registration order. */
  forDelta(deployedType: string, operation: Operation): readonly Rule[] {
    const key = `${deployedType}\u0000${operation}`;
    const cached = this.matchCache.get(key);
    if (cached) return cached;
    const found = new Set<Rule>();
    const ancestors = this.types.has(deployedType) ? this.types.ancestors(deployedType) : [deployedType];
    for (const ancestor of ancestors) {
      for (const rule of this.deployedByType.get(ancestor)?.get(operation) ?? []) found.add(rule);
    }
    const result = [...found].sort((a, b) => a.order - b.order);
    this.matchCache.set(key, result);
    return result;
  }

  /** Whether a deployed of `deployedType` satisfies the rule's type condition. */
  typeMatches(rule: Rule, deployedType: string): boolean {
    const ancestors = this.types.has(deployedType) ? this.types.ancestors(deployedType) : [deployedType];
    return rule.conditions.types.some((type) => ancestors.includes(type));
  }
}
