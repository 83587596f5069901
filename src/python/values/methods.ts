import { formatString } from "./format-spec.js";
import { PyDict, PySet, type PyStr, PyTuple, type PyValue, pythonTypeName } from "./model.js";
import { equals, numericRank, toBigInt } from "./operations.js";
import { PythonException, typeError } from "./python-exception.js";
import { isText, makeText, textOf } from "./text.js";

/**
 * Methods of str/unicode, list, tuple and dict that the fast path implements (no mutating
 * ones). Python 2.7 method names the fast path does NOT implement are in
 * `unimplementedMethods`: an expression calling one of those declines to the interpreter
 * rather than risk a wrong AttributeError.
 */
type Method = (self: PyValue, args: PyValue[]) => PyValue;

export const unimplementedMethods: ReadonlySet<string> = new Set([
  // str / unicode
  "decode",
  "encode",
  "expandtabs",
  "translate",
  "istitle",
  "isdecimal",
  "isnumeric",
  "__format__",
  // list (mutating or rare)
  "append",
  "extend",
  "insert",
  "pop",
  "remove",
  "reverse",
  "sort",
  // dict / set
  "clear",
  "copy",
  "fromkeys",
  "iteritems",
  "iterkeys",
  "itervalues",
  "popitem",
  "setdefault",
  "update",
  "viewitems",
  "viewkeys",
  "viewvalues",
  "add",
  "difference",
  "difference_update",
  "discard",
  "intersection",
  "intersection_update",
  "isdisjoint",
  "issubset",
  "issuperset",
  "symmetric_difference",
  "symmetric_difference_update",
  "union",
  // numbers
  "conjugate",
  "bit_length",
  "as_integer_ratio",
  "hex",
  "is_integer",
  "fromhex",
]);

function arity(name: string, args: PyValue[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `exactly ${min}` : args.length < min ? `at least ${min}` : `at most ${max}`;
    throw typeError(
      `${name}() takes ${expected} argument${(min === max ? min : args.length < min ? min : max) === 1 ? "" : "s"} (${args.length} given)`,
    );
  }
}

function textArgument(name: string, value: PyValue): string {
  if (!isText(value)) throw typeError(`${name}() argument must be str or unicode, not ${pythonTypeName(value)}`);
  return textOf(value);
}

function optionalIndex(value: PyValue): number | undefined {
  if (value === null || value === undefined) return undefined;
  const rank = numericRank(value);
  if (rank < 0 || rank === 2) throw typeError("slice indices must be integers or None or have an __index__ method");
  return Number(toBigInt(value));
}

/** Python's slice clamping for start/end arguments of find, count, startswith... */
function bounds(length: number, startValue: PyValue, endValue: PyValue): [number, number] {
  const clamp = (value: number | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const i = value < 0 ? value + length : value;
    return Math.min(Math.max(i, 0), length);
  };
  return [clamp(optionalIndex(startValue), 0), clamp(optionalIndex(endValue), length)];
}

const asciiWhitespace = " \t\n\r\x0b\x0c";
const unicodeWhitespace = `${asciiWhitespace}\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000`;

function whitespaceOf(self: PyValue): string {
  return typeof self === "string" ? unicodeWhitespace : asciiWhitespace;
}

function unicodeResult(self: PyValue, ...args: PyValue[]): boolean {
  return typeof self === "string" || args.some((arg) => typeof arg === "string");
}

function stripChars(name: string, self: PyValue, args: PyValue[], left: boolean, right: boolean): PyValue {
  arity(name, args, 0, 1);
  const text = textOf(self as string | PyStr);
  const chars = args[0] === undefined || args[0] === null ? whitespaceOf(self) : textArgument(name, args[0]);
  let start = 0;
  let end = text.length;
  if (left) while (start < end && chars.includes(text[start]!)) start++;
  if (right) while (end > start && chars.includes(text[end - 1]!)) end--;
  return makeText(text.slice(start, end), unicodeResult(self, args[0]));
}

function lowerText(self: PyValue, text: string): string {
  return typeof self === "string" ? text.toLowerCase() : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

function upperText(self: PyValue, text: string): string {
  return typeof self === "string" ? text.toUpperCase() : text.replace(/[a-z]+/g, (s) => s.toUpperCase());
}

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function splitWhitespace(text: string, whitespace: string, limit: number, fromRight: boolean): string[] {
  const parts: string[] = [];
  if (!fromRight) {
    let i = 0;
    while (i < text.length) {
      while (i < text.length && whitespace.includes(text[i]!)) i++;
      if (i >= text.length) break;
      if (limit >= 0 && parts.length === limit) {
        let end = text.length;
        while (end > i && whitespace.includes(text[end - 1]!)) end--;
        parts.push(text.slice(i, end));
        break;
      }
      const start = i;
      while (i < text.length && !whitespace.includes(text[i]!)) i++;
      parts.push(text.slice(start, i));
    }
    return parts;
  }
  let i = text.length;
  while (i > 0) {
    while (i > 0 && whitespace.includes(text[i - 1]!)) i--;
    if (i <= 0) break;
    if (limit >= 0 && parts.length === limit) {
      let start = 0;
      while (start < i && whitespace.includes(text[start]!)) start++;
      parts.push(text.slice(start, i));
      break;
    }
    const end = i;
    while (i > 0 && !whitespace.includes(text[i - 1]!)) i--;
    parts.push(text.slice(i, end));
  }
  return parts.reverse();
}

function splitSeparator(text: string, separator: string, limit: number, fromRight: boolean): string[] {
  if (separator === "") throw new PythonException("ValueError", "empty separator");
  const all = text.split(separator);
  if (limit < 0 || all.length - 1 <= limit) return all;
  if (!fromRight) return [...all.slice(0, limit), all.slice(limit).join(separator)];
  return [all.slice(0, all.length - limit).join(separator), ...all.slice(all.length - limit)];
}

function split(name: string, fromRight: boolean): Method {
  return (self, args) => {
    arity(name, args, 0, 2);
    const text = textOf(self as string | PyStr);
    const limit = args[1] === undefined ? -1 : Number(toBigInt(args[1]));
    const separator = args[0];
    const unicode = unicodeResult(self, separator);
    const parts =
      separator === undefined || separator === null
        ? splitWhitespace(text, whitespaceOf(self), limit, fromRight)
        : splitSeparator(text, textArgument(name, separator), limit, fromRight);
    return parts.map((part) => makeText(part, unicode));
  };
}

function find(name: string, fromRight: boolean, raise: boolean): Method {
  return (self, args) => {
    arity(name, args, 1, 3);
    const text = textOf(self as string | PyStr);
    const needle = textArgument(name, args[0]);
    const [start, end] = bounds(text.length, args[1], args[2]);
    let index = -1;
    if (end - start >= needle.length) {
      const window = text.slice(start, end);
      const found = fromRight ? window.lastIndexOf(needle) : window.indexOf(needle);
      if (found >= 0) index = found + start;
    }
    if (index < 0 && raise) throw new PythonException("ValueError", "substring not found");
    return index;
  };
}

function affix(name: string, atStart: boolean): Method {
  return (self, args) => {
    arity(name, args, 1, 3);
    const text = textOf(self as string | PyStr);
    const [start, end] = bounds(text.length, args[1], args[2]);
    const candidates = args[0] instanceof PyTuple ? args[0].items : [args[0]];
    return candidates.some((candidate) => {
      const fix = textArgument(name, candidate);
      if (end - start < fix.length) return false;
      return atStart ? text.startsWith(fix, start) : text.slice(start, end).endsWith(fix);
    });
  };
}

function justify(name: string, where: "left" | "right" | "center"): Method {
  return (self, args) => {
    arity(name, args, 1, 2);
    const text = textOf(self as string | PyStr);
    const width = Number(toBigInt(args[0]));
    const fill = args[1] === undefined ? " " : textArgument(name, args[1]);
    if (fill.length !== 1) throw typeError(`${name}() argument 2 must be char, not str`);
    const unicode = unicodeResult(self, args[1]);
    if (width <= text.length) return makeText(text, unicode);
    const total = width - text.length;
    if (where === "left") return makeText(text + fill.repeat(total), unicode);
    if (where === "right") return makeText(fill.repeat(total) + text, unicode);
    // CPython's center puts the odd extra character on the left when the width is odd.
    const left = Math.floor(total / 2) + (total & width & 1);
    return makeText(fill.repeat(left) + text + fill.repeat(total - left), unicode);
  };
}

function predicate(name: string, test: (ch: string) => boolean, cased = false): Method {
  return (self, args) => {
    arity(name, args, 0, 0);
    const text = textOf(self as string | PyStr);
    if (text.length === 0) return false;
    if (!cased) return [...text].every(test);
    let seen = false;
    for (const ch of text) {
      if (isCased(ch)) {
        if (!test(ch)) return false;
        seen = true;
      }
    }
    return seen;
  };
}

function partition(name: string, fromRight: boolean): Method {
  return (self, args) => {
    arity(name, args, 1, 1);
    const text = textOf(self as string | PyStr);
    const separator = textArgument(name, args[0]);
    if (separator === "") throw new PythonException("ValueError", "empty separator");
    const unicode = unicodeResult(self, args[0]);
    const index = fromRight ? text.lastIndexOf(separator) : text.indexOf(separator);
    const parts =
      index < 0
        ? fromRight
          ? ["", "", text]
          : [text, "", ""]
        : [text.slice(0, index), separator, text.slice(index + separator.length)];
    return new PyTuple(parts.map((part) => makeText(part, unicode)));
  };
}

const unicodeLineBreaks = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029";

const isAsciiAlpha = (ch: string): boolean => /^[A-Za-z]$/.test(ch);
const isAsciiDigit = (ch: string): boolean => /^[0-9]$/.test(ch);

const textMethods: Record<string, Method> = {
  upper: (self, args) => {
    arity("upper", args, 0, 0);
    return makeText(upperText(self, textOf(self as string | PyStr)), typeof self === "string");
  },
  lower: (self, args) => {
    arity("lower", args, 0, 0);
    return makeText(lowerText(self, textOf(self as string | PyStr)), typeof self === "string");
  },
  swapcase: (self, args) => {
    arity("swapcase", args, 0, 0);
    const text = [...textOf(self as string | PyStr)]
      .map((ch) => (ch === upperText(self, ch) ? lowerText(self, ch) : upperText(self, ch)))
      .join("");
    return makeText(text, typeof self === "string");
  },
  capitalize: (self, args) => {
    arity("capitalize", args, 0, 0);
    const text = textOf(self as string | PyStr);
    return makeText(upperText(self, text.slice(0, 1)) + lowerText(self, text.slice(1)), typeof self === "string");
  },
  title: (self, args) => {
    arity("title", args, 0, 0);
    let previousCased = false;
    let out = "";
    for (const ch of textOf(self as string | PyStr)) {
      const cased = typeof self === "string" ? isCased(ch) : isAsciiAlpha(ch);
      out += cased ? (previousCased ? lowerText(self, ch) : upperText(self, ch)) : ch;
      previousCased = cased;
    }
    return makeText(out, typeof self === "string");
  },
  strip: (self, args) => stripChars("strip", self, args, true, true),
  lstrip: (self, args) => stripChars("lstrip", self, args, true, false),
  rstrip: (self, args) => stripChars("rstrip", self, args, false, true),
  split: split("split", false),
  rsplit: split("rsplit", true),
  splitlines: (self, args) => {
    arity("splitlines", args, 0, 1);
    const keep = args[0] !== undefined && args[0] !== false && args[0] !== 0;
    const text = textOf(self as string | PyStr);
    const breaks = typeof self === "string" ? unicodeLineBreaks : "\n\r";
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (!breaks.includes(text[i]!)) continue;
      const width = text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      lines.push(text.slice(start, keep ? i + width : i));
      i += width - 1;
      start = i + 1;
    }
    if (start < text.length) lines.push(text.slice(start));
    return lines.map((line) => makeText(line, typeof self === "string"));
  },
  join: (self, args) => {
    arity("join", args, 1, 1);
    const items = iterate(args[0]);
    let unicode = typeof self === "string";
    const parts = items.map((item, index) => {
      if (!isText(item)) throw typeError(`sequence item ${index}: expected string, ${pythonTypeName(item)} found`);
      if (typeof item === "string") unicode = true;
      return textOf(item);
    });
    return makeText(parts.join(textOf(self as string | PyStr)), unicode);
  },
  replace: (self, args) => {
    arity("replace", args, 2, 3);
    const text = textOf(self as string | PyStr);
    const old = textArgument("replace", args[0]);
    const replacement = textArgument("replace", args[1]);
    const limit = args[2] === undefined ? -1 : Number(toBigInt(args[2]));
    const unicode = unicodeResult(self, args[0], args[1]);
    if (limit < 0) {
      if (old === "")
        return makeText(
          text.length === 0 ? replacement : replacement + [...text].join(replacement) + replacement,
          unicode,
        );
      return makeText(text.split(old).join(replacement), unicode);
    }
    let out = text;
    let from = 0;
    for (let n = 0; n < limit; n++) {
      const at = out.indexOf(old, from);
      if (at < 0) break;
      out = out.slice(0, at) + replacement + out.slice(at + old.length);
      from = at + replacement.length + (old === "" ? 1 : 0);
    }
    return makeText(out, unicode);
  },
  startswith: affix("startswith", true),
  endswith: affix("endswith", false),
  find: find("find", false, false),
  rfind: find("rfind", true, false),
  index: find("index", false, true),
  rindex: find("rindex", true, true),
  count: (self, args) => {
    arity("count", args, 1, 3);
    const text = textOf(self as string | PyStr);
    const needle = textArgument("count", args[0]);
    const [start, end] = bounds(text.length, args[1], args[2]);
    if (end < start) return 0;
    const window = text.slice(start, end);
    if (needle === "") return window.length + 1;
    return window.split(needle).length - 1;
  },
  ljust: justify("ljust", "left"),
  rjust: justify("rjust", "right"),
  center: justify("center", "center"),
  zfill: (self, args) => {
    arity("zfill", args, 1, 1);
    const text = textOf(self as string | PyStr);
    const width = Number(toBigInt(args[0]));
    if (text.length >= width) return makeText(text, typeof self === "string");
    const sign = text[0] === "+" || text[0] === "-" ? text[0] : "";
    return makeText(sign + "0".repeat(width - text.length) + text.slice(sign.length), typeof self === "string");
  },
  isdigit: predicate("isdigit", (ch) => isAsciiDigit(ch) || /\p{Nd}/u.test(ch)),
  isalpha: predicate("isalpha", (ch) => /\p{L}/u.test(ch)),
  isalnum: predicate("isalnum", (ch) => /[\p{L}\p{Nd}]/u.test(ch)),
  isspace: predicate("isspace", (ch) => unicodeWhitespace.includes(ch)),
  islower: predicate("islower", (ch) => ch === ch.toLowerCase(), true),
  isupper: predicate("isupper", (ch) => ch === ch.toUpperCase(), true),
  partition: partition("partition", false),
  rpartition: partition("rpartition", true),
  format: (self, args) => formatString(self as string | PyStr, args),
};

/** Items of an iterable the fast path knows: list, tuple, str/unicode, dict (keys), set. */
export function iterate(value: PyValue): PyValue[] {
  if (Array.isArray(value)) return value;
  if (value instanceof PyTuple) return value.items as PyValue[];
  if (isText(value)) return [...textOf(value)].map((ch) => makeText(ch, typeof value === "string"));
  if (value instanceof PyDict) return value.keys();
  if (value instanceof PySet) return value.values();
  throw typeError(`'${pythonTypeName(value)}' object is not iterable`);
}

const sequenceMethods: Record<string, Method> = {
  count: (self, args) => {
    arity("count", args, 1, 1);
    return iterate(self).filter((item) => equals(item, args[0])).length;
  },
  index: (self, args) => {
    arity("index", args, 1, 3);
    const items = iterate(self);
    const [start, end] = bounds(items.length, args[1], args[2]);
    for (let i = start; i < end; i++) if (equals(items[i], args[0])) return i;
    throw new PythonException(
      "ValueError",
      Array.isArray(self) ? "list.index(x): x not in list" : "tuple.index(x): x not in tuple",
    );
  },
};

const dictMethods: Record<string, Method> = {
  get: (self, args) => {
    arity("get", args, 1, 2);
    const dict = self as PyDict;
    return dict.has(args[0]) ? dict.get(args[0]) : (args[1] ?? null);
  },
  has_key: (self, args) => {
    arity("has_key", args, 1, 1);
    return (self as PyDict).has(args[0]);
  },
  keys: (self, args) => {
    arity("keys", args, 0, 0);
    return (self as PyDict).keys();
  },
  values: (self, args) => {
    arity("values", args, 0, 0);
    return (self as PyDict).values();
  },
  items: (self, args) => {
    arity("items", args, 0, 0);
    return (self as PyDict).items().map(([key, value]) => new PyTuple([key, value]));
  },
};

/** The method table for a built-in value, or undefined when `self` is not one. */
export function builtinMethods(self: PyValue): Record<string, Method> | undefined {
  if (isText(self)) return textMethods;
  if (Array.isArray(self) || self instanceof PyTuple) return sequenceMethods;
  if (self instanceof PyDict) return dictMethods;
  return undefined;
}
