import { PyFloat, PyLong, PyStr, type PyValue } from "../values/model.js";
import { Decline, type Token, tokenize } from "./tokenizer.js";

/**
 * The expression subset's syntax tree (Python 2.7 grammar, `test` and `testlist`). `line`
 * (1-based, within the parsed text) is set when the parser is given line starts — scripts
 * need it to report the Python line of an error inside a multi-line statement.
 */
export type Node = NodeShape & { line?: number };

type NodeShape =
  | { kind: "constant"; value: PyValue }
  | { kind: "name"; id: string }
  | { kind: "attribute"; object: Node; name: string }
  | { kind: "subscript"; object: Node; index: Node }
  | { kind: "slice"; lower?: Node; upper?: Node; step?: Node }
  /** `star` is `*sequence`, `kwargs` is `**mapping`. */
  | {
      kind: "call";
      callee: Node;
      args: Node[];
      keywords: { name: string; value: Node }[];
      star?: Node;
      kwargs?: Node;
    }
  | { kind: "binary"; operator: BinaryOperator; left: Node; right: Node }
  | { kind: "unary"; operator: "-" | "+"; operand: Node }
  | { kind: "not"; operand: Node }
  | { kind: "boolean"; operator: "and" | "or"; operands: Node[] }
  | { kind: "compare"; left: Node; operators: CompareOperator[]; operands: Node[] }
  | { kind: "conditional"; test: Node; body: Node; otherwise: Node }
  | { kind: "list"; items: Node[] }
  | { kind: "tuple"; items: Node[] }
  | { kind: "dict"; keys: Node[]; values: Node[] }
  | { kind: "set"; items: Node[] }
  /** `lambda parameters: body` (scripts only). */
  | ({ kind: "lambda"; body: Node } & Parameters)
  /** `[element for target in iterable if condition...]` (one `for`; scripts only). */
  | { kind: "listcomp"; element: Node; target: Node; iterable: Node; conditions: Node[] };

/** The parameters of a `def` or `lambda`: names, defaults of the last ones, `*varargs`, `**kwargs`. */
export interface Parameters {
  parameters: string[];
  defaults: Node[];
  varargs: string | undefined;
  kwargs: string | undefined;
}

export type BinaryOperator = "+" | "-" | "*" | "/" | "//" | "%" | "**";
export type CompareOperator = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in" | "is" | "is not";

const keywords = new Set([
  "and",
  "or",
  "not",
  "in",
  "is",
  "if",
  "else",
  "lambda",
  "for",
  "print",
  "yield",
  "exec",
  "def",
  "class",
  "return",
  "import",
  "from",
  "as",
  "with",
  "while",
  "del",
  "pass",
  "global",
  "assert",
  "raise",
  "try",
  "except",
  "finally",
  "break",
  "continue",
  "elif",
]);

/** True for the reserved words of Python 2.7 (and `print`, a statement there). */
export function isKeyword(name: string): boolean {
  return keywords.has(name);
}

/** Parses an expression; throws `Decline` for anything outside the subset or not valid Python. */
export function parseExpression(source: string): Node {
  return new ExpressionParser(tokenize(source)).parseTop();
}

/**
 * A recursive-descent parser over one token list; the statement parser (statement-parser.ts)
 * drives it token by token. `lineStarts` (offsets where lines 2, 3, ... begin) turns token
 * offsets into the lines of nodes.
 */
export class ExpressionParser {
  position = 0;

  constructor(
    readonly tokens: Token[],
    private readonly lineStarts?: readonly number[],
  ) {}

  /** The line of a token offset (1-based), when line starts were given. */
  lineAt(offset: number): number | undefined {
    const starts = this.lineStarts;
    if (!starts) return undefined;
    let line = 1;
    while (line - 1 < starts.length && starts[line - 1]! <= offset) line++;
    return line;
  }

  private located<T extends Node>(node: T, offset: number): T {
    if (this.lineStarts) node.line = this.lineAt(offset);
    return node;
  }

  parseTop(): Node {
    const node = this.testList();
    if (this.peek().kind !== "end") throw new Decline("trailing tokens");
    return node;
  }

  peek(): Token {
    return this.tokens[this.position]!;
  }

  next(): Token {
    return this.tokens[this.position++]!;
  }

  isOp(text: string): boolean {
    const token = this.peek();
    return token.kind === "op" && token.text === text;
  }

  isKeyword(text: string): boolean {
    const token = this.peek();
    return token.kind === "name" && token.text === text;
  }

  expectOp(text: string): void {
    if (!this.isOp(text)) throw new Decline(`expected ${text}`);
    this.position++;
  }

  /** `a, b` → tuple; a trailing comma makes a tuple too. */
  testList(): Node {
    const first = this.test();
    if (!this.isOp(",")) return first;
    const items = [first];
    while (this.isOp(",")) {
      this.position++;
      if (this.atExpressionEnd()) break;
      items.push(this.test());
    }
    return { kind: "tuple", items };
  }

  private atExpressionEnd(): boolean {
    const token = this.peek();
    return token.kind === "end" || (token.kind === "op" && [")", "]", "}"].includes(token.text));
  }

  test(): Node {
    if (this.isKeyword("lambda")) {
      this.position++;
      const parameters = this.parameters(":");
      this.expectOp(":");
      return { kind: "lambda", ...parameters, body: this.test() };
    }
    const body = this.orTest();
    if (!this.isKeyword("if")) return body;
    this.position++;
    const test = this.orTest();
    if (!this.isKeyword("else")) throw new Decline("conditional without else");
    this.position++;
    const otherwise = this.test();
    return { kind: "conditional", test, body, otherwise };
  }

  /** Parameters up to (not including) `close`; tuple parameters decline. */
  parameters(close: string): Parameters {
    const parameters: string[] = [];
    const defaults: Node[] = [];
    let varargs: string | undefined;
    let kwargs: string | undefined;
    const seen = new Set<string>();
    const parameterName = (): string => {
      const token = this.next();
      if (token.kind !== "name" || keywords.has(token.text) || seen.has(token.text)) throw new Decline("parameter");
      seen.add(token.text);
      return token.text;
    };
    while (!this.isOp(close)) {
      if (kwargs !== undefined) throw new Decline("parameter after **kwargs");
      if (this.isOp("**")) {
        this.position++;
        kwargs = parameterName();
      } else if (this.isOp("*")) {
        if (varargs !== undefined) throw new Decline("two *args");
        this.position++;
        varargs = parameterName();
      } else {
        if (varargs !== undefined) throw new Decline("parameter after *args");
        parameters.push(parameterName());
        if (this.isOp("=")) {
          this.position++;
          defaults.push(this.test());
        } else if (defaults.length > 0) throw new Decline("non-default parameter after default");
      }
      if (!this.isOp(",")) break;
      this.position++;
    }
    return { parameters, defaults, varargs, kwargs };
  }

  private orTest(): Node {
    const operands = [this.andTest()];
    while (this.isKeyword("or")) {
      this.position++;
      operands.push(this.andTest());
    }
    return operands.length === 1 ? operands[0]! : { kind: "boolean", operator: "or", operands };
  }

  private andTest(): Node {
    const operands = [this.notTest()];
    while (this.isKeyword("and")) {
      this.position++;
      operands.push(this.notTest());
    }
    return operands.length === 1 ? operands[0]! : { kind: "boolean", operator: "and", operands };
  }

  private notTest(): Node {
    if (this.isKeyword("not")) {
      this.position++;
      return { kind: "not", operand: this.notTest() };
    }
    return this.comparison();
  }

  private comparison(): Node {
    const start = this.peek().offset;
    const left = this.arith();
    const operators: CompareOperator[] = [];
    const operands: Node[] = [];
    while (true) {
      const operator = this.compareOperator();
      if (!operator) break;
      operators.push(operator);
      operands.push(this.arith());
    }
    return operators.length === 0 ? left : this.located({ kind: "compare", left, operators, operands }, start);
  }

  private compareOperator(): CompareOperator | undefined {
    const token = this.peek();
    if (token.kind === "op") {
      if (["==", "!=", "<", "<=", ">", ">="].includes(token.text)) {
        this.position++;
        return token.text as CompareOperator;
      }
      if (token.text === "<>") {
        this.position++;
        return "!=";
      }
      return undefined;
    }
    if (token.kind !== "name") return undefined;
    if (token.text === "in") {
      this.position++;
      return "in";
    }
    if (token.text === "not") {
      const following = this.tokens[this.position + 1]!;
      if (following.kind === "name" && following.text === "in") {
        this.position += 2;
        return "not in";
      }
      return undefined;
    }
    if (token.text === "is") {
      this.position++;
      if (this.isKeyword("not")) {
        this.position++;
        return "is not";
      }
      return "is";
    }
    return undefined;
  }

  arith(): Node {
    if (["|", "^", "&", "<<", ">>"].some((op) => this.isOp(op))) throw new Decline("bitwise operator");
    const start = this.peek().offset;
    let left = this.term();
    while (this.isOp("+") || this.isOp("-")) {
      const operator = (this.next() as { text: string }).text as BinaryOperator;
      left = this.located({ kind: "binary", operator, left, right: this.term() }, start);
    }
    if (["|", "^", "&", "<<", ">>"].some((op) => this.isOp(op))) throw new Decline("bitwise operator");
    return left;
  }

  private term(): Node {
    const start = this.peek().offset;
    let left = this.factor();
    while (this.isOp("*") || this.isOp("/") || this.isOp("//") || this.isOp("%")) {
      const operator = (this.next() as { text: string }).text as BinaryOperator;
      left = this.located({ kind: "binary", operator, left, right: this.factor() }, start);
    }
    return left;
  }

  private factor(): Node {
    if (this.isOp("-") || this.isOp("+")) {
      const token = this.next() as { text: string; offset: number };
      return this.located({ kind: "unary", operator: token.text as "-" | "+", operand: this.factor() }, token.offset);
    }
    if (this.isOp("~")) throw new Decline("bitwise operator");
    return this.power();
  }

  /**
   * CPython reports an attribute access, and a call of a method, at the line of the
   * attribute's name; other nodes at the line of their first token.
   */
  private power(): Node {
    const start = this.peek().offset;
    let node = this.atom();
    let attributeOffset = start;
    while (true) {
      if (this.isOp(".")) {
        this.position++;
        const name = this.next();
        if (name.kind !== "name" || keywords.has(name.text)) throw new Decline("attribute name");
        attributeOffset = name.offset;
        node = this.located({ kind: "attribute", object: node, name: name.text }, name.offset);
      } else if (this.isOp("[")) {
        this.position++;
        node = this.located({ kind: "subscript", object: node, index: this.subscript() }, start);
        this.expectOp("]");
      } else if (this.isOp("(")) {
        this.position++;
        node = this.located(this.callArguments(node), node.kind === "attribute" ? attributeOffset : start);
      } else break;
    }
    if (this.isOp("**")) {
      this.position++;
      return this.located({ kind: "binary", operator: "**", left: node, right: this.factor() }, start);
    }
    return node;
  }

  private subscript(): Node {
    const parts: (Node | undefined)[] = [];
    let colons = 0;
    let current: Node | undefined;
    while (!this.isOp("]")) {
      if (this.isOp(":")) {
        this.position++;
        parts.push(current);
        current = undefined;
        colons++;
        if (colons > 2) throw new Decline("slice");
        continue;
      }
      if (this.isOp(",") || current !== undefined) throw new Decline("extended subscript");
      current = this.test();
    }
    if (colons === 0) {
      if (!current) throw new Decline("empty subscript");
      return current;
    }
    parts.push(current);
    const slice: Node = { kind: "slice" };
    if (parts[0]) slice.lower = parts[0];
    if (parts[1]) slice.upper = parts[1];
    if (parts[2]) slice.step = parts[2];
    return slice;
  }

  private callArguments(callee: Node): Node {
    const args: Node[] = [];
    const keywordArguments: { name: string; value: Node }[] = [];
    let kwargs: Node | undefined;
    let star: Node | undefined;
    while (!this.isOp(")")) {
      if (kwargs) throw new Decline("argument after **");
      const token = this.peek();
      const following = this.tokens[this.position + 1]!;
      if (this.isOp("*")) {
        if (star) throw new Decline("two * arguments");
        this.position++;
        star = this.test();
      } else if (this.isOp("**")) {
        this.position++;
        kwargs = this.test();
      } else if (token.kind === "name" && following.kind === "op" && following.text === "=") {
        if (keywords.has(token.text) || keywordArguments.some((keyword) => keyword.name === token.text)) {
          throw new Decline("keyword argument name");
        }
        this.position += 2;
        keywordArguments.push({ name: token.text, value: this.test() });
      } else {
        const value = this.test();
        if (this.isKeyword("for")) throw new Decline("generator expression");
        if (keywordArguments.length > 0 || star) throw new Decline("positional after keyword or *");
        args.push(value);
      }
      if (!this.isOp(",")) break;
      this.position++;
    }
    this.expectOp(")");
    const call: Node = { kind: "call", callee, args, keywords: keywordArguments };
    if (star) call.star = star;
    if (kwargs) call.kwargs = kwargs;
    return call;
  }

  private atom(): Node {
    const token = this.next();
    switch (token.kind) {
      case "name":
        if (keywords.has(token.text)) throw new Decline(`keyword ${token.text}`);
        if (token.text === "None") return { kind: "constant", value: null };
        if (token.text === "True") return { kind: "constant", value: true };
        if (token.text === "False") return { kind: "constant", value: false };
        return this.located({ kind: "name", id: token.text }, token.offset);
      case "number":
        return { kind: "constant", value: numberLiteral(token.text) };
      case "string":
        return this.strings(token);
      case "op":
        return this.bracketed(token.text);
      case "end":
        throw new Decline("unexpected end");
    }
  }

  /** Adjacent literals concatenate; one `u` literal makes the whole unicode. */
  private strings(first: Token & { kind: "string" }): Node {
    let value = first.value;
    let unicode = first.unicode;
    while (this.peek().kind === "string") {
      const token = this.next() as Token & { kind: "string" };
      value += token.value;
      unicode ||= token.unicode;
    }
    return { kind: "constant", value: unicode ? value : new PyStr(value) };
  }

  private bracketed(open: string): Node {
    if (open === "(") {
      if (this.isOp(")")) {
        this.position++;
        return { kind: "tuple", items: [] };
      }
      const first = this.test();
      if (this.isKeyword("for")) throw new Decline("generator expression");
      if (this.isOp(")")) {
        this.position++;
        return first;
      }
      const items = this.commaSeparated([first], ")");
      return { kind: "tuple", items };
    }
    if (open === "[") {
      if (this.isOp("]")) {
        this.position++;
        return { kind: "list", items: [] };
      }
      const first = this.test();
      if (this.isKeyword("for")) return this.listComprehension(first);
      if (this.isOp("]")) {
        this.position++;
        return { kind: "list", items: [first] };
      }
      return { kind: "list", items: this.commaSeparated([first], "]") };
    }
    if (open === "{") return this.dictOrSet();
    throw new Decline(`unexpected ${open}`);
  }

  /** After `[element`: `for target in iterable (if condition)* ]`. */
  private listComprehension(element: Node): Node {
    this.position++;
    const target = this.targetList();
    if (!this.isKeyword("in")) throw new Decline("comprehension without in");
    this.position++;
    // Python 2 allows `for x in a, b` here only as an old-style tuple; keep it simple.
    const iterable = this.orTest();
    const conditions: Node[] = [];
    while (this.isKeyword("if")) {
      this.position++;
      conditions.push(this.orTest());
    }
    if (this.isKeyword("for")) throw new Decline("nested comprehension");
    this.expectOp("]");
    return { kind: "listcomp", element, target, iterable, conditions };
  }

  /** `for` targets: `x`, `x, y`, `(x, y)`, `a.b`, `a[i]` — stops before `in`. */
  targetList(): Node {
    const first = this.arith();
    if (!this.isOp(",")) return first;
    const items = [first];
    while (this.isOp(",")) {
      this.position++;
      if (this.isKeyword("in") || this.isOp("=")) break;
      items.push(this.arith());
    }
    return { kind: "tuple", items };
  }

  /** After the first item: `, item`* `[,]` close. */
  private commaSeparated(items: Node[], close: string): Node[] {
    while (!this.isOp(close)) {
      this.expectOp(",");
      if (this.isOp(close)) break;
      items.push(this.test());
    }
    this.position++;
    return items;
  }

  private dictOrSet(): Node {
    if (this.isOp("}")) {
      this.position++;
      return { kind: "dict", keys: [], values: [] };
    }
    const first = this.test();
    if (this.isKeyword("for")) throw new Decline("comprehension");
    if (!this.isOp(":")) {
      return { kind: "set", items: this.commaSeparated([first], "}") };
    }
    const keys = [first];
    const values: Node[] = [];
    this.position++;
    values.push(this.test());
    if (this.isKeyword("for")) throw new Decline("comprehension");
    while (!this.isOp("}")) {
      this.expectOp(",");
      if (this.isOp("}")) break;
      keys.push(this.test());
      this.expectOp(":");
      values.push(this.test());
    }
    this.position++;
    return { kind: "dict", keys, values };
  }
}

const intMax = 2147483647;

function numberLiteral(text: string): PyValue {
  if (/[jJ]$/.test(text)) throw new Decline("complex literal");
  const isLong = /[lL]$/.test(text);
  const digits = isLong ? text.slice(0, -1) : text;
  let integer: bigint | undefined;
  if (/^0[xX]/.test(digits)) integer = BigInt(digits);
  else if (/^0[oO]/.test(digits)) integer = BigInt(`0o${digits.slice(2)}`);
  else if (/^0[bB]/.test(digits)) integer = BigInt(digits);
  else if (/^0\d+$/.test(digits)) {
    if (/[89]/.test(digits)) throw new Decline("bad octal literal");
    integer = BigInt(`0o${digits.slice(1)}`);
  } else if (/^\d+$/.test(digits)) integer = BigInt(digits);
  if (integer === undefined) {
    if (isLong) throw new Decline("bad long literal");
    return new PyFloat(Number(digits));
  }
  if (isLong || integer > BigInt(intMax)) return new PyLong(integer);
  return Number(integer);
}
