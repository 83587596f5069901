import { Unresolvable } from "./model.js";

export type Token =
  /** `parts` when the literal holds interpolations: text and each `${…}`'s tokens, in order. */
  | { kind: "string"; value: string; parts?: (string | Token[])[] }
  | { kind: "number"; value: number }
  | { kind: "name"; value: string }
  | { kind: "operator"; value: string };

/** Where an expression stops: `}` of `${…}`, or `>` / `/>` of a directive tag (outside parentheses). */
export type ExpressionCloser = "}" | ">";

export interface TokenizedExpression {
  tokens: Token[];
  /** Index just after the closer. */
  end: number;
  /** The tag ended with `/>`. */
  selfClosing: boolean;
}

/** Longest first, so that `??` wins over `?`, `!=` over `!`. */
const operators = ["??", "..", "!=", "==", "<=", ">=", "&&", "||", "?", "!", "=", "<", ">", "+", "-", "*", "/", "%"];
const brackets = "()[],.";
const nameStart = /[A-Za-z_$@]/;
const namePart = /[A-Za-z0-9_$@]/;
const digit = /[0-9]/;

/** One-character escapes of FreeMarker string literals. */
const escapes: Record<string, string> = {
  '"': '"',
  "'": "'",
  "\\": "\\",
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  f: "\f",
  l: "<",
  g: ">",
  a: "&",
  "{": "{",
  "=": "=",
};

/**
 * Splits the expression that starts at `start` into tokens, up to its closer. In a tag, `>`
 * outside parentheses ends the tag, as in FreeMarker (comparisons there use `gt` or parentheses).
 */
export function tokenizeExpression(source: string, start: number, closer: ExpressionCloser): TokenizedExpression {
  const tokens: Token[] = [];
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const char = source[i]!;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (depth === 0 && closer === "}" && char === "}") return { tokens, end: i + 1, selfClosing: false };
    if (depth === 0 && closer === ">") {
      if (char === ">") return { tokens, end: i + 1, selfClosing: false };
      if (source.startsWith("/>", i)) return { tokens, end: i + 2, selfClosing: true };
    }
    if (char === '"' || char === "'") {
      const literal = stringLiteral(source, i);
      tokens.push(
        literal.parts.length === 1 && typeof literal.parts[0] === "string"
          ? { kind: "string", value: literal.parts[0] }
          : { kind: "string", value: "", parts: literal.parts },
      );
      i = literal.end;
      continue;
    }
    if (char === "r" && (source[i + 1] === '"' || source[i + 1] === "'")) {
      const close = source.indexOf(source[i + 1]!, i + 2);
      if (close < 0) throw new Unresolvable("unterminated raw string");
      tokens.push({ kind: "string", value: source.slice(i + 2, close) });
      i = close + 1;
      continue;
    }
    if (digit.test(char)) {
      const match = /^[0-9]+(?:\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ kind: "number", value: Number(match[0]) });
      i += match[0].length;
      continue;
    }
    if (nameStart.test(char)) {
      let end = i + 1;
      while (end < source.length && namePart.test(source[end]!)) end++;
      if (source[end] === "\\") throw new Unresolvable("escaped name");
      tokens.push({ kind: "name", value: source.slice(i, end) });
      i = end;
      continue;
    }
    const operator = operators.find((candidate) => source.startsWith(candidate, i));
    if (operator) {
      tokens.push({ kind: "operator", value: operator });
      i += operator.length;
      continue;
    }
    if (brackets.includes(char)) {
      if (char === "(" || char === "[") depth++;
      if (char === ")" || char === "]") depth--;
      if (depth < 0) throw new Unresolvable(`unbalanced ${char}`);
      tokens.push({ kind: "operator", value: char });
      i++;
      continue;
    }
    throw new Unresolvable(`unsupported character ${char}`);
  }
  throw new Unresolvable(`expression not closed by ${closer}`);
}

/** A quoted literal with FreeMarker's escapes, split at its `${…}` interpolations. */
function stringLiteral(source: string, start: number): { parts: (string | Token[])[]; end: number } {
  const quote = source[start]!;
  const parts: (string | Token[])[] = [];
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const char = source[i]!;
    if (char === quote) {
      if (value !== "" || parts.length === 0) parts.push(value);
      return { parts, end: i + 1 };
    }
    if (char === "#" && source[i + 1] === "{") throw new Unresolvable("#{…} in a string");
    if (char === "$" && source[i + 1] === "{") {
      if (value !== "") parts.push(value);
      value = "";
      const interpolation = tokenizeExpression(source, i + 2, "}");
      parts.push(interpolation.tokens);
      i = interpolation.end;
      continue;
    }
    if (char !== "\\") {
      value += char;
      i++;
      continue;
    }
    const escaped = source[i + 1];
    if (escaped === "x") {
      const hex = /^[0-9A-Fa-f]{1,4}/.exec(source.slice(i + 2));
      if (!hex) throw new Unresolvable("bad \\x escape");
      value += String.fromCharCode(Number.parseInt(hex[0], 16));
      i += 2 + hex[0].length;
      continue;
    }
    const replacement = escaped === undefined ? undefined : escapes[escaped];
    if (replacement === undefined) throw new Unresolvable(`unknown escape \\${escaped ?? ""}`);
    value += replacement;
    i += 2;
  }
  throw new Unresolvable("unterminated string");
}
