import { isConfigurationItem } from "../../repository/model.js";
import { JavaName, PyDict, PyFloat, PyLong, PySet, PyStr, PyTuple, type PyValue, pythonTypeName } from "./model.js";
import { percentFormat } from "./percent-format.js";
import { PythonException, typeError } from "./python-exception.js";
import { isText, makeText, textOf } from "./text.js";

/** Python 2.7 semantics of the operators, on the value model of model.ts. */

const intMin = -2147483648;
const intMax = 2147483647;

/** An integer result: int when it fits Jython's 32-bit int, else long. */
export function intResult(value: number | bigint): number | PyLong {
  if (typeof value === "bigint") {
    return value >= BigInt(intMin) && value <= BigInt(intMax) ? Number(value) : new PyLong(value);
  }
  if (value === 0) return 0; // no JS -0 for a Python int
  return value >= intMin && value <= intMax ? value : new PyLong(BigInt(value));
}

/** 0 int/bool, 1 long, 2 float, -1 not a number. */
export function numericRank(value: PyValue): number {
  if (typeof value === "number" || typeof value === "boolean") return 0;
  if (value instanceof PyLong) return 1;
  if (value instanceof PyFloat) return 2;
  return -1;
}

export function toNumber(value: PyValue): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyLong) return Number(value.value);
  throw typeError(`a float is required`);
}

export function toBigInt(value: PyValue): bigint {
  if (typeof value === "number") return BigInt(value);
  if (typeof value === "boolean") return value ? 1n : 0n;
  if (value instanceof PyLong) return value.value;
  throw typeError("an integer is required");
}

/** Python truth value. */
export function truthy(value: PyValue): boolean {
  if (value === null || value === undefined) return false;
  switch (typeof value) {
    case "boolean":
      return value;
    case "number":
      return value !== 0;
    case "string":
      return value.length > 0;
  }
  if (value instanceof PyStr) return value.value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof PyFloat) return value.value !== 0;
  if (value instanceof PyLong) return value.value !== 0n;
  if (value instanceof PyTuple) return value.items.length > 0;
  if (value instanceof PyDict || value instanceof PySet) return value.size > 0;
  return true;
}

/** `a == b`. */
export function equals(a: PyValue, b: PyValue): boolean {
  if (a === b) return true;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  const textA = textLike(a);
  if (textA !== undefined) {
    const textB = textLike(b);
    return (
      textB !== undefined &&
      textA === textB &&
      !(a instanceof JavaName && b instanceof JavaName && a.javaType !== b.javaType)
    );
  }
  const rankA = numericRank(a);
  if (rankA >= 0) {
    const rankB = numericRank(b);
    if (rankB < 0) return false;
    if (rankA === 2 || rankB === 2) return toNumber(a) === toNumber(b);
    return toBigInt(a) === toBigInt(b);
  }
  if (Array.isArray(a)) return Array.isArray(b) && sequenceEquals(a, b);
  if (a instanceof PyTuple) return b instanceof PyTuple && sequenceEquals(a.items, b.items);
  if (a instanceof PyDict) {
    if (!(b instanceof PyDict) || a.size !== b.size) return false;
    return a.items().every(([key, value]) => b.has(key) && equals(value, b.get(key)));
  }
  if (a instanceof PySet) {
    return b instanceof PySet && a.size === b.size && a.values().every((value) => b.has(value));
  }
  if (isConfigurationItem(a) && isConfigurationItem(b)) return a.id === b.id && a.type === b.type;
  return false;
}

/** Text a value compares as: str, unicode and the Java names that equal their name string. */
function textLike(value: PyValue): string | undefined {
  if (typeof value === "string") return value;
  if (value instanceof PyStr) return value.value;
  if (value instanceof JavaName) return value.name;
  return undefined;
}

function sequenceEquals(a: readonly PyValue[], b: readonly PyValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equals(a[i], b[i])) return false;
  return true;
}

/**
 * Python 2 ordering: numbers by value, strings by code unit, sequences lexicographically;
 * across types None first, then numbers, then by type name (CPython 2's rule, which
 * Jython 2.7 follows).
 */
export function compare(a: PyValue, b: PyValue): number {
  const rankA = numericRank(a);
  const rankB = numericRank(b);
  if (rankA >= 0 && rankB >= 0) {
    if (rankA === 2 || rankB === 2) {
      const x = toNumber(a);
      const y = toNumber(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = toBigInt(a);
    const y = toBigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const textA = isText(a) ? textOf(a) : undefined;
  const textB = isText(b) ? textOf(b) : undefined;
  if (textA !== undefined && textB !== undefined) return textA < textB ? -1 : textA > textB ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) return compareSequences(a, b);
  if (a instanceof PyTuple && b instanceof PyTuple) return compareSequences(a.items, b.items);
  const noneA = a === null || a === undefined;
  const noneB = b === null || b === undefined;
  if (noneA || noneB) return noneA && noneB ? 0 : noneA ? -1 : 1;
  if (rankA >= 0) return -1;
  if (rankB >= 0) return 1;
  if (a instanceof PySet || b instanceof PySet) {
    if (a instanceof PySet && b instanceof PySet && equals(a, b)) return 0;
    throw typeError("can only compare to a set");
  }
  if (a instanceof PyDict && b instanceof PyDict) return compareDicts(a, b);
  const nameA = orderingTypeName(a);
  const nameB = orderingTypeName(b);
  if (nameA === nameB) {
    if (equals(a, b)) return 0;
    throw typeError(`ordering of ${nameA} objects is not supported`);
  }
  return nameA < nameB ? -1 : 1;
}

/** The type name Python 2 orders unrelated types by; CIs order as Java objects of one class. */
function orderingTypeName(value: PyValue): string {
  return isConfigurationItem(value) ? "CI" : pythonTypeName(value);
}

/**
 * `<`, `<=`, `>`, `>=`. Sets order by inclusion and refuse other types; everything else
 * follows `compare`.
 */
export function ordered(operator: "<" | "<=" | ">" | ">=", a: PyValue, b: PyValue): boolean {
  if (a instanceof PySet || b instanceof PySet) {
    if (!(a instanceof PySet && b instanceof PySet)) throw typeError("can only compare to a set");
    const subset = (x: PySet, y: PySet) => x.values().every((value) => y.has(value));
    switch (operator) {
      case "<":
        return a.size < b.size && subset(a, b);
      case "<=":
        return subset(a, b);
      case ">":
        return a.size > b.size && subset(b, a);
      case ">=":
        return subset(b, a);
    }
  }
  const order = compare(a, b);
  switch (operator) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}

/** CPython 2's dict ordering: by size, then by the smallest differing key, then its values. */
function compareDicts(a: PyDict, b: PyDict): number {
  if (a.size !== b.size) return a.size < b.size ? -1 : 1;
  const smallestDifference = (x: PyDict, y: PyDict): [PyValue, PyValue] | undefined => {
    let found: [PyValue, PyValue] | undefined;
    for (const [key, value] of x.items()) {
      if (found && compare(key, found[0]) >= 0) continue;
      if (!y.has(key) || !equals(value, y.get(key))) found = [key, value];
    }
    return found;
  };
  const differenceA = smallestDifference(a, b);
  if (!differenceA) return 0;
  const differenceB = smallestDifference(b, a)!;
  const keyOrder = equals(differenceA[0], differenceB[0]) ? 0 : compare(differenceA[0], differenceB[0]);
  if (keyOrder !== 0) return keyOrder;
  return compare(differenceA[1], differenceB[1]);
}

function compareSequences(a: readonly PyValue[], b: readonly PyValue[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (!equals(a[i], b[i])) return compare(a[i], b[i]);
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** `item in container`. */
export function contains(container: PyValue, item: PyValue): boolean {
  if (isText(container)) {
    if (!isText(item)) throw typeError(`'in <string>' requires string as left operand, not ${pythonTypeName(item)}`);
    return textOf(container).includes(textOf(item));
  }
  if (Array.isArray(container)) return container.some((element) => equals(element, item));
  if (container instanceof PyTuple) return container.items.some((element) => equals(element, item));
  if (container instanceof PyDict || container instanceof PySet) {
    return container.has(item);
  }
  throw typeError(`argument of type '${pythonTypeName(container)}' is not iterable`);
}

function unsupported(operator: string, a: PyValue, b: PyValue): PythonException {
  return typeError(`unsupported operand type(s) for ${operator}: '${pythonTypeName(a)}' and '${pythonTypeName(b)}'`);
}

export function add(a: PyValue, b: PyValue): PyValue {
  if (isText(a) && isText(b)) return makeText(textOf(a) + textOf(b), typeof a === "string" || typeof b === "string");
  const rankA = numericRank(a);
  const rankB = numericRank(b);
  if (rankA >= 0 && rankB >= 0) {
    if (rankA === 2 || rankB === 2) return new PyFloat(toNumber(a) + toNumber(b));
    if (rankA === 1 || rankB === 1) return new PyLong(toBigInt(a) + toBigInt(b));
    return intResult(toNumber(a) + toNumber(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (a instanceof PyTuple && b instanceof PyTuple) return new PyTuple([...a.items, ...b.items]);
  if (isText(a) || isText(b)) {
    throw typeError(`cannot concatenate '${pythonTypeName(a)}' and '${pythonTypeName(b)}' objects`);
  }
  throw unsupported("+", a, b);
}

export function subtract(a: PyValue, b: PyValue): PyValue {
  const rankA = numericRank(a);
  const rankB = numericRank(b);
  if (rankA < 0 || rankB < 0) throw unsupported("-", a, b);
  if (rankA === 2 || rankB === 2) return new PyFloat(toNumber(a) - toNumber(b));
  if (rankA === 1 || rankB === 1) return new PyLong(toBigInt(a) - toBigInt(b));
  return intResult(toNumber(a) - toNumber(b));
}

export function multiply(a: PyValue, b: PyValue): PyValue {
  const rankA = numericRank(a);
  const rankB = numericRank(b);
  if (rankA >= 0 && rankB >= 0) {
    if (rankA === 2 || rankB === 2) return new PyFloat(toNumber(a) * toNumber(b));
    const product = toBigInt(a) * toBigInt(b);
    return rankA === 1 || rankB === 1 ? new PyLong(product) : intResult(product);
  }
  if (rankA >= 0 && rankA < 2) return repeat(b, a, "*");
  if (rankB >= 0 && rankB < 2) return repeat(a, b, "*");
  if (isText(a) || Array.isArray(a) || a instanceof PyTuple) {
    throw typeError(`can't multiply sequence by non-int of type '${pythonTypeName(b)}'`);
  }
  if (isText(b) || Array.isArray(b) || b instanceof PyTuple) {
    throw typeError(`can't multiply sequence by non-int of type '${pythonTypeName(a)}'`);
  }
  throw unsupported("*", a, b);
}

function repeat(sequence: PyValue, times: PyValue, operator: string): PyValue {
  const count = Math.max(0, Number(toBigInt(times)));
  const length = isText(sequence)
    ? textOf(sequence).length
    : Array.isArray(sequence)
      ? sequence.length
      : sequence instanceof PyTuple
        ? sequence.items.length
        : 0;
  // Jython's sequences are Java arrays and strings, indexed by a 32-bit int.
  if (length * count > intMax) throw new PythonException("OverflowError", "repeated sequence is too long");
  if (length * count > 2 ** 26) throw new PythonException("MemoryError", "");
  if (isText(sequence)) return makeText(textOf(sequence).repeat(count), typeof sequence === "string");
  if (Array.isArray(sequence)) {
    const out: PyValue[] = [];
    for (let i = 0; i < count; i++) out.push(...sequence);
    return out;
  }
  if (sequence instanceof PyTuple) {
    const out: PyValue[] = [];
    for (let i = 0; i < count; i++) out.push(...sequence.items);
    return new PyTuple(out);
  }
  throw unsupported(operator, sequence, times);
}

function zeroDivision(message: string): PythonException {
  return new PythonException("ZeroDivisionError", message);
}

/** Floor division of big integers, as Python rounds toward negative infinity. */
function floorDivide(x: bigint, y: bigint): bigint {
  const quotient = x / y;
  return x % y !== 0n && x < 0n !== y < 0n ? quotient - 1n : quotient;
}

function floorModulo(x: bigint, y: bigint): bigint {
  const remainder = x % y;
  return remainder !== 0n && remainder < 0n !== y < 0n ? remainder + y : remainder;
}

function floatModulo(x: number, y: number): number {
  const remainder = x % y;
  if (remainder !== 0 && remainder < 0 !== y < 0) return remainder + y;
  return remainder === 0 ? (y < 0 ? -0 : 0) : remainder;
}

/** `/` in Python 2: integers floor, floats divide. */
export function divide(a: PyValue, b: PyValue): PyValue {
  const rankA = numericRank(a);
  const rankB = numericRank(b);
  if (rankA < 0 || rankB < 0) throw unsupported("/", a, b);
  if (rankA === 2 || rankB === 2) {
    const divisor = toNumber(b);
    if (divisor === 0) throw zeroDivision("float division by zero");
    return new PyFloat(toNumber(a) / divisor);
  }
  return integerFloorDivide(a, b, rankA, rankB);
}

function integerFloorDivide(a: PyValue, b: PyValue, rankA: number, rankB: number): PyValue {
  const divisor = toBigInt(b);
  if (divisor === 0n) {
    throw zeroDivision(
      rankA === 1 || rankB === 1 ? "long division or modulo by zero" : "integer division or modulo by zero",
    );
  }
  const quotient = floorDivide(toBigInt(a), divisor);
  return rankA === 1 || rankB === 1 ? new PyLong(quotient) : intResult(quotient);
}

export function floorDivideValues(a: PyValue, b: PyValue): PyValue {
  const rankA = numericRank(a);
  const rankB = numericRank(b);
  if (rankA < 0 || rankB < 0) throw unsupported("//", a, b);
  if (rankA === 2 || rankB === 2) {
    const divisor = toNumber(b);
    if (divisor === 0) throw zeroDivision("float divmod()");
    const x = toNumber(a);
    return new PyFloat((x - floatModulo(x, divisor)) / divisor);
  }
  return integerFloorDivide(a, b, rankA, rankB);
}

/** `%`: string formatting for str/unicode, modulo with the divisor's sign for numbers. */
export function modulo(a: PyValue, b: PyValue): PyValue {
  if (isText(a)) return percentFormat(a, b);
  const rankA = numericRank(a);
  const rankB = numericRank(b);
  if (rankA < 0 || rankB < 0) throw unsupported("%", a, b);
  if (rankA === 2 || rankB === 2) {
    const divisor = toNumber(b);
    if (divisor === 0) throw zeroDivision("float modulo");
    return new PyFloat(floatModulo(toNumber(a), divisor));
  }
  const divisor = toBigInt(b);
  if (divisor === 0n) {
    throw zeroDivision(
      rankA === 1 || rankB === 1 ? "long division or modulo by zero" : "integer division or modulo by zero",
    );
  }
  const remainder = floorModulo(toBigInt(a), divisor);
  return rankA === 1 || rankB === 1 ? new PyLong(remainder) : intResult(remainder);
}

export function power(a: PyValue, b: PyValue): PyValue {
  const rankA = numericRank(a);
  const rankB = numericRank(b);
  if (rankA < 0 || rankB < 0) throw unsupported("** or pow()", a, b);
  if (rankA < 2 && rankB < 2) {
    const exponent = toBigInt(b);
    const base = toBigInt(a);
    if (exponent < 0n) {
      if (base === 0n) throw zeroDivision("0.0 cannot be raised to a negative power");
      return new PyFloat(toNumber(a) ** toNumber(b));
    }
    const result = base ** exponent;
    return rankA === 1 || rankB === 1 ? new PyLong(result) : intResult(result);
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === 0 && y < 0) throw zeroDivision("0.0 cannot be raised to a negative power");
  if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) {
    throw new PythonException("ValueError", "negative number cannot be raised to a fractional power");
  }
  // Jython gives inf on overflow where CPython raises OverflowError.
  return new PyFloat(x ** y);
}

export function negate(a: PyValue): PyValue {
  const rank = numericRank(a);
  if (rank === 0) return intResult(-toNumber(a));
  if (rank === 1) return new PyLong(-toBigInt(a));
  if (rank === 2) return new PyFloat(-toNumber(a));
  throw typeError(`bad operand type for unary -: '${pythonTypeName(a)}'`);
}

export function positive(a: PyValue): PyValue {
  const rank = numericRank(a);
  if (rank === 0) return toNumber(a);
  if (rank > 0) return a;
  throw typeError(`bad operand type for unary +: '${pythonTypeName(a)}'`);
}

/** Index of a sequence item, negative from the end; IndexError outside. */
function sequenceIndex(index: PyValue, length: number, what: string): number {
  const rank = numericRank(index);
  if (rank < 0 || rank === 2) throw typeError(`${what} indices must be integers, not ${pythonTypeName(index)}`);
  let i = Number(toBigInt(index));
  if (i < 0) i += length;
  if (i < 0 || i >= length) throw new PythonException("IndexError", `${what} index out of range`);
  return i;
}

/** `object[index]` for the built-in containers; CIs and host objects are in ci-bridge.ts. */
export function getItem(object: PyValue, index: PyValue): PyValue {
  if (Array.isArray(object)) return object[sequenceIndex(index, object.length, "list")];
  if (object instanceof PyTuple) return object.items[sequenceIndex(index, object.items.length, "tuple")];
  if (isText(object)) {
    const text = textOf(object);
    return makeText(text[sequenceIndex(index, text.length, "string")]!, typeof object === "string");
  }
  if (object instanceof PyDict) {
    const value = object.get(index);
    if (value === undefined && !object.has(index))
      throw new PythonException("KeyError", reprForKeyError(index), [index]);
    return value;
  }
  throw typeError(`'${pythonTypeName(object)}' object has no attribute '__getitem__'`);
}

function reprForKeyError(key: PyValue): string {
  return isText(key) ? `'${textOf(key)}'` : String(key);
}

/** Resolves slice bounds as Python's `slice.indices`. */
function sliceBounds(length: number, lower: PyValue, upper: PyValue, stepValue: PyValue): [number, number, number] {
  const step = stepValue === null || stepValue === undefined ? 1 : sliceIndex(stepValue);
  if (step === 0) throw new PythonException("ValueError", "slice step cannot be zero");
  const clamp = (value: PyValue, fallback: number, low: number, high: number): number => {
    if (value === null || value === undefined) return fallback;
    let i = sliceIndex(value);
    if (i < 0) i += length;
    return Math.min(Math.max(i, low), high);
  };
  if (step > 0) return [clamp(lower, 0, 0, length), clamp(upper, length, 0, length), step];
  return [clamp(lower, length - 1, -1, length - 1), clamp(upper, -1, -1, length - 1), step];
}

function sliceIndex(value: PyValue): number {
  const rank = numericRank(value);
  if (rank < 0 || rank === 2) {
    throw typeError("slice indices must be integers or None or have an __index__ method");
  }
  return Number(toBigInt(value));
}

/** `object[lower:upper:step]`. */
export function getSlice(object: PyValue, lower: PyValue, upper: PyValue, step: PyValue): PyValue {
  const pick = (length: number, at: (i: number) => PyValue): PyValue[] => {
    const [start, stop, stride] = sliceBounds(length, lower, upper, step);
    const out: PyValue[] = [];
    if (stride > 0) for (let i = start; i < stop; i += stride) out.push(at(i));
    else for (let i = start; i > stop; i += stride) out.push(at(i));
    return out;
  };
  if (Array.isArray(object)) return pick(object.length, (i) => object[i]);
  if (object instanceof PyTuple) return new PyTuple(pick(object.items.length, (i) => object.items[i]));
  if (isText(object)) {
    const text = textOf(object);
    return makeText(pick(text.length, (i) => text[i]).join(""), typeof object === "string");
  }
  throw typeError(`'${pythonTypeName(object)}' object has no attribute '__getitem__'`);
}
