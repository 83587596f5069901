import { type BinaryOperator, type Expression, Unresolvable } from "./model.js";
import type { Token } from "./tokenizer.js";

/** The built-ins the evaluator knows; any other keeps the text as written. */
const builtinNames = new Set([
  "has_content",
  "string",
  "upper_case",
  "lower_case",
  "trim",
  "length",
  "c",
  "number",
  "boolean",
  "size",
]);
const relationalOperators = new Map<string, BinaryOperator>([
  ["<", "<"],
  [">", ">"],
  ["<=", "<="],
  [">=", ">="],
  ["lt", "<"],
  ["gt", ">"],
  ["lte", "<="],
  ["gte", ">="],
]);
const equalityOperators = new Map<string, BinaryOperator>([
  ["==", "=="],
  ["=", "=="],
  ["!=", "!="],
]);
/** Names that are operators or keywords, never the start of a default value after `!`. */
const keywords = new Set(["lt", "gt", "lte", "gte", "as", "in", "using"]);

/** The whole token list as one expression (`${…}`, `<#if …>`). */
export function parseExpression(tokens: Token[]): Expression {
  const parser = new ExpressionParser(tokens);
  const expression = parser.expression();
  parser.expectEnd();
  return expression;
}

/** `name=value name2=value2 …` of `<#assign>` (commas between them allowed). */
export function parseAssignments(tokens: Token[]): { name: string; value: Expression }[] {
  const parser = new ExpressionParser(tokens);
  const assignments: { name: string; value: Expression }[] = [];
  do {
    const name = parser.name();
    parser.expectOperator("=");
    assignments.push({ name, value: parser.expression() });
    parser.skipOperator(",");
  } while (!parser.atEnd());
  return assignments;
}

/** `sequence as variable` of `<#list>`. */
export function parseListHeader(tokens: Token[]): { sequence: Expression; variable: string } {
  const parser = new ExpressionParser(tokens);
  const sequence = parser.expression();
  if (parser.name() !== "as") throw new Unresolvable("as expected");
  const variable = parser.name();
  parser.expectEnd();
  return { sequence, variable };
}

/**
 * Recursive descent in FreeMarker's precedence, lowest first: `||`, `&&`, equality,
 * relational, `+`, unary `!`/`-`, then postfix `.name`, `[key]`, `?builtin`, `??` and `!`.
 * The default value after `!` is a whole expression (`x!1 + y` is `x!(1 + y)` in 2.3).
 */
class ExpressionParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  expectEnd(): void {
    if (!this.atEnd()) throw new Unresolvable("unexpected token after the expression");
  }

  name(): string {
    const token = this.tokens[this.position];
    if (token?.kind !== "name") throw new Unresolvable("name expected");
    this.position++;
    return token.value;
  }

  expectOperator(operator: string): void {
    if (!this.skipOperator(operator)) throw new Unresolvable(`${operator} expected`);
  }

  skipOperator(operator: string): boolean {
    const token = this.tokens[this.position];
    if (token?.kind !== "operator" || token.value !== operator) return false;
    this.position++;
    return true;
  }

  expression(): Expression {
    return this.binary(0);
  }

  /** Levels: 0 `||`, 1 `&&`, 2 equality, 3 relational, 4 `+`. */
  private binary(level: number): Expression {
    if (level > 4) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const operator = this.binaryOperator(level);
      if (!operator) return left;
      this.position++;
      left = { kind: "binary", operator, left, right: this.binary(level + 1) };
    }
  }

  private binaryOperator(level: number): BinaryOperator | undefined {
    const token = this.tokens[this.position];
    if (!token || (token.kind !== "operator" && token.kind !== "name")) return undefined;
    const text = token.value as string;
    if (level === 0) return token.kind === "operator" && text === "||" ? "||" : undefined;
    if (level === 1) return token.kind === "operator" && text === "&&" ? "&&" : undefined;
    if (level === 2) return token.kind === "operator" ? equalityOperators.get(text) : undefined;
    if (level === 3) return relationalOperators.get(text);
    if (token.kind === "operator" && "-*/%".includes(text)) throw new Unresolvable(`operator ${text}`);
    return token.kind === "operator" && text === "+" ? "+" : undefined;
  }

  private unary(): Expression {
    if (this.skipOperator("!")) return { kind: "not", operand: this.unary() };
    if (this.skipOperator("-")) return { kind: "negate", operand: this.unary() };
    return this.postfix(this.primary());
  }

  private primary(): Expression {
    const token = this.tokens[this.position++];
    if (!token) throw new Unresolvable("expression expected");
    if (token.kind === "string" && token.parts)
      return {
        kind: "interpolated",
        parts: token.parts.map((part) => (typeof part === "string" ? part : parseExpression(part))),
      };
    if (token.kind === "string" || token.kind === "number") return { kind: "literal", value: token.value };
    if (token.kind === "name") {
      if (token.value === "true" || token.value === "false") return { kind: "literal", value: token.value === "true" };
      if (keywords.has(token.value)) throw new Unresolvable(`keyword ${token.value}`);
      return { kind: "variable", name: token.value };
    }
    if (token.value === "(") {
      const inner = this.expression();
      this.expectOperator(")");
      return { kind: "parenthesized", inner };
    }
    throw new Unresolvable(`unexpected ${token.value}`);
  }

  private postfix(target: Expression): Expression {
    for (;;) {
      if (this.skipOperator(".")) target = { kind: "member", target, key: this.name() };
      else if (this.skipOperator("[")) {
        const key = this.expression();
        this.expectOperator("]");
        target = {
          kind: "member",
          target,
          key: key.kind === "literal" && typeof key.value === "string" ? key.value : key,
        };
      } else if (this.skipOperator("??")) target = { kind: "exists", target };
      else if (this.skipOperator("?")) target = this.builtin(target);
      else if (this.skipOperator("!")) {
        return this.startsExpression()
          ? { kind: "default", target, fallback: this.expression() }
          : this.postfix({ kind: "default", target });
      } else return target;
    }
  }

  private builtin(target: Expression): Expression {
    const name = this.name();
    if (!builtinNames.has(name)) throw new Unresolvable(`built-in ?${name}`);
    const args: Expression[] = [];
    if (this.skipOperator("(")) {
      if (!this.skipOperator(")")) {
        do args.push(this.expression());
        while (this.skipOperator(","));
        this.expectOperator(")");
      }
    }
    return { kind: "builtin", target, name, args };
  }

  /** Whether the next token can begin an expression, i.e. `!` is followed by a default value. */
  private startsExpression(): boolean {
    const token = this.tokens[this.position];
    if (!token) return false;
    if (token.kind === "name") return !keywords.has(token.value);
    if (token.kind !== "operator") return true;
    // `x! + y` could read `+ y` as the default; FreeMarker's choice is not certain, so leave it.
    if (token.value === "+") throw new Unresolvable("+ after !");
    return token.value === "(" || token.value === "!" || token.value === "-" || token.value === "[";
  }
}
