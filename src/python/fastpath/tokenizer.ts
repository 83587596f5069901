/**
 * Tokens of a Python 2.7 expression. Newlines are plain whitespace here: XL Deploy evaluates
 * multi-line expressions that break after a binary operator outside brackets (corpus survey
 * §5.4), so the fast path joins lines. Anything the tokenizer does not know makes the whole
 * expression decline (it goes to the interpreter, which reports real syntax errors).
 */
export type Token =
  | { kind: "name"; text: string; offset: number }
  | { kind: "number"; text: string; offset: number }
  | { kind: "string"; value: string; unicode: boolean; offset: number }
  | { kind: "op"; text: string; offset: number }
  | { kind: "end"; offset: number };

// Longest first: augmented assignments before their operators, `==` before `=`.
const operators = [
  "**=",
  "//=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "**",
  "//",
  "==",
  "!=",
  "<>",
  "<=",
  ">=",
  "<<",
  ">>",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  ".",
  "~",
  "&",
  "|",
  "^",
  "=",
];

export class Decline extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "Decline";
  }
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f") {
      i++;
      continue;
    }
    if (ch === "\\" && (source[i + 1] === "\n" || source[i + 1] === "\r")) {
      i += 2;
      continue;
    }
    if (ch === "#") throw new Decline("comment");
    const stringStart = stringPrefixLength(source, i);
    if (stringStart >= 0) {
      const prefix = source.slice(i, i + stringStart).toLowerCase();
      const [value, end] = readString(source, i + stringStart, prefix.includes("r"), prefix.includes("u"));
      tokens.push({ kind: "string", value, unicode: prefix.includes("u"), offset: i });
      i = end;
      continue;
    }
    if (isIdentifierStart(ch)) {
      let end = i + 1;
      while (end < source.length && isIdentifierPart(source[end]!)) end++;
      tokens.push({ kind: "name", text: source.slice(i, end), offset: i });
      i = end;
      continue;
    }
    if (isDigit(ch) || (ch === "." && isDigit(source[i + 1] ?? ""))) {
      const match =
        /^(?:0[xX][0-9a-fA-F]+[lL]?|0[oO][0-7]+[lL]?|0[bB][01]+[lL]?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[jJlL]?)/.exec(
          source.slice(i),
        );
      if (!match) throw new Decline("number");
      const next = source[i + match[0].length] ?? "";
      if (isIdentifierPart(next)) throw new Decline("number");
      tokens.push({ kind: "number", text: match[0], offset: i });
      i += match[0].length;
      continue;
    }
    const op = operators.find((candidate) => source.startsWith(candidate, i));
    if (!op) throw new Decline(`character ${ch}`);
    tokens.push({ kind: "op", text: op, offset: i });
    i += op.length;
  }
  tokens.push({ kind: "end", offset: source.length });
  return tokens;
}

function stringPrefixLength(source: string, i: number): number {
  const match = /^(?:[uU][rR]?|[rR]|[bB][rR]?)?(?=['"])/.exec(source.slice(i, i + 3));
  return match ? match[0].length : -1;
}

function readString(source: string, start: number, raw: boolean, unicode: boolean): [string, number] {
  const quote = source[start]!;
  const triple = source.startsWith(quote.repeat(3), start);
  const delimiter = triple ? quote.repeat(3) : quote;
  let i = start + delimiter.length;
  let value = "";
  while (true) {
    if (i >= source.length) throw new Decline("unterminated string");
    if (source.startsWith(delimiter, i)) return [checkBytes(value, unicode), i + delimiter.length];
    const ch = source[i]!;
    if (!triple && (ch === "\n" || ch === "\r")) throw new Decline("newline in string");
    if (ch !== "\\") {
      value += ch;
      i++;
      continue;
    }
    const next = source[i + 1];
    if (next === undefined) throw new Decline("unterminated string");
    if (raw) {
      // A raw string keeps the backslash; `\u` escapes still apply in ur'' strings.
      if (unicode && next === "u") throw new Decline("raw unicode escape");
      value += ch + next;
      i += 2;
      continue;
    }
    const [escaped, length] = readEscape(source, i + 1, unicode);
    value += escaped;
    i += 1 + length;
  }
}

function checkBytes(value: string, unicode: boolean): string {
  // Non-ASCII characters in a byte string depend on the source encoding Jython was given.
  if (!unicode)
    for (let i = 0; i < value.length; i++) {
      if (value.charCodeAt(i) > 0x7f) throw new Decline("non-ASCII byte string");
    }
  return value;
}

const simpleEscapes: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\n": "",
};

function readEscape(source: string, i: number, unicode: boolean): [string, number] {
  const ch = source[i]!;
  const simple = simpleEscapes[ch];
  if (simple !== undefined) return [simple, 1];
  if (ch >= "0" && ch <= "7") {
    const digits = /^[0-7]{1,3}/.exec(source.slice(i))![0];
    return [String.fromCharCode(Number.parseInt(digits, 8) & 0xff), digits.length];
  }
  if (ch === "x") {
    const digits = /^[0-9a-fA-F]{2}/.exec(source.slice(i + 1));
    if (!digits) throw new Decline("bad \\x escape");
    return [String.fromCharCode(Number.parseInt(digits[0], 16)), 3];
  }
  if (unicode && (ch === "u" || ch === "U")) {
    const length = ch === "u" ? 4 : 8;
    const digits = new RegExp(`^[0-9a-fA-F]{${length}}`).exec(source.slice(i + 1));
    if (!digits) throw new Decline("bad unicode escape");
    const code = Number.parseInt(digits[0], 16);
    if (code > 0x10ffff) throw new Decline("bad unicode escape");
    return [String.fromCodePoint(code), 1 + length];
  }
  if (unicode && ch === "N") throw new Decline("named unicode escape");
  // Unknown escapes keep their backslash, as in Python.
  return [`\\${ch}`, 1];
}

function isIdentifierStart(ch: string): boolean {
  return (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || ch === "_";
}

function isIdentifierPart(ch: string): boolean {
  return isIdentifierStart(ch) || isDigit(ch);
}

function isDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}
