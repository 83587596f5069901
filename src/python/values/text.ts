import { isConfigurationItem } from "../../repository/model.js";
import { isHostObject } from "../host-object.js";
import { floatRepr, floatStr } from "./float-format.js";
import {
  isDelta,
  isDeltaSpecification,
  JavaHashSet,
  JavaName,
  PyDict,
  PyFloat,
  PyLong,
  PySet,
  PyStr,
  PyTuple,
  type PyValue,
  pythonTypeName,
} from "./model.js";
import { PythonException } from "./python-exception.js";

/** True for str and unicode. */
export function isText(value: PyValue): value is string | PyStr {
  return typeof value === "string" || value instanceof PyStr;
}

/** The characters of a str or unicode. */
export function textOf(value: string | PyStr): string {
  return typeof value === "string" ? value : value.value;
}

/** A str (byte string) or unicode result. */
export function makeText(text: string, unicode: boolean): string | PyStr {
  return unicode ? text : new PyStr(text);
}

/** `repr(x)` as Jython 2.7 prints it. The result is always a str. */
export function repr(value: PyValue): string {
  if (value === null || value === undefined) return "None";
  switch (typeof value) {
    case "string":
      return `u${quote(value, true)}`;
    case "boolean":
      return value ? "True" : "False";
    case "number":
      return String(value);
  }
  if (value instanceof PyStr) return quote(value.value, false);
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof PyLong) return `${value.value}L`;
  if (Array.isArray(value)) return `[${value.map(repr).join(", ")}]`;
  if (value instanceof PyTuple) {
    if (value.items.length === 1) return `(${repr(value.items[0])},)`;
    return `(${value.items.map(repr).join(", ")})`;
  }
  if (value instanceof PyDict)
    return `{${value
      .items()
      .map(([k, v]) => `${repr(k)}: ${repr(v)}`)
      .join(", ")}}`;
  if (value instanceof JavaHashSet) return `[${value.values().map(javaText).join(", ")}]`;
  if (value instanceof PySet) return `set([${value.values().map(repr).join(", ")}])`;
  if (value instanceof PythonException) return `${value.pythonType}${repr(new PyTuple(exceptionArgs(value)))}`;
  return objectText(value);
}

/**
 * `str(x)` as text; `unicode` says whether Python would give a unicode object (only a
 * unicode stays unicode: `str()` of a list of unicode is a str with `u'...'` reprs inside).
 */
export function str(value: PyValue): string {
  if (typeof value === "string") return value;
  if (value instanceof PyStr) return value.value;
  if (value instanceof PyFloat) return floatStr(value.value);
  if (value instanceof PyLong) return value.value.toString();
  if (
    value === null ||
    value === undefined ||
    typeof value === "boolean" ||
    typeof value === "number" ||
    Array.isArray(value) ||
    value instanceof PyTuple ||
    value instanceof PyDict ||
    value instanceof PySet
  ) {
    return repr(value);
  }
  if (value instanceof PythonException) return exceptionStr(value);
  return objectText(value);
}

/** `e.args` of an exception instance. */
export function exceptionArgs(exception: PythonException): readonly PyValue[] {
  return exception.pythonArgs ?? (exception.message === "" ? [] : [new PyStr(exception.message)]);
}

/** `str(e)`: its one argument (a KeyError's repr'd), or the tuple of them. */
function exceptionStr(exception: PythonException): string {
  const args = exceptionArgs(exception);
  if (args.length === 0) return "";
  if (args.length > 1) return repr(new PyTuple(args));
  return exception.pythonType === "KeyError" ? repr(args[0]) : str(args[0]);
}

/** `str(x)` as a Python value: ASCII-only unicode becomes str, as Python 2 encodes it. */
export function strValue(value: PyValue): PyStr {
  const text = str(value);
  if (typeof value === "string") requireAscii(text);
  return new PyStr(text);
}

/** Python 2 encodes unicode to str with the ASCII codec. */
function requireAscii(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) {
      throw new PythonException(
        "UnicodeEncodeError",
        `'ascii' codec can't encode character u'\\x${code.toString(16).padStart(2, "0")}' in position ${i}: ordinal not in range(128)`,
      );
    }
  }
}

/**
 * Java objects print with their `toString()`: a CI as its id, a Type or Operation as its
 * name (decided here; XL Deploy's `BaseConfigurationItem.toString()` is not documented).
 */
/** How a Java collection prints an item: null, true/false, text as it is, anything else as str(). */
function javaText(value: PyValue): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  return str(value);
}

function objectText(value: PyValue): string {
  if (value instanceof JavaName) return value.name;
  if (isConfigurationItem(value)) return value.id;
  if (isDelta(value)) return `Delta(${value.operation} ${value.id})`;
  if (isDeltaSpecification(value)) return `DeltaSpecification(${value.operation})`;
  if (isHostObject(value)) return `<${value.pyTypeName} object>`;
  return `<${pythonTypeName(value)} object>`;
}

/** Python's quoting: single quotes unless the text has ' and no ". */
function quote(text: string, unicode: boolean): string {
  const delimiter = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = delimiter;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === delimiter || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || (code > 0x7f && code <= 0xff)) out += `\\x${hex(code, 2)}`;
    else if (code > 0xff && code <= 0xffff) out += unicode ? `\\u${hex(code, 4)}` : `\\x${hex(code & 0xff, 2)}`;
    else if (code > 0xffff) out += `\\U${hex(code, 8)}`;
    else out += ch;
  }
  return out + delimiter;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}
