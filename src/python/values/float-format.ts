/**
 * Float to text exactly as CPython 2.7 / Jython 2.7 do it: `repr` (shortest round-trip,
 * exponent outside 1e-4..1e16), `str` (12 significant digits) and the `e f g` conversions of
 * `%` and `format()`, all with round-half-even on the exact binary value.
 */

/** The exact decimal digits of a finite double: value = 0.digits × 10^exponent. */
function exactDecimal(value: number): { digits: string; exponent: number } {
  const abs = Math.abs(value);
  if (abs === 0) return { digits: "0", exponent: 1 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, abs);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let power: number;
  if (biased === 0) power = -1074;
  else {
    mantissa |= 1n << 52n;
    power = biased - 1075;
  }
  let digits: string;
  let fractionDigits: number;
  if (power >= 0) {
    digits = (mantissa << BigInt(power)).toString();
    fractionDigits = 0;
  } else {
    digits = (mantissa * 5n ** BigInt(-power)).toString();
    fractionDigits = -power;
  }
  const exponent = digits.length - fractionDigits;
  const trimmed = digits.replace(/0+$/, "");
  return { digits: trimmed === "" ? "0" : trimmed, exponent };
}

/**
 * Rounds 0.digits × 10^exponent to `count` digits (half-even), returning the digits (exactly
 * `count` long, at least one) and the possibly incremented exponent.
 */
function roundDigits(digits: string, exponent: number, count: number): { digits: string; exponent: number } {
  if (count <= 0) {
    // Everything is rounded away; the result is 0 or 1 unit of the first kept position.
    const half = count === 0 && (digits[0]! > "5" || (digits[0] === "5" && digits.length > 1));
    return half ? { digits: "1", exponent: exponent + 1 } : { digits: "0", exponent: exponent + 1 };
  }
  if (digits.length <= count) return { digits: digits.padEnd(count, "0"), exponent };
  const kept = digits.slice(0, count);
  const rest = digits.slice(count);
  const roundUp = rest[0]! > "5" || (rest[0] === "5" && (rest.length > 1 || Number(kept[kept.length - 1]) % 2 === 1));
  if (!roundUp) return { digits: kept, exponent };
  const incremented = (BigInt(kept) + 1n).toString();
  if (incremented.length > count) return { digits: incremented.slice(0, count), exponent: exponent + 1 };
  return { digits: incremented.padStart(count, "0"), exponent };
}

function special(value: number, upper: boolean): string | undefined {
  if (Number.isNaN(value)) return upper ? "NAN" : "nan";
  if (value === Number.POSITIVE_INFINITY) return upper ? "INF" : "inf";
  if (value === Number.NEGATIVE_INFINITY) return upper ? "-INF" : "-inf";
  return undefined;
}

function sign(value: number): string {
  return value < 0 || Object.is(value, -0) ? "-" : "";
}

/** `%.<precision>f` without sign handling beyond '-'. */
export function formatFixed(value: number, precision: number, upper = false): string {
  const s = special(value, upper);
  if (s !== undefined) return s;
  const { digits, exponent } = exactDecimal(value);
  const rounded = roundDigits(digits, exponent, exponent + precision);
  let all = rounded.digits;
  let intLength = rounded.exponent;
  if (digits === "0" || rounded.digits === "0") {
    all = "0".repeat(precision + 1);
    intLength = 1;
  }
  if (intLength <= 0) {
    all = "0".repeat(1 - intLength) + all;
    intLength = 1;
  }
  all = all.padEnd(intLength + precision, "0");
  const integerPart = all.slice(0, intLength);
  const fraction = all.slice(intLength, intLength + precision);
  return sign(value) + integerPart + (precision > 0 ? `.${fraction}` : "");
}

/** `%.<precision>e`. */
export function formatExponent(value: number, precision: number, upper = false): string {
  const s = special(value, upper);
  if (s !== undefined) return s;
  const { digits, exponent } = exactDecimal(value);
  const rounded =
    value === 0 ? { digits: "0".repeat(precision + 1), exponent: 1 } : roundDigits(digits, exponent, precision + 1);
  const mantissa = rounded.digits[0] + (precision > 0 ? `.${rounded.digits.slice(1)}` : "");
  return sign(value) + mantissa + exponentSuffix(rounded.exponent - 1, upper);
}

function exponentSuffix(exponent: number, upper: boolean): string {
  const magnitude = Math.abs(exponent).toString().padStart(2, "0");
  return `${upper ? "E" : "e"}${exponent < 0 ? "-" : "+"}${magnitude}`;
}

/** `%.<precision>g`; `alternate` (`#`) keeps trailing zeros. */
export function formatGeneral(value: number, precision: number, upper = false, alternate = false): string {
  const s = special(value, upper);
  if (s !== undefined) return s;
  const p = precision === 0 ? 1 : precision;
  let exponent: number;
  if (value === 0) exponent = 0;
  else {
    const { digits, exponent: e } = exactDecimal(value);
    exponent = roundDigits(digits, e, p).exponent - 1;
  }
  let text: string;
  if (exponent >= -4 && exponent < p) {
    text = formatFixed(value, p - 1 - exponent, upper);
    if (!alternate && text.includes(".")) text = text.replace(/\.?0+$/, "");
  } else {
    text = formatExponent(value, p - 1, upper);
    if (!alternate) text = text.replace(/\.?0+(?=[eE])/, "");
  }
  return text;
}

/** `repr(float)`: shortest text that reads back as the same double. */
export function floatRepr(value: number): string {
  const s = special(value, false);
  if (s !== undefined) return s;
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const [mantissa, exponentText] = Math.abs(value).toExponential().split("e");
  const digits = mantissa!.replace(".", "");
  const exponent = Number(exponentText);
  let text: string;
  if (exponent < -4 || exponent >= 16) {
    text = digits[0] + (digits.length > 1 ? `.${digits.slice(1)}` : "") + exponentSuffix(exponent, false);
  } else if (exponent < 0) {
    text = `0.${"0".repeat(-exponent - 1)}${digits}`;
  } else if (digits.length <= exponent + 1) {
    text = `${digits.padEnd(exponent + 1, "0")}.0`;
  } else {
    text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  }
  return sign(value) + text;
}

/** `str(float)`: `%.12g`, with `.0` added when the result looks like an integer. */
export function floatStr(value: number): string {
  const text = formatGeneral(value, 12);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** Python 2.7 `round(x, n)`: half away from zero, decided on the exact binary value. */
export function roundHalfAway(value: number, ndigits: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const { digits, exponent } = exactDecimal(value);
  const count = exponent + ndigits;
  if (count < 0) return value < 0 ? -0 : 0;
  if (digits.length <= count) return value;
  let kept = count === 0 ? "0" : digits.slice(0, count);
  if (digits[count]! >= "5") kept = (BigInt(kept) + 1n).toString();
  const text = `${value < 0 ? "-" : ""}${kept}e${exponent - count}`;
  return Number(text);
}
