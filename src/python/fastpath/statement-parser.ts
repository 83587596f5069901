import { type BinaryOperator, ExpressionParser, isKeyword, type Node, type Parameters } from "./parser.js";
import { Decline, type Token, tokenize } from "./tokenizer.js";

/**
 * The statements of the planning-script subset (DESIGN §4, corpus survey §6.4). Anything
 * else — `class`, `with`, `exec`, `yield`, `;`, `print >>f`, `print x,`
 * — makes the whole script decline to the interpreter, which also reports real syntax
 * errors. Where a statement may appear (`return` in a function, ...) is the
 * compiler's check. `line` is the 1-based line within the script.
 */
export type Statement =
  | { kind: "expression"; line: number; value: Node }
  | { kind: "assign"; line: number; targets: Node[]; value: Node }
  | { kind: "augmented"; line: number; target: Node; operator: BinaryOperator; value: Node }
  | { kind: "if"; line: number; branches: { test: Node; body: Statement[] }[]; otherwise: Statement[] | undefined }
  | { kind: "for"; line: number; target: Node; iterable: Node; body: Statement[]; otherwise: Statement[] | undefined }
  | { kind: "while"; line: number; test: Node; body: Statement[]; otherwise: Statement[] | undefined }
  | { kind: "pass" | "break" | "continue"; line: number }
  | { kind: "print"; line: number; values: Node[] }
  /** `raise` (neither), `raise E`, `raise E(...)`, `raise E, value`. */
  | { kind: "raise"; line: number; exception: Node | undefined; value: Node | undefined }
  | { kind: "def"; line: number; function: FunctionDefinition }
  | { kind: "return"; line: number; value: Node | undefined }
  | { kind: "global"; line: number; names: string[] }
  | { kind: "assert"; line: number; test: Node; message: Node | undefined }
  /** `del` of names and items (not slices, not attributes). */
  | { kind: "del"; line: number; targets: Node[] }
  | {
      kind: "try";
      line: number;
      body: Statement[];
      handlers: ExceptHandler[];
      otherwise: Statement[] | undefined;
      final: Statement[] | undefined;
    }
  /** `from module import names`. */
  | { kind: "import"; line: number; module: string; names: { name: string; alias: string }[] }
  /** `import a.b, c as d`: a module (its first package without `as`), or a Java class with `as`. */
  | { kind: "importModules"; line: number; modules: { module: string; alias: string | undefined }[] };

/** `def name(parameters, name=default, *varargs, **kwargs): body`. */
export interface FunctionDefinition extends Parameters {
  name: string;
  body: Statement[];
}

/** `except [types [as|, name]]: body`. */
export interface ExceptHandler {
  line: number;
  types: Node | undefined;
  name: string | undefined;
  body: Statement[];
}

/** One logical line: its tokens (offsets into the whole script), first line and indentation. */
interface LogicalLine {
  tokens: Token[];
  line: number;
  indent: number;
}

const augmentedOperators: Record<string, BinaryOperator> = {
  "+=": "+",
  "-=": "-",
  "*=": "*",
  "/=": "/",
  "//=": "//",
  "%=": "%",
  "**=": "**",
};

/** Parses a script of the subset; throws `Decline` for anything outside it. */
export function parseScript(source: string): Statement[] {
  const { lines, lineStarts } = logicalLines(source);
  const parser = new BlockParser(lines, lineStarts);
  const statements = parser.block(0);
  if (!parser.done()) throw new Decline("unexpected indentation");
  return statements;
}

class BlockParser {
  private index = 0;

  constructor(
    private readonly lines: LogicalLine[],
    private readonly lineStarts: number[],
  ) {}

  done(): boolean {
    return this.index >= this.lines.length;
  }

  /** The statements at exactly `indent`, until a line indented less. */
  block(indent: number): Statement[] {
    const statements: Statement[] = [];
    while (!this.done()) {
      const line = this.lines[this.index]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw new Decline("unexpected indent");
      statements.push(this.statement(line));
    }
    return statements;
  }

  private statement(line: LogicalLine): Statement {
    this.index++;
    const parser = new ExpressionParser(line.tokens, this.lineStarts);
    const first = parser.peek();
    const keyword = first.kind === "name" ? first.text : "";
    if (keyword === "if") return this.ifStatement(parser, line);
    if (keyword === "for") {
      parser.position++;
      const target = parser.targetList();
      if (!parser.isKeyword("in")) throw new Decline("for without in");
      parser.position++;
      const iterable = parser.testList();
      const body = this.body(parser, line);
      return { kind: "for", line: line.line, target, iterable, body, otherwise: this.clause(line, "else") };
    }
    if (keyword === "while") {
      parser.position++;
      const test = parser.test();
      const body = this.body(parser, line);
      return { kind: "while", line: line.line, test, body, otherwise: this.clause(line, "else") };
    }
    if (keyword === "def") return this.defStatement(parser, line);
    if (keyword === "try") return this.tryStatement(parser, line);
    if (keyword === "elif" || keyword === "else" || keyword === "except" || keyword === "finally") {
      throw new Decline(`${keyword} out of place`);
    }
    const statement = simpleStatement(parser, line.line);
    if (parser.peek().kind !== "end") throw new Decline("trailing tokens");
    return statement;
  }

  private ifStatement(parser: ExpressionParser, line: LogicalLine): Statement {
    parser.position++;
    const branches = [{ test: parser.test(), body: this.body(parser, line) }];
    while (this.continues(line, "elif")) {
      const next = this.lines[this.index++]!;
      const clause = new ExpressionParser(next.tokens, this.lineStarts);
      clause.position++;
      branches.push({ test: clause.test(), body: this.body(clause, next) });
    }
    return { kind: "if", line: line.line, branches, otherwise: this.clause(line, "else") };
  }

  private defStatement(parser: ExpressionParser, line: LogicalLine): Statement {
    parser.position++;
    const name = parser.next();
    if (name.kind !== "name") throw new Decline("def name");
    parser.expectOp("(");
    const parameters = parser.parameters(")");
    parser.expectOp(")");
    const body = this.body(parser, line);
    return {
      kind: "def",
      line: line.line,
      function: { name: name.text, ...parameters, body },
    };
  }

  private tryStatement(parser: ExpressionParser, line: LogicalLine): Statement {
    parser.position++;
    const body = this.body(parser, line);
    const handlers: ExceptHandler[] = [];
    while (this.continues(line, "except")) {
      if (handlers.at(-1)?.types === undefined && handlers.length > 0) throw new Decline("default except not last");
      const next = this.lines[this.index++]!;
      const clause = new ExpressionParser(next.tokens, this.lineStarts);
      clause.position++;
      let types: Node | undefined;
      let name: string | undefined;
      if (!clause.isOp(":")) {
        types = clause.test();
        if (clause.isOp(",") || clause.isKeyword("as")) {
          clause.position++;
          const token = clause.next();
          if (token.kind !== "name" || isKeyword(token.text)) throw new Decline("except target");
          name = token.text;
        }
      }
      handlers.push({ line: next.line, types, name, body: this.body(clause, next) });
    }
    const otherwise = handlers.length > 0 ? this.clause(line, "else") : undefined;
    const final = this.clause(line, "finally");
    if (handlers.length === 0 && !final) throw new Decline("try without except or finally");
    return { kind: "try", line: line.line, body, handlers, otherwise, final };
  }

  /** The body of `keyword:` when the next line is that clause of `header`'s statement. */
  private clause(header: LogicalLine, keyword: string): Statement[] | undefined {
    if (!this.continues(header, keyword)) return undefined;
    const next = this.lines[this.index++]!;
    const clause = new ExpressionParser(next.tokens, this.lineStarts);
    clause.position++;
    return this.body(clause, next);
  }

  /** True when the next line is `keyword` at the indentation of `header`. */
  private continues(header: LogicalLine, keyword: string): boolean {
    const next = this.lines[this.index];
    const token = next?.tokens[0];
    return next !== undefined && next.indent === header.indent && token?.kind === "name" && token.text === keyword;
  }

  /** `: simple statement` on the header's line, or `:` and an indented block. */
  private body(parser: ExpressionParser, header: LogicalLine): Statement[] {
    parser.expectOp(":");
    if (parser.peek().kind !== "end") {
      const statement = simpleStatement(parser, header.line);
      if (parser.peek().kind !== "end") throw new Decline("trailing tokens");
      return [statement];
    }
    const next = this.lines[this.index];
    if (!next || next.indent <= header.indent) throw new Decline("expected an indented block");
    return this.block(next.indent);
  }
}

function simpleStatement(parser: ExpressionParser, line: number): Statement {
  const first = parser.peek();
  if (first.kind === "name") {
    switch (first.text) {
      case "pass":
      case "break":
      case "continue":
        parser.position++;
        return { kind: first.text, line };
      case "print":
        return printStatement(parser, line);
      case "raise":
        return raiseStatement(parser, line);
      case "from":
        return importStatement(parser, line);
      case "import":
        return importAsStatement(parser, line);
      case "return": {
        parser.position++;
        return { kind: "return", line, value: parser.peek().kind === "end" ? undefined : parser.testList() };
      }
      case "global": {
        parser.position++;
        const names: string[] = [];
        for (;;) {
          const token = parser.next();
          if (token.kind !== "name" || isKeyword(token.text)) throw new Decline("global name");
          names.push(token.text);
          if (!parser.isOp(",")) break;
          parser.position++;
        }
        return { kind: "global", line, names };
      }
      case "assert": {
        parser.position++;
        const test = parser.test();
        let message: Node | undefined;
        if (parser.isOp(",")) {
          parser.position++;
          message = parser.test();
        }
        return { kind: "assert", line, test, message };
      }
      case "del": {
        parser.position++;
        const target = parser.targetList();
        const targets = target.kind === "tuple" ? target.items : [target];
        for (const item of targets) {
          if (item.kind !== "name" && (item.kind !== "subscript" || item.index.kind === "slice")) {
            throw new Decline("del target");
          }
        }
        return { kind: "del", line, targets };
      }
      case "def":
      case "while":
      case "try":
      case "except":
      case "finally":
      case "class":
      case "with":
      case "exec":
      case "yield":
      case "lambda":
      case "elif":
      case "else":
      case "if":
      case "for":
        throw new Decline(`statement ${first.text}`);
    }
  }
  const value = parser.testList();
  const next = parser.peek();
  if (next.kind === "op" && Object.hasOwn(augmentedOperators, next.text)) {
    parser.position++;
    checkTarget(value, false);
    return {
      kind: "augmented",
      line,
      target: value,
      operator: augmentedOperators[next.text]!,
      value: parser.testList(),
    };
  }
  if (!parser.isOp("=")) return { kind: "expression", line, value };
  const targets = [value];
  let assigned: Node = value;
  while (parser.isOp("=")) {
    parser.position++;
    assigned = parser.testList();
    targets.push(assigned);
  }
  targets.pop();
  for (const target of targets) checkTarget(target, true);
  return { kind: "assign", line, targets, value: assigned };
}

/** Names, attributes, items and (for plain assignment) tuples/lists of them. */
function checkTarget(node: Node, unpacking: boolean): void {
  switch (node.kind) {
    case "name":
      if (node.id === "None" || node.id === "True" || node.id === "False") throw new Decline("assignment to keyword");
      return;
    case "attribute":
      return;
    case "subscript":
      if (node.index.kind === "slice") throw new Decline("slice assignment");
      return;
    case "tuple":
    case "list":
      if (!unpacking || node.items.length === 0) throw new Decline("target");
      for (const item of node.items) checkTarget(item, true);
      return;
    default:
      throw new Decline("target");
  }
}

function printStatement(parser: ExpressionParser, line: number): Statement {
  parser.position++;
  if (parser.peek().kind === "end") return { kind: "print", line, values: [] };
  if (parser.isOp(">>")) throw new Decline("print >>");
  const values = [parser.test()];
  while (parser.isOp(",")) {
    parser.position++;
    // `print x,` keeps the line open (softspace): left to the interpreter.
    if (parser.peek().kind === "end") throw new Decline("print with trailing comma");
    values.push(parser.test());
  }
  return { kind: "print", line, values };
}

/** `raise`, `raise E`, `raise E(...)`, `raise E, value`; what E may be is the compiler's check. */
function raiseStatement(parser: ExpressionParser, line: number): Statement {
  parser.position++;
  if (parser.peek().kind === "end") return { kind: "raise", line, exception: undefined, value: undefined };
  const exception = parser.test();
  let value: Node | undefined;
  if (parser.isOp(",")) {
    parser.position++;
    value = parser.test();
    // `raise E, V, traceback`
    if (parser.isOp(",")) throw new Decline("raise with a traceback");
  }
  return { kind: "raise", line, exception, value };
}

/** A module's dotted name (`a.b.c`) as its parts. */
function dottedName(parser: ExpressionParser): string[] {
  const parts: string[] = [];
  for (;;) {
    const token = parser.next();
    if (token.kind !== "name") throw new Decline("import");
    parts.push(token.text);
    if (!parser.isOp(".")) return parts;
    parser.position++;
  }
}

/** `from module import Name [as alias], ...`, `from module import (...)`, `from module import *` (name "*"). */
function importStatement(parser: ExpressionParser, line: number): Statement {
  parser.position++;
  const parts = dottedName(parser);
  if (!parser.isKeyword("import")) throw new Decline("import");
  parser.position++;
  const names: { name: string; alias: string }[] = [];
  if (parser.isOp("*")) {
    parser.position++;
    return { kind: "import", line, module: parts.join("."), names: [{ name: "*", alias: "*" }] };
  }
  const parenthesized = parser.isOp("(");
  if (parenthesized) parser.position++;
  for (;;) {
    const token = parser.next();
    if (token.kind !== "name") throw new Decline("import list");
    let alias = token.text;
    if (parser.isKeyword("as")) {
      parser.position++;
      const aliasToken = parser.next();
      if (aliasToken.kind !== "name") throw new Decline("import alias");
      alias = aliasToken.text;
    }
    names.push({ name: token.text, alias });
    if (!parser.isOp(",")) break;
    parser.position++;
    if (parenthesized && parser.isOp(")")) break;
  }
  if (parenthesized) parser.expectOp(")");
  return { kind: "import", line, module: parts.join("."), names };
}

/** `import a.b [as c], d ...`. */
function importAsStatement(parser: ExpressionParser, line: number): Statement {
  parser.position++;
  const modules: { module: string; alias: string | undefined }[] = [];
  for (;;) {
    const parts = dottedName(parser);
    let alias: string | undefined;
    if (parser.isKeyword("as")) {
      parser.position++;
      const token = parser.next();
      if (token.kind !== "name") throw new Decline("import alias");
      alias = token.text;
    }
    modules.push({ module: parts.join("."), alias });
    if (!parser.isOp(",")) break;
    parser.position++;
  }
  return { kind: "importModules", line, modules };
}

/**
 * Splits the script into logical lines: brackets and backslashes join physical lines,
 * comments and blank lines go. Each line is tokenized with offsets into the whole script.
 */
function logicalLines(source: string): { lines: LogicalLine[]; lineStarts: number[] } {
  // A form feed resets the indentation column: rare in planning scripts.
  if (source.includes("\f")) throw new Decline("form feed");
  const lineStarts: number[] = [];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const text = blankComments(source);
  const lines: LogicalLine[] = [];
  let start = 0;
  let depth = 0;
  let i = 0;
  const finish = (end: number) => {
    const segment = text.slice(start, end);
    if (segment.trim() !== "") {
      const firstCharacter = start + segment.length - segment.replace(/^[ \t\r\n]*/, "").length;
      const lineStart = source.lastIndexOf("\n", firstCharacter - 1) + 1;
      const tokens = tokenize(segment).map((token) => ({ ...token, offset: token.offset + start }));
      lines.push({
        tokens,
        line: lineNumber(lineStarts, firstCharacter),
        indent: indentation(source, lineStart, firstCharacter),
      });
    }
    start = end + 1;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      i = skipString(text, i);
      continue;
    }
    if (ch === "\\") {
      i += 2;
      continue;
    }
    // `;` joins statements on a line: rare in planning scripts.
    if (ch === ";") throw new Decline("semicolon");
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
    else if (ch === "\n" && depth === 0) finish(i);
    i++;
  }
  finish(text.length);
  return { lines, lineStarts };
}

/**
 * The indentation column of a line as Jython 2.7 counts it: a tab advances to the next
 * multiple of 8, and lines may mix tabs and spaces (no TabError).
 */
function indentation(source: string, lineStart: number, firstCharacter: number): number {
  let column = 0;
  for (let i = lineStart; i < firstCharacter; i++) {
    column = source[i] === "\t" ? (Math.floor(column / 8) + 1) * 8 : column + 1;
  }
  return column;
}

function lineNumber(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lineStarts[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low + 1;
}

/** Comments become spaces (offsets stay), strings are left alone. */
function blankComments(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "'" || ch === '"') {
      const end = skipString(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (ch === "#") {
      let end = source.indexOf("\n", i);
      if (end < 0) end = source.length;
      out += " ".repeat(end - i);
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The offset after the string literal starting at `i` (prefix letters are ordinary characters here). */
function skipString(text: string, i: number): number {
  const quote = text[i]!;
  const triple = text.startsWith(quote.repeat(3), i);
  const delimiter = triple ? quote.repeat(3) : quote;
  let j = i + delimiter.length;
  while (j < text.length) {
    if (text[j] === "\\") {
      j += 2;
      continue;
    }
    if (text.startsWith(delimiter, j)) return j + delimiter.length;
    if (!triple && text[j] === "\n") throw new Decline("newline in string");
    j++;
  }
  throw new Decline("unterminated string");
}
