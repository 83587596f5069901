/**
 * A Python exception raised while evaluating (fast path or value semantics). `pythonType`
 * is the exception class name as Jython 2.7 names it (`ZeroDivisionError`, `AttributeError`,
 * ...); the runtime turns it into a PW6xxx diagnostic.
 */
export class PythonException extends Error {
  constructor(
    readonly pythonType: string,
    message: string,
  ) {
    super(message);
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
