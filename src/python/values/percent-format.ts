import { getItemOf } from "./ci-bridge.js";
import { formatExponent, formatFixed, formatGeneral } from "./float-format.js";
import { PyDict, PyFloat, PyLong, type PyStr, PyTuple, type PyValue, pythonTypeName } from "./model.js";
import { PythonException, typeError } from "./python-exception.js";
import { isText, makeText, repr, str, textOf } from "./text.js";

/** One parsed piece of a `%` format: literal text, a conversion, or the error Python raises on reaching it. */
type Piece =
  | { kind: "literal"; text: string }
  | {
      kind: "conversion";
      key: PyValue | undefined;
      flags: string;
      width: number | "*";
      precision: number | "*" | undefined;
      conversion: string;
    }
  | { kind: "error"; error: () => PythonException };

/** A `%` format parsed once; `format` applies it (Python evaluates errors lazily, so they wait in an error piece). */
export class PercentFormat {
  private readonly pieces: Piece[];
  private readonly unicode: boolean;

  constructor(format: string | PyStr) {
    this.unicode = typeof format === "string";
    this.pieces = parsePieces(textOf(format), this.unicode);
  }

  /** `format % args`. */
  format(args: PyValue): string | PyStr {
    if (args instanceof PyTuple) return this.apply(args.items, undefined);
    if (args instanceof PyDict) return this.apply([], args);
    return this.apply([args], undefined);
  }

  /** `format % (a, b, ...)` with the tuple's items, without building the tuple. */
  formatItems(items: readonly PyValue[]): string | PyStr {
    return this.apply(items, undefined);
  }

  /**
   * As Jython's StringFormatter: a tuple gives the arguments in turn; a dict is the mapping
   * for %(name)s and also every positional argument; anything else is the single argument.
   */
  private apply(positional: readonly PyValue[], mapping: PyDict | undefined): string | PyStr {
    let unicode = this.unicode;
    let next = 0;
    let out = "";
    for (const piece of this.pieces) {
      if (piece.kind === "literal") {
        out += piece.text;
        continue;
      }
      if (piece.kind === "error") throw piece.error();
      let flags = piece.flags;
      let width = 0;
      if (piece.width === "*") {
        width = integerArgument(argument(positional, next, mapping));
        if (mapping === undefined) next++;
        if (width < 0) {
          flags += "-";
          width = -width;
        }
      } else width = piece.width;
      let precision: number | undefined;
      if (piece.precision === "*") {
        precision = Math.max(0, integerArgument(argument(positional, next, mapping)));
        if (mapping === undefined) next++;
      } else precision = piece.precision;
      let value: PyValue;
      if (piece.key !== undefined) {
        if (mapping === undefined) throw typeError("format requires a mapping");
        value = getItemOf(mapping, piece.key);
      } else {
        value = argument(positional, next, mapping);
        if (mapping === undefined) next++;
      }
      if (piece.conversion === "s" && width === 0 && precision === undefined) {
        // The common `%s`: no padding, no truncation.
        if (typeof value === "string") unicode = true;
        out += str(value);
        continue;
      }
      const converted = convert(piece.conversion, value, flags, precision, this.unicode);
      if (converted.unicode) unicode = true;
      out += pad(converted.text, width, flags, converted.numeric);
    }
    if (next < positional.length && mapping === undefined) {
      throw typeError("not all arguments converted during string formatting");
    }
    return makeText(out, unicode);
  }
}

function parsePieces(text: string, unicode: boolean): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < text.length) {
    const percent = text.indexOf("%", i);
    if (percent < 0) {
      pieces.push({ kind: "literal", text: text.slice(i) });
      break;
    }
    if (percent > i) pieces.push({ kind: "literal", text: text.slice(i, percent) });
    i = percent + 1;
    let key: PyValue | undefined;
    if (text[i] === "(") {
      let depth = 1;
      let end = i + 1;
      while (end < text.length && depth > 0) {
        if (text[end] === "(") depth++;
        else if (text[end] === ")") depth--;
        end++;
      }
      if (depth > 0) {
        pieces.push({ kind: "error", error: () => new PythonException("ValueError", "incomplete format key") });
        return pieces;
      }
      key = makeText(text.slice(i + 1, end - 1), unicode);
      i = end;
    }
    let flags = "";
    while (i < text.length && "-+ #0".includes(text[i]!)) flags += text[i++];
    let width: number | "*" = 0;
    if (text[i] === "*") {
      width = "*";
      i++;
    } else {
      while (i < text.length && text[i]! >= "0" && text[i]! <= "9") width = width * 10 + Number(text[i++]);
    }
    let precision: number | "*" | undefined;
    if (text[i] === ".") {
      i++;
      if (text[i] === "*") {
        precision = "*";
        i++;
      } else {
        let digits = 0;
        while (i < text.length && text[i]! >= "0" && text[i]! <= "9") digits = digits * 10 + Number(text[i++]);
        precision = digits;
      }
    }
    while (i < text.length && "hlL".includes(text[i]!)) i++;
    if (i >= text.length) {
      pieces.push({ kind: "error", error: () => new PythonException("ValueError", "incomplete format") });
      return pieces;
    }
    const conversion = text[i++]!;
    if (conversion === "%") {
      pieces.push({ kind: "literal", text: "%" });
      continue;
    }
    if (!"srdiuoxXeEfFgGc".includes(conversion)) {
      const index = i - 1;
      pieces.push({
        kind: "error",
        error: () =>
          new PythonException(
            "ValueError",
            `unsupported format character '${conversion}' (0x${conversion.charCodeAt(0).toString(16)}) at index ${index}`,
          ),
      });
      return pieces;
    }
    pieces.push({ kind: "conversion", key, flags, width, precision, conversion });
  }
  return pieces;
}

const parsedFormats = new Map<string, PercentFormat>();

/** The next positional argument; with a dict, the dict itself (as Jython does). */
function argument(positional: readonly PyValue[], next: number, mapping: PyDict | undefined): PyValue {
  if (mapping !== undefined) return mapping;
  if (next >= positional.length) throw typeError("not enough arguments for format string");
  return positional[next];
}

/**
 * `format % args` with every conversion of Python 2.7 (`s r d i u o x X e E f F g G c %`),
 * `%(name)s`, flags `- + space # 0`, width, precision and `*`. The result is unicode when
 * the format is unicode or a `%s` argument is unicode, as in Python 2.
 */
export function percentFormat(format: string | PyStr, args: PyValue): string | PyStr {
  const cacheKey = typeof format === "string" ? `u${format}` : `b${format.value}`;
  let parsed = parsedFormats.get(cacheKey);
  if (!parsed) {
    parsed = new PercentFormat(format);
    // Formats computed at run time could be unbounded; keep the cache small.
    if (parsedFormats.size > 1000) parsedFormats.clear();
    parsedFormats.set(cacheKey, parsed);
  }
  return parsed.format(args);
}

function integerArgument(value: PyValue): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  throw typeError("* wants int");
}

interface Converted {
  text: string;
  unicode: boolean;
  /** Numbers pad with zeros after their sign and prefix. */
  numeric: boolean;
}

function convert(
  conversion: string,
  value: PyValue,
  flags: string,
  precision: number | undefined,
  unicodeFormat: boolean,
): Converted {
  switch (conversion) {
    case "s": {
      const text = str(value);
      return {
        text: precision === undefined ? text : text.slice(0, precision),
        unicode: typeof value === "string",
        numeric: false,
      };
    }
    case "r": {
      const text = repr(value);
      return { text: precision === undefined ? text : text.slice(0, precision), unicode: false, numeric: false };
    }
    case "d":
    case "i":
    case "u":
    case "o":
    case "x":
    case "X":
      return { text: formatIntegerConversion(conversion, value, flags, precision), unicode: false, numeric: true };
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
      return { text: formatFloatConversion(conversion, value, flags, precision), unicode: false, numeric: true };
    default:
      return formatCharacter(value, unicodeFormat);
  }
}

function integerOf(value: PyValue, conversion: string): bigint {
  if (typeof value === "number") return BigInt(value);
  if (typeof value === "boolean") return value ? 1n : 0n;
  if (value instanceof PyLong) return value.value;
  if (value instanceof PyFloat) {
    if (!Number.isFinite(value.value))
      throw new PythonException("OverflowError", "cannot convert float infinity to integer");
    return BigInt(Math.trunc(value.value));
  }
  throw typeError(`%${conversion} format: a number is required, not ${pythonTypeName(value)}`);
}

function signPrefix(negative: boolean, flags: string): string {
  if (negative) return "-";
  if (flags.includes("+")) return "+";
  if (flags.includes(" ")) return " ";
  return "";
}

function formatIntegerConversion(
  conversion: string,
  value: PyValue,
  flags: string,
  precision: number | undefined,
): string {
  const integer = integerOf(value, conversion);
  const negative = integer < 0n;
  const magnitude = negative ? -integer : integer;
  let digits: string;
  let prefix = "";
  if (conversion === "o") {
    digits = magnitude.toString(8);
    if (flags.includes("#")) prefix = "0";
  } else if (conversion === "x" || conversion === "X") {
    digits = magnitude.toString(16);
    if (flags.includes("#")) prefix = "0x";
    if (conversion === "X") {
      digits = digits.toUpperCase();
      prefix = prefix.toUpperCase();
    }
  } else digits = magnitude.toString();
  if (precision !== undefined) digits = digits.padStart(precision, "0");
  if (conversion === "o" && prefix === "0" && digits.startsWith("0")) prefix = "";
  return signPrefix(negative, flags) + prefix + digits;
}

function floatOf(value: PyValue): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyLong) return Number(value.value);
  throw typeError(`float argument required, not ${pythonTypeName(value)}`);
}

function formatFloatConversion(
  conversion: string,
  value: PyValue,
  flags: string,
  precision: number | undefined,
): string {
  const number = floatOf(value);
  const p = precision ?? 6;
  const upper = conversion === "E" || conversion === "F" || conversion === "G";
  const alternate = flags.includes("#");
  let text: string;
  switch (conversion.toLowerCase()) {
    case "e":
      text = formatExponent(number, p, upper);
      if (alternate && p === 0) text = text.replace(/[eE]/, ".$&");
      break;
    case "f":
      text = formatFixed(number, p, upper);
      if (alternate && p === 0) text += ".";
      break;
    default:
      text = formatGeneral(number, p, upper, alternate);
  }
  const negative = text.startsWith("-");
  return signPrefix(negative, flags) + (negative ? text.slice(1) : text);
}

function formatCharacter(value: PyValue, unicodeFormat: boolean): Converted {
  if (isText(value)) {
    const text = textOf(value);
    if (text.length !== 1) throw typeError("%c requires int or char");
    return { text, unicode: typeof value === "string", numeric: false };
  }
  if (typeof value === "number") {
    if (unicodeFormat) {
      if (value < 0 || value > 0x10ffff) throw new PythonException("OverflowError", "%c arg not in range(0x110000)");
      return { text: String.fromCodePoint(value), unicode: true, numeric: false };
    }
    if (value < 0 || value > 255)
      throw new PythonException("OverflowError", "unsigned byte integer is greater than maximum");
    return { text: String.fromCharCode(value), unicode: false, numeric: false };
  }
  throw typeError("%c requires int or char");
}

/** Width padding: left-justified with `-`, zero-filled after the sign/prefix with `0` for numbers. */
function pad(text: string, width: number, flags: string, numeric: boolean): string {
  if (text.length >= width) return text;
  if (flags.includes("-")) return text.padEnd(width, " ");
  if (numeric && flags.includes("0") && !/(inf|nan)$/i.test(text)) {
    const head = /^[-+ ]?(0[xX])?/.exec(text)![0];
    return head + text.slice(head.length).padStart(width - head.length, "0");
  }
  return text.padStart(width, " ");
}
