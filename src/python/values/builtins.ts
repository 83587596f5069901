import { roundHalfAway } from "./float-format.js";
import { iterate } from "./methods.js";
import { PyDict, PyFloat, PyLong, PySet, PyStr, PyTuple, type PyValue, pythonTypeName } from "./model.js";
import { compare, equals, intResult, numericRank, ordered, toBigInt, toNumber, truthy } from "./operations.js";
import { PythonException, typeError, valueError } from "./python-exception.js";
import { isText, repr, str, strValue, textOf } from "./text.js";

/** Built-in functions the fast path calls directly (Python 2.7 semantics, positional arguments only). */
export type BuiltinFunction = (args: PyValue[]) => PyValue;

function arity(name: string, args: PyValue[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `exactly ${min}` : args.length < min ? `at least ${min}` : `at most ${max}`;
    const count = min === max ? min : args.length < min ? min : max;
    throw typeError(`${name}() takes ${expected} argument${count === 1 ? "" : "s"} (${args.length} given)`);
  }
}

const intPattern = /^\s*([-+]?)\s*(\d+)[lL]?\s*$/;

function parseInteger(text: string, base: number, original: PyValue): PyValue {
  const trimmed = text.trim();
  let digits = trimmed;
  let negative = false;
  if (digits.startsWith("-") || digits.startsWith("+")) {
    negative = digits.startsWith("-");
    digits = digits.slice(1).trim();
  }
  if (base === 16) digits = digits.replace(/^0[xX]/, "");
  if (base === 8) digits = digits.replace(/^0[oO]/, "");
  if (base === 2) digits = digits.replace(/^0[bB]/, "");
  if (/[lL]$/.test(digits) && base <= 10) digits = digits.slice(0, -1);
  const valid = new RegExp(`^[${"0123456789abcdefghijklmnopqrstuvwxyz".slice(0, base)}]+$`, "i");
  if (digits === "" || !valid.test(digits) || (base === 10 && !intPattern.test(text.replace(/[lL](\s*)$/, "$1")))) {
    throw valueError(`invalid literal for int() with base ${base}: ${repr(original)}`);
  }
  let value = 0n;
  for (const ch of digits.toLowerCase()) value = value * BigInt(base) + BigInt(Number.parseInt(ch, 36));
  return intResult(negative ? -value : value);
}

function toInt(args: PyValue[]): PyValue {
  arity("int", args, 0, 2);
  if (args.length === 0) return 0;
  const [value, baseValue] = args;
  if (baseValue !== undefined) {
    if (!isText(value)) throw typeError("int() can't convert non-string with explicit base");
    const base = Number(toBigInt(baseValue));
    if (base !== 0 && (base < 2 || base > 36)) throw valueError("int() base must be >= 2 and <= 36");
    return parseInteger(textOf(value), base === 0 ? 10 : base, value);
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number" || value instanceof PyLong) return value;
  if (value instanceof PyFloat) {
    if (!Number.isFinite(value.value)) {
      throw new PythonException(
        Number.isNaN(value.value) ? "ValueError" : "OverflowError",
        "cannot convert float to integer",
      );
    }
    return intResult(BigInt(Math.trunc(value.value)));
  }
  if (isText(value)) return parseInteger(textOf(value), 10, value);
  throw typeError(`int() argument must be a string or a number, not '${pythonTypeName(value)}'`);
}

function toFloat(args: PyValue[]): PyValue {
  arity("float", args, 0, 1);
  if (args.length === 0) return new PyFloat(0);
  const value = args[0];
  if (value instanceof PyFloat) return value;
  if (numericRank(value) >= 0) return new PyFloat(toNumber(value));
  if (isText(value)) {
    const text = textOf(value).trim();
    const lower = text.toLowerCase();
    const special: Record<string, number> = {
      inf: Number.POSITIVE_INFINITY,
      "+inf": Number.POSITIVE_INFINITY,
      "-inf": Number.NEGATIVE_INFINITY,
      infinity: Number.POSITIVE_INFINITY,
      "+infinity": Number.POSITIVE_INFINITY,
      "-infinity": Number.NEGATIVE_INFINITY,
      nan: Number.NaN,
      "+nan": Number.NaN,
      "-nan": Number.NaN,
    };
    if (lower in special) return new PyFloat(special[lower]!);
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
      throw valueError(`could not convert string to float: ${textOf(value)}`);
    }
    return new PyFloat(Number(text));
  }
  throw typeError(`float() argument must be a string or a number`);
}

function extremum(name: string, sign: number): BuiltinFunction {
  return (args) => {
    if (args.length === 0) throw typeError(`${name} expected 1 arguments, got 0`);
    const items = args.length === 1 ? iterate(args[0]) : args;
    if (items.length === 0) throw valueError(`${name}() arg is an empty sequence`);
    let best = items[0];
    for (let i = 1; i < items.length; i++) if (ordered(sign > 0 ? ">" : "<", items[i], best)) best = items[i];
    return best;
  };
}

function sortValues(items: PyValue[]): PyValue[] {
  // A stable merge sort (Array.prototype.sort is stable); compare throws for unorderable pairs.
  return [...items].sort(compare);
}

function length(args: PyValue[]): PyValue {
  arity("len", args, 1, 1);
  const value = args[0];
  if (isText(value)) return textOf(value).length;
  if (Array.isArray(value)) return value.length;
  if (value instanceof PyTuple) return value.items.length;
  if (value instanceof PyDict || value instanceof PySet) return value.size;
  throw typeError(`object of type '${pythonTypeName(value)}' has no len()`);
}

function absolute(args: PyValue[]): PyValue {
  arity("abs", args, 1, 1);
  const value = args[0];
  const rank = numericRank(value);
  if (rank === 0) return intResult(Math.abs(toNumber(value)));
  if (rank === 1) {
    const big = toBigInt(value);
    return new PyLong(big < 0n ? -big : big);
  }
  if (rank === 2) return new PyFloat(Math.abs(toNumber(value)));
  throw typeError(`bad operand type for abs(): '${pythonTypeName(value)}'`);
}

function round(args: PyValue[]): PyValue {
  arity("round", args, 1, 2);
  const rank = numericRank(args[0]);
  if (rank < 0) throw typeError("a float is required");
  const digits = args[1] === undefined ? 0 : Number(toBigInt(args[1]));
  return new PyFloat(roundHalfAway(toNumber(args[0]), digits));
}

function range(args: PyValue[]): PyValue {
  arity("range", args, 1, 3);
  for (const arg of args) {
    const rank = numericRank(arg);
    if (rank < 0 || rank === 2) throw typeError(`range() integer end argument expected, got ${pythonTypeName(arg)}.`);
  }
  const numbers = args.map((arg) => toNumber(arg));
  const [start, stop, step] = numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0]!, numbers[1]!, numbers[2] ?? 1];
  if (step === 0) throw valueError("range() step argument must not be zero");
  const count = Math.max(0, Math.ceil((stop - start) / step));
  if (count > 10_000_000) throw new PythonException("MemoryError", "");
  const out: PyValue[] = [];
  for (let i = 0; i < count; i++) out.push(start + i * step);
  return out;
}

function toDict(args: PyValue[]): PyValue {
  arity("dict", args, 0, 1);
  const dict = new PyDict();
  if (args.length === 0) return dict;
  const source = args[0];
  if (source instanceof PyDict) {
    for (const [key, value] of source.items()) dict.set(key, value);
    return dict;
  }
  iterate(source).forEach((pair, index) => {
    const items =
      pair instanceof PyTuple ? pair.items : Array.isArray(pair) ? pair : isText(pair) ? iterate(pair) : undefined;
    if (items === undefined)
      throw typeError(`cannot convert dictionary update sequence element #${index} to a sequence`);
    if (items.length !== 2) {
      throw valueError(`dictionary update sequence element #${index} has length ${items.length}; 2 is required`);
    }
    dict.set(items[0], items[1]);
  });
  return dict;
}

function unicodeOf(args: PyValue[]): PyValue {
  arity("unicode", args, 0, 1);
  if (args.length === 0) return "";
  const value = args[0];
  if (value instanceof PyStr) {
    for (let i = 0; i < value.value.length; i++) {
      const code = value.value.charCodeAt(i);
      if (code > 0x7f) {
        throw new PythonException(
          "UnicodeDecodeError",
          `'ascii' codec can't decode byte 0x${code.toString(16)} in position ${i}: ordinal not in range(128)`,
        );
      }
    }
  }
  return str(value);
}

export const builtins: Readonly<Record<string, BuiltinFunction>> = {
  len: length,
  str: (args) => {
    arity("str", args, 0, 1);
    return args.length === 0 ? new PyStr("") : strValue(args[0]);
  },
  unicode: unicodeOf,
  repr: (args) => {
    arity("repr", args, 1, 1);
    return new PyStr(repr(args[0]));
  },
  int: toInt,
  long: (args) => {
    const value = toInt(args);
    return new PyLong(toBigInt(value));
  },
  float: toFloat,
  bool: (args) => {
    arity("bool", args, 0, 1);
    return args.length === 0 ? false : truthy(args[0]);
  },
  abs: absolute,
  round,
  min: extremum("min", -1),
  max: extremum("max", 1),
  sorted: (args) => {
    arity("sorted", args, 1, 1);
    return sortValues(iterate(args[0]));
  },
  list: (args) => {
    arity("list", args, 0, 1);
    return args.length === 0 ? [] : [...iterate(args[0])];
  },
  tuple: (args) => {
    arity("tuple", args, 0, 1);
    if (args.length === 0) return new PyTuple([]);
    return args[0] instanceof PyTuple ? args[0] : new PyTuple([...iterate(args[0])]);
  },
  set: (args) => {
    arity("set", args, 0, 1);
    return new PySet(args.length === 0 ? [] : iterate(args[0]));
  },
  dict: toDict,
  any: (args) => {
    arity("any", args, 1, 1);
    return iterate(args[0]).some(truthy);
  },
  all: (args) => {
    arity("all", args, 1, 1);
    return iterate(args[0]).every(truthy);
  },
  range,
  ord: (args) => {
    arity("ord", args, 1, 1);
    const value = args[0];
    if (!isText(value)) throw typeError(`ord() expected string of length 1, but ${pythonTypeName(value)} found`);
    const text = textOf(value);
    if (text.length !== 1) throw typeError(`ord() expected a character, but string of length ${text.length} found`);
    return text.charCodeAt(0);
  },
  chr: (args) => {
    arity("chr", args, 1, 1);
    const code = Number(toBigInt(args[0]));
    if (code < 0 || code > 255) throw valueError("chr() arg not in range(256)");
    return new PyStr(String.fromCharCode(code));
  },
  cmp: (args) => {
    arity("cmp", args, 2, 2);
    return equals(args[0], args[1]) ? 0 : compare(args[0], args[1]);
  },
};

/** `isinstance` targets by builtin name; `basestring` covers str and unicode. */
export const instanceChecks: Readonly<Record<string, (value: PyValue) => boolean>> = {
  str: (value) => value instanceof PyStr,
  unicode: (value) => typeof value === "string",
  basestring: isText,
  int: (value) => typeof value === "number" || typeof value === "boolean",
  long: (value) => value instanceof PyLong,
  float: (value) => value instanceof PyFloat,
  bool: (value) => typeof value === "boolean",
  list: Array.isArray,
  tuple: (value) => value instanceof PyTuple,
  dict: (value) => value instanceof PyDict,
  set: (value) => value instanceof PySet,
};
