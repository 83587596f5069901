import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * A subset of HOCON, enough for planner.conf: objects (braced or the root without braces),
 * dotted keys, `=`/`:` separators (none before `{`), quoted and unquoted strings, value
 * concatenation on one line (`5 seconds`), arrays, `#` and `//` comments, commas or newlines
 * between fields, and merging of repeated object keys. Substitutions and includes are
 * reported as unsupported and skipped. Scalars stay text; the reader of a key decides
 * whether it is a number, a duration or a string.
 */
export type HoconValue = HoconObject | HoconArray | HoconScalar;

interface Positioned {
  line: number;
  column: number;
}

export interface HoconObject extends Positioned {
  kind: "object";
  fields: Map<string, HoconValue>;
}

export interface HoconArray extends Positioned {
  kind: "array";
  items: HoconValue[];
}

export interface HoconScalar extends Positioned {
  kind: "scalar";
  text: string;
  /** True when the whole value was one quoted string. */
  quoted: boolean;
}

export interface HoconParseResult {
  root: HoconObject;
  diagnostics: Diagnostic[];
}

/** Parses a HOCON document. A syntax error is reported once; what was read before it is kept. */
export function parseHocon(source: string, file: string): HoconParseResult {
  const parser = new HoconParser(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, file);
  return { root: parser.parseDocument(), diagnostics: parser.diagnostics };
}

/** The value at a dotted path (`xl.file-watch.interval`), or undefined. */
export function hoconLookup(root: HoconObject, dottedPath: string): HoconValue | undefined {
  let current: HoconValue | undefined = root;
  for (const segment of dottedPath.split(".")) {
    if (current?.kind !== "object") return undefined;
    current = current.fields.get(segment);
  }
  return current;
}

class HoconSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly offset: number,
  ) {
    super(detail);
  }
}

/** Characters HOCON forbids in unquoted strings and keys. */
const forbidden = new Set([...'$"{}[]:=,+#`^?!@*&\\']);

class HoconParser {
  readonly diagnostics: Diagnostic[] = [];
  private offset = 0;
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly source: string,
    private readonly file: string,
  ) {
    for (let i = 0; i < source.length; i++) if (source[i] === "\n") this.lineStarts.push(i + 1);
  }

  parseDocument(): HoconObject {
    const root = this.newObject(0);
    try {
      this.skipBlank();
      if (this.peek() === "{") {
        this.offset++;
        this.parseFields(root, "}");
        this.expect("}");
        this.skipBlank();
      } else {
        this.parseFields(root, undefined);
      }
      if (this.offset < this.source.length) this.fail(`unexpected '${this.peek()}'`);
    } catch (error) {
      if (!(error instanceof HoconSyntaxError)) throw error;
      this.diagnostics.push(
        diagnostic("PW1010", { detail: error.detail }, { file: this.file, ...this.position(error.offset) }),
      );
    }
    return root;
  }

  /** Fields until `close` (or the end of the input when undefined). */
  private parseFields(target: HoconObject, close: "}" | undefined): void {
    for (;;) {
      this.skipBlank(true);
      if (this.offset >= this.source.length) {
        if (close) this.fail(`missing '${close}'`);
        return;
      }
      if (this.peek() === close) return;
      const keyStart = this.offset;
      const path = this.parseKeyPath();
      this.skipInline();
      if (path.length === 1 && path[0] === "include" && !["=", ":", "{"].includes(this.peek() ?? "")) {
        this.unsupported("include", keyStart);
        this.skipToLineEnd();
        continue;
      }
      let value: HoconValue;
      if (this.peek() === "{") {
        value = this.parseValue();
      } else {
        const separator = this.peek();
        if (separator === "+" && this.source[this.offset + 1] === "=") {
          this.unsupported("'+='", this.offset);
          this.offset++;
        } else if (separator !== "=" && separator !== ":") {
          this.fail(`expected '=', ':' or '{' after key '${path.join(".")}'`);
        }
        this.offset++;
        this.skipInline();
        value = this.parseValue();
      }
      this.assign(target, path, value, keyStart);
      this.endOfField(close);
    }
  }

  private endOfField(close: "}" | "]" | undefined): void {
    this.skipInline();
    this.skipComment();
    const next = this.peek();
    if (next === "," || next === "\n" || next === "\r") {
      this.offset++;
      return;
    }
    if (this.offset >= this.source.length || next === close) return;
    this.fail(`unexpected '${next}'`);
  }

  private assign(target: HoconObject, path: string[], value: HoconValue, keyStart: number): void {
    let object = target;
    for (const segment of path.slice(0, -1)) {
      const existing = object.fields.get(segment);
      if (existing?.kind === "object") object = existing;
      else {
        const created = this.newObject(keyStart);
        object.fields.set(segment, created);
        object = created;
      }
    }
    const last = path[path.length - 1]!;
    const existing = object.fields.get(last);
    if (existing?.kind === "object" && value.kind === "object") mergeObjects(existing, value);
    else object.fields.set(last, value);
  }

  private parseKeyPath(): string[] {
    const segments: string[] = [];
    let segment = "";
    let any = false;
    for (;;) {
      const c = this.peek();
      if (c === '"') {
        segment += this.parseQuoted();
        any = true;
      } else if (c === ".") {
        if (!any) this.fail("empty key segment");
        segments.push(segment);
        segment = "";
        any = false;
        this.offset++;
      } else if (c !== undefined && !isSpace(c) && !forbidden.has(c) && !this.atComment()) {
        segment += c;
        any = true;
        this.offset++;
      } else break;
    }
    if (!any)
      this.fail(this.offset >= this.source.length ? "expected a key" : `expected a key, found '${this.peek()}'`);
    segments.push(segment);
    return segments;
  }

  private parseValue(): HoconValue {
    const start = this.offset;
    const c = this.peek();
    if (c === "{") {
      this.offset++;
      const object = this.newObject(start);
      this.parseFields(object, "}");
      this.expect("}");
      return object;
    }
    if (c === "[") return this.parseArray();
    if (c === "$" && this.source[this.offset + 1] === "{") {
      this.unsupported("substitution", start);
      const end = this.source.indexOf("}", this.offset);
      if (end < 0) this.fail("missing '}' after '${'");
      this.offset = end + 1;
      return { kind: "scalar", text: "", quoted: false, ...this.position(start) };
    }
    return this.parseConcatenation();
  }

  private parseArray(): HoconArray {
    const array: HoconArray = { kind: "array", items: [], ...this.position(this.offset) };
    this.offset++;
    for (;;) {
      this.skipBlank(true);
      if (this.peek() === "]") {
        this.offset++;
        return array;
      }
      if (this.offset >= this.source.length) this.fail("missing ']'");
      array.items.push(this.parseValue());
      this.endOfField("]");
    }
  }

  /** Quoted and unquoted pieces on one line, joined with the whitespace between them. */
  private parseConcatenation(): HoconScalar {
    const start = this.offset;
    let text = "";
    let pieces = 0;
    let quoted = false;
    for (;;) {
      const c = this.peek();
      if (c === '"') {
        text += this.parseQuoted();
        quoted = pieces === 0;
      } else if (c !== undefined && !forbidden.has(c) && !isNewline(c) && !this.atComment()) {
        let run = "";
        while (this.offset < this.source.length) {
          const d = this.peek()!;
          if (forbidden.has(d) || isNewline(d) || this.atComment()) break;
          run += d;
          this.offset++;
        }
        // Whitespace belongs to the value only between pieces, never at its end.
        const trimmed = run.trimEnd();
        text += trimmed;
        if (trimmed.length < run.length && this.peek() === '"') text += run.slice(trimmed.length);
        quoted = false;
      } else break;
      pieces++;
    }
    if (pieces === 0) this.fail(this.offset >= this.source.length ? "expected a value" : `unexpected '${this.peek()}'`);
    if (pieces > 1) quoted = false;
    return { kind: "scalar", text, quoted, ...this.position(start) };
  }

  private parseQuoted(): string {
    const start = this.offset;
    if (this.source.startsWith('"""', this.offset)) {
      const end = this.source.indexOf('"""', this.offset + 3);
      if (end < 0) this.fail("unterminated triple-quoted string", start);
      const text = this.source.slice(this.offset + 3, end);
      this.offset = end + 3;
      return text;
    }
    this.offset++;
    let text = "";
    for (;;) {
      const c = this.peek();
      if (c === undefined || isNewline(c)) this.fail("unterminated string", start);
      this.offset++;
      if (c === '"') return text;
      if (c !== "\\") {
        text += c;
        continue;
      }
      const escaped = this.peek();
      this.offset++;
      const simple: Record<string, string> = {
        '"': '"',
        "\\": "\\",
        "/": "/",
        b: "\b",
        f: "\f",
        n: "\n",
        r: "\r",
        t: "\t",
      };
      if (escaped !== undefined && simple[escaped] !== undefined) text += simple[escaped];
      else if (escaped === "u" && /^[0-9a-fA-F]{4}$/.test(this.source.slice(this.offset, this.offset + 4))) {
        text += String.fromCharCode(Number.parseInt(this.source.slice(this.offset, this.offset + 4), 16));
        this.offset += 4;
      } else this.fail(`invalid escape '\\${escaped ?? ""}'`, this.offset - 2);
    }
  }

  private newObject(offset: number): HoconObject {
    return { kind: "object", fields: new Map(), ...this.position(offset) };
  }

  private expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected '${c}'`);
    this.offset++;
  }

  private peek(): string | undefined {
    return this.source[this.offset];
  }

  private atComment(): boolean {
    return this.peek() === "#" || this.source.startsWith("//", this.offset);
  }

  private skipComment(): void {
    if (this.atComment()) this.skipToLineEnd();
  }

  private skipToLineEnd(): void {
    while (this.offset < this.source.length && this.peek() !== "\n") this.offset++;
  }

  private skipInline(): void {
    while (this.offset < this.source.length && isSpace(this.peek()!) && !isNewline(this.peek()!)) this.offset++;
  }

  /** Whitespace, newlines and comments; with `commas`, also field separators. */
  private skipBlank(commas = false): void {
    for (;;) {
      const c = this.peek();
      if (c === undefined) return;
      if (isSpace(c) || (commas && c === ",")) this.offset++;
      else if (this.atComment()) this.skipToLineEnd();
      else return;
    }
  }

  private unsupported(feature: string, offset: number): void {
    this.diagnostics.push(diagnostic("PW1013", { feature }, { file: this.file, ...this.position(offset) }));
  }

  private fail(detail: string, offset = this.offset): never {
    throw new HoconSyntaxError(detail, offset);
  }

  private position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }
}

function mergeObjects(into: HoconObject, from: HoconObject): void {
  for (const [key, value] of from.fields) {
    const existing = into.fields.get(key);
    if (existing?.kind === "object" && value.kind === "object") mergeObjects(existing, value);
    else into.fields.set(key, value);
  }
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v" || c === "\ufeff";
}

function isNewline(c: string): boolean {
  return c === "\n" || c === "\r";
}
