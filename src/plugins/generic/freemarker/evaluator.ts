import { applyBuiltin } from "./builtins.js";
import {
  type BinaryOperator,
  type Expression,
  type FreemarkerLookup,
  MissingValue,
  type TemplateNode,
  Unresolvable,
} from "./model.js";
import { isSequence, lookedUpValue, printed, type Value } from "./value.js";

/**
 * Renders a parsed template against a lookup, with FreeMarker's rules for missing values:
 * an expression may evaluate to missing (undefined), but printing it, comparing it, testing
 * it in `<#if>` or reaching into it is an error (MissingValue) unless `!` or `??` handle it.
 * `<#assign>`ed names hide data-model names, as the main namespace does; loop variables hide both.
 */
export class TemplateEvaluator {
  private readonly assigned = new Map<string, Value>();
  private readonly loopVariables = new Map<string, Value>();

  constructor(private readonly lookup: FreemarkerLookup) {}

  render(nodes: readonly TemplateNode[]): string {
    const output: string[] = [];
    this.renderInto(nodes, output);
    return output.join("");
  }

  private renderInto(nodes: readonly TemplateNode[], output: string[]): void {
    for (const node of nodes) {
      switch (node.kind) {
        case "text":
          output.push(node.text);
          break;
        case "interpolation":
          output.push(printed(this.required(node.expression)));
          break;
        case "assign":
          for (const { name, value } of node.assignments) this.assigned.set(name, this.required(value));
          break;
        case "list":
          this.renderList(node, output);
          break;
        case "if": {
          const taken = node.branches.find(
            (branch) => branch.condition === undefined || this.condition(branch.condition),
          );
          if (taken) this.renderInto(taken.body, output);
          break;
        }
      }
    }
  }

  /** Each item with the loop variable bound (hiding assigned and data-model names), or `<#else>` when empty. */
  private renderList(node: Extract<TemplateNode, { kind: "list" }>, output: string[]): void {
    const sequence = this.required(node.sequence);
    if (!isSequence(sequence)) throw new Unresolvable("<#list> of a non-list");
    if (!sequence.ordered && sequence.items.length > 1) throw new Unresolvable("<#list> of a set");
    if (sequence.items.length === 0) {
      if (node.otherwise) this.renderInto(node.otherwise, output);
      return;
    }
    const hidden = this.loopVariables.get(node.variable);
    for (const item of sequence.items) {
      this.loopVariables.set(node.variable, item);
      this.renderInto(node.body, output);
    }
    if (hidden === undefined) this.loopVariables.delete(node.variable);
    else this.loopVariables.set(node.variable, hidden);
  }

  private condition(expression: Expression): boolean {
    const value = this.required(expression);
    if (typeof value !== "boolean") throw new Unresolvable("condition is not a boolean");
    return value;
  }

  private required(expression: Expression): Value {
    const value = this.value(expression);
    if (value === undefined) throw new MissingValue("missing value");
    return value;
  }

  /** Missing is undefined; `(…)` tolerates a missing value anywhere inside for `!` and `??`. */
  private tolerant(expression: Expression): Value | undefined {
    if (expression.kind !== "parenthesized") return this.value(expression);
    try {
      return this.value(expression.inner);
    } catch (error) {
      if (error instanceof MissingValue) return undefined;
      throw error;
    }
  }

  private value(expression: Expression): Value | undefined {
    switch (expression.kind) {
      case "literal":
        return expression.value;
      case "interpolated":
        return expression.parts
          .map((part) => (typeof part === "string" ? part : printed(this.required(part))))
          .join("");
      case "variable":
        if (this.loopVariables.has(expression.name)) return this.loopVariables.get(expression.name);
        if (this.assigned.has(expression.name)) return this.assigned.get(expression.name);
        return lookedUpValue(this.lookup([expression.name]), [expression.name]);
      case "member":
        return this.member(this.required(expression.target), expression.key);
      case "parenthesized":
        return this.value(expression.inner);
      case "default": {
        const value = this.tolerant(expression.target);
        if (value !== undefined) return value;
        return expression.fallback ? this.value(expression.fallback) : "";
      }
      case "exists":
        return this.tolerant(expression.target) !== undefined;
      case "builtin": {
        const target =
          expression.name === "has_content" ? this.tolerant(expression.target) : this.required(expression.target);
        return applyBuiltin(
          expression.name,
          target,
          expression.args.map((arg) => this.required(arg)),
        );
      }
      case "not":
        return !this.boolean(expression.operand);
      case "negate": {
        const value = this.required(expression.operand);
        if (typeof value !== "number") throw new Unresolvable("- of a non-number");
        return -value;
      }
      case "binary":
        return this.binary(expression.operator, expression.left, expression.right);
    }
  }

  private member(target: Value, key: string | Expression): Value | undefined {
    const name = typeof key === "string" ? key : this.required(key);
    if (typeof name === "number" && isSequence(target) && target.ordered && Number.isInteger(name) && name >= 0)
      return target.items[name];
    if (typeof name !== "string" || typeof target !== "object" || target.kind !== "node")
      throw new Unresolvable("unsupported member access");
    const path = [...target.path, name];
    return lookedUpValue(this.lookup(path), path);
  }

  private boolean(expression: Expression): boolean {
    const value = this.required(expression);
    if (typeof value !== "boolean") throw new Unresolvable("logical operator on a non-boolean");
    return value;
  }

  private binary(operator: BinaryOperator, left: Expression, right: Expression): Value {
    if (operator === "&&") return this.boolean(left) && this.boolean(right);
    if (operator === "||") return this.boolean(left) || this.boolean(right);
    const a = this.required(left);
    const b = this.required(right);
    if (operator === "+") return sum(a, b);
    if (operator === "==" || operator === "!=") return equal(a, b) === (operator === "==");
    if (typeof a !== "number" || typeof b !== "number") throw new Unresolvable(`${operator} of non-numbers`);
    if (operator === "<") return a < b;
    if (operator === ">") return a > b;
    if (operator === "<=") return a <= b;
    return a >= b;
  }
}

function sum(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") {
    const total = a + b;
    if (!Number.isSafeInteger(total)) throw new Unresolvable("+ outside exact integers");
    return total;
  }
  if (typeof a === "string" || typeof b === "string") return printed(a) + printed(b);
  throw new Unresolvable("+ of these values");
}

/**
 * `==` of two strings, two numbers or two booleans. FreeMarker compares strings with the
 * locale's collator; for printable ASCII that is plain equality, other differing text is left to it.
 */
function equal(a: Value, b: Value): boolean {
  if (typeof a !== typeof b || typeof a === "object") throw new Unresolvable("comparison of different kinds");
  if (a === b) return true;
  if (typeof a === "string" && !(printableAscii.test(a) && printableAscii.test(b as string)))
    throw new Unresolvable("string comparison beyond ASCII");
  return false;
}

const printableAscii = /^[\x20-\x7e]*$/;
