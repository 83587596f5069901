import type { PyValue } from "./model.js";

/**
 * A Python exception raised while evaluating (fast path or value semantics). `pythonType`
 * is the exception class name as Jython 2.7 names it (`ZeroDivisionError`, `AttributeError`,
 * ...); the runtime turns it into a PW6xxx diagnostic. `message` is what `str(e)` gives (the
 * last traceback line's text). A script that catches one sees it as the exception instance:
 * `pythonArgs` are its `e.args` (absent: the message as one str, or none when it is empty).
 */
export class PythonException extends Error {
  /** Attributes a script set on the instance (`e.message = ...` included). */
  attributes: Map<string, PyValue> | undefined;

  constructor(
    readonly pythonType: string,
    message: string,
    readonly pythonArgs?: readonly PyValue[],
  ) {
    // Scripts raise and catch these as control flow (try/except KeyError); a JS stack
    // trace would cost more than the rest of the raise, and a Python error never shows one.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = "PythonException";
  }

  /** As Python prints it on the last traceback line: `ZeroDivisionError: integer division by zero`. */
  override toString(): string {
    return this.message === "" ? this.pythonType : `${this.pythonType}: ${this.message}`;
  }
}

export function typeError(message: string): PythonException {
  return new PythonException("TypeError", message);
}

export function valueError(message: string): PythonException {
  return new PythonException("ValueError", message);
}

/** Python 2.7's builtin exception classes, each with its base class (BaseException has none). */
const exceptionBases: Record<string, string | undefined> = {
  BaseException: undefined,
  SystemExit: "BaseException",
  KeyboardInterrupt: "BaseException",
  GeneratorExit: "BaseException",
  Exception: "BaseException",
  StopIteration: "Exception",
  StandardError: "Exception",
  Warning: "Exception",
  BufferError: "StandardError",
  ArithmeticError: "StandardError",
  FloatingPointError: "ArithmeticError",
  OverflowError: "ArithmeticError",
  ZeroDivisionError: "ArithmeticError",
  AssertionError: "StandardError",
  AttributeError: "StandardError",
  EnvironmentError: "StandardError",
  IOError: "EnvironmentError",
  OSError: "EnvironmentError",
  EOFError: "StandardError",
  ImportError: "StandardError",
  LookupError: "StandardError",
  IndexError: "LookupError",
  KeyError: "LookupError",
  MemoryError: "StandardError",
  NameError: "StandardError",
  UnboundLocalError: "NameError",
  ReferenceError: "StandardError",
  RuntimeError: "StandardError",
  NotImplementedError: "RuntimeError",
  SyntaxError: "StandardError",
  IndentationError: "SyntaxError",
  TabError: "IndentationError",
  SystemError: "StandardError",
  TypeError: "StandardError",
  ValueError: "StandardError",
  UnicodeError: "ValueError",
  UnicodeDecodeError: "UnicodeError",
  UnicodeEncodeError: "UnicodeError",
  UnicodeTranslateError: "UnicodeError",
  DeprecationWarning: "Warning",
  PendingDeprecationWarning: "Warning",
  RuntimeWarning: "Warning",
  SyntaxWarning: "Warning",
  UserWarning: "Warning",
  FutureWarning: "Warning",
  ImportWarning: "Warning",
  UnicodeWarning: "Warning",
  BytesWarning: "Warning",
};

/** True for the name of a builtin exception class of Python 2.7. */
export function isExceptionClass(name: string): boolean {
  return Object.hasOwn(exceptionBases, name);
}

/** `issubclass(type, base)` for builtin exception class names. */
export function isExceptionSubclass(type: string, base: string): boolean {
  let current: string | undefined = type;
  while (current !== undefined) {
    if (current === base) return true;
    current = exceptionBases[current];
  }
  return false;
}
