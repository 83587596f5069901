import { attributeError, getItemOf, getObjectAttribute } from "./ci-bridge.js";
import { floatStr, formatExponent, formatFixed, formatGeneral } from "./float-format.js";
import { PyFloat, PyLong, PyStr, type PyValue, pythonTypeName } from "./model.js";
import { PythonException, valueError } from "./python-exception.js";
import { isText, makeText, repr, str, textOf } from "./text.js";

/**
 * `str.format(*args)` of Python 2.7: `{}` auto-numbering, `{0}`, `{0.attr}`, `{0[key]}`,
 * `!r`/`!s`, nested `{}` in the spec, and the format-spec mini-language
 * `[[fill]align][sign][#][0][width][,][.precision][type]`. Keyword arguments are not part
 * of the fast path (the parser declines them).
 */
export function formatString(format: string | PyStr, args: PyValue[]): string | PyStr {
  const unicode = typeof format === "string";
  const state = { auto: 0, mode: "" as "" | "auto" | "manual" };
  return makeText(render(textOf(format), args, state, 2), unicode);
}

function render(
  text: string,
  args: PyValue[],
  state: { auto: number; mode: "" | "auto" | "manual" },
  depth: number,
): string {
  if (depth < 0) throw valueError("Max string recursion exceeded");
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "}") {
      if (text[i + 1] === "}") {
        out += "}";
        i += 2;
        continue;
      }
      throw valueError("Single '}' encountered in format string");
    }
    if (ch !== "{") {
      out += ch;
      i++;
      continue;
    }
    if (text[i + 1] === "{") {
      out += "{";
      i += 2;
      continue;
    }
    // Find the matching close brace, allowing nested fields in the spec.
    let nesting = 1;
    let end = i + 1;
    while (end < text.length && nesting > 0) {
      if (text[end] === "{") nesting++;
      else if (text[end] === "}") nesting--;
      if (nesting > 0) end++;
    }
    if (nesting > 0) throw valueError("unmatched '{' in format");
    out += renderField(text.slice(i + 1, end), args, state, depth);
    i = end + 1;
  }
  return out;
}

function renderField(
  field: string,
  args: PyValue[],
  state: { auto: number; mode: "" | "auto" | "manual" },
  depth: number,
): string {
  let conversion: string | undefined;
  let spec = "";
  let nameEnd = 0;
  let bracket = false;
  while (nameEnd < field.length) {
    const ch = field[nameEnd]!;
    if (ch === "[") bracket = true;
    else if (ch === "]") bracket = false;
    else if (!bracket && (ch === "!" || ch === ":")) break;
    nameEnd++;
  }
  const name = field.slice(0, nameEnd);
  let rest = field.slice(nameEnd);
  if (rest.startsWith("!")) {
    conversion = rest[1];
    if (rest.length > 2 && rest[2] !== ":") throw valueError("expected ':' after format specifier");
    rest = rest.slice(2);
  }
  if (rest.startsWith(":")) spec = rest.slice(1);
  let value = lookup(name, args, state);
  if (conversion !== undefined) {
    if (conversion === "r") value = new PyStr(repr(value));
    else if (conversion === "s") value = typeof value === "string" ? value : new PyStr(str(value));
    else throw valueError(`Unknown conversion specifier ${conversion ?? ""}`);
  }
  const resolvedSpec = spec.includes("{") ? render(spec, args, state, depth - 1) : spec;
  return formatValue(value, resolvedSpec);
}

function lookup(name: string, args: PyValue[], state: { auto: number; mode: "" | "auto" | "manual" }): PyValue {
  const match = /^([^.[]*)(.*)$/.exec(name)!;
  const head = match[1]!;
  let index: number;
  if (head === "") {
    if (state.mode === "manual")
      throw valueError("cannot switch from manual field specification to automatic field numbering");
    state.mode = "auto";
    index = state.auto++;
  } else if (/^\d+$/.test(head)) {
    if (state.mode === "auto")
      throw valueError("cannot switch from automatic field numbering to manual field specification");
    state.mode = "manual";
    index = Number(head);
  } else {
    throw new PythonException("KeyError", `'${head}'`, [new PyStr(head)]);
  }
  if (index >= args.length) throw new PythonException("IndexError", "tuple index out of range");
  let value = args[index];
  let rest = match[2]!;
  while (rest.length > 0) {
    const attribute = /^\.([^.[]+)/.exec(rest);
    if (attribute) {
      value = attributeOf(value, attribute[1]!);
      rest = rest.slice(attribute[0].length);
      continue;
    }
    const item = /^\[([^\]]+)\]/.exec(rest);
    if (!item) throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    const key = /^\d+$/.test(item[1]!) ? Number(item[1]) : new PyStr(item[1]!);
    value = getItemOf(value, key);
    rest = rest.slice(item[0].length);
  }
  return value;
}

function attributeOf(value: PyValue, name: string): PyValue {
  const found = getObjectAttribute(value, name, {});
  if (found !== undefined) return found;
  if (value instanceof PyFloat && name === "real") return value;
  if ((typeof value === "number" || value instanceof PyLong) && (name === "real" || name === "numerator")) return value;
  throw attributeError(value, name);
}

interface Spec {
  fill: string;
  align: string | undefined;
  sign: string;
  alternate: boolean;
  zero: boolean;
  width: number;
  comma: boolean;
  precision: number | undefined;
  type: string;
}

function parseSpec(spec: string): Spec {
  const match = /^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\d+)?(,)?(?:\.(\d+))?([a-zA-Z%])?$/s.exec(spec);
  if (!match) throw valueError("Invalid conversion specification");
  const parsed: Spec = {
    fill: match[1] ?? " ",
    align: match[2],
    sign: match[3] ?? "",
    alternate: match[4] !== undefined,
    zero: match[5] !== undefined,
    width: match[6] === undefined ? 0 : Number(match[6]),
    comma: match[7] !== undefined,
    precision: match[8] === undefined ? undefined : Number(match[8]),
    type: match[9] ?? "",
  };
  if (parsed.zero && parsed.align === undefined) {
    parsed.fill = "0";
    parsed.align = "=";
  }
  return parsed;
}

/** `format(value, spec)` for the value model's types. */
function formatValue(value: PyValue, specText: string): string {
  if (specText === "") return str(value);
  const spec = parseSpec(specText);
  const rank =
    typeof value === "boolean" || typeof value === "number"
      ? 0
      : value instanceof PyLong
        ? 1
        : value instanceof PyFloat
          ? 2
          : -1;
  if (rank >= 0) {
    if (rank < 2 && "bcdoxXn".includes(spec.type) && spec.type !== "") return formatInteger(value, spec);
    if (rank < 2 && spec.type === "") return formatInteger(value, { ...spec, type: "d" });
    if ("eEfFgGn%".includes(spec.type)) return formatFloat(toFloat(value), spec);
    throw valueError(`Unknown format code '${spec.type}' for object of type '${pythonTypeName(value)}'`);
  }
  // Python 2.7's object.__format__ formats str(self).
  return formatText(isText(value) ? textOf(value) : str(value), spec, value);
}

function toFloat(value: PyValue): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof PyLong) return Number(value.value);
  return (value as PyFloat).value;
}

function formatText(text: string, spec: Spec, value: PyValue): string {
  if (spec.type !== "" && spec.type !== "s") {
    throw valueError(`Unknown format code '${spec.type}' for object of type '${pythonTypeName(value)}'`);
  }
  if (spec.sign !== "") {
    throw valueError("Sign not allowed in string format specifier");
  }
  if (spec.alternate) throw valueError("Alternate form (#) not allowed in string format specifier");
  if (spec.comma) throw valueError("Grouping not allowed with string format specifier");
  if (spec.align === "=") throw valueError("'=' alignment not allowed in string format specifier");
  const clipped = spec.precision === undefined ? text : text.slice(0, spec.precision);
  return align(clipped, "", spec, "<");
}

function align(body: string, prefix: string, spec: Spec, defaultAlign: string): string {
  const length = prefix.length + body.length;
  if (length >= spec.width) return prefix + body;
  const padding = spec.width - length;
  switch (spec.align ?? defaultAlign) {
    case "<":
      return prefix + body + spec.fill.repeat(padding);
    case ">":
      return spec.fill.repeat(padding) + prefix + body;
    case "^": {
      const left = Math.floor(padding / 2);
      return spec.fill.repeat(left) + prefix + body + spec.fill.repeat(padding - left);
    }
    default:
      return prefix + spec.fill.repeat(padding) + body;
  }
}

function signText(negative: boolean, spec: Spec): string {
  if (negative) return "-";
  if (spec.sign === "+") return "+";
  if (spec.sign === " ") return " ";
  return "";
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatInteger(value: PyValue, spec: Spec): string {
  if (spec.precision !== undefined) throw valueError("Precision not allowed in integer format specifier");
  const integer =
    typeof value === "boolean"
      ? value
        ? 1n
        : 0n
      : typeof value === "number"
        ? BigInt(value)
        : (value as PyLong).value;
  if (spec.type === "c") {
    if (spec.sign !== "") throw valueError("Sign not allowed with integer format specifier 'c'");
    return align(String.fromCodePoint(Number(integer)), "", spec, ">");
  }
  const negative = integer < 0n;
  const magnitude = negative ? -integer : integer;
  const radix = { b: 2, o: 8, x: 16, X: 16, d: 10, n: 10 }[spec.type] ?? 10;
  let digits = magnitude.toString(radix);
  if (spec.type === "X") digits = digits.toUpperCase();
  if (spec.comma) {
    if (radix !== 10) throw valueError("Cannot specify ',' with '" + spec.type + "'.");
    digits = groupThousands(digits);
  }
  let prefix = signText(negative, spec);
  if (spec.alternate) prefix += { b: "0b", o: "0o", x: "0x", X: "0X" }[spec.type] ?? "";
  return align(digits, prefix, spec, ">");
}

function formatFloat(number: number, spec: Spec): string {
  const negative = number < 0 || Object.is(number, -0);
  const magnitude = Math.abs(number);
  let body: string;
  const upper = spec.type === "E" || spec.type === "F" || spec.type === "G";
  switch (spec.type) {
    case "e":
    case "E":
      body = formatExponent(magnitude, spec.precision ?? 6, upper);
      break;
    case "f":
    case "F":
      body = formatFixed(magnitude, spec.precision ?? 6, upper);
      break;
    case "%":
      body = `${formatFixed(magnitude * 100, spec.precision ?? 6)}%`;
      break;
    case "g":
    case "G":
    case "n":
      body = formatGeneral(magnitude, spec.precision ?? 6, upper, spec.alternate);
      break;
    default:
      if (spec.precision === undefined) body = floatStr(magnitude);
      else {
        body = formatGeneral(magnitude, spec.precision, false, spec.alternate);
        if (/^\d+$/.test(body)) body += ".0";
      }
  }
  if (spec.comma) {
    const [integer, ...rest] = body.split(".");
    body = [groupThousands(integer!), ...rest].join(".");
  }
  return align(body, signText(negative && !Number.isNaN(number), spec), spec, ">");
}
