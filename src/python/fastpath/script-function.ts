import { iterate } from "../values/methods.js";
import { PyDict, PyTuple, type PyValue, pythonTypeName } from "../values/model.js";
import { PythonException, typeError } from "../values/python-exception.js";
import { isText, repr, str, textOf } from "../values/text.js";

/**
 * What a `def` or `lambda` compiles to; `run` executes the body in a fresh locals record,
 * with the state of the run that calls it (its deadline, its log).
 */
export interface FunctionCode {
  readonly name: string;
  readonly parameters: readonly string[];
  readonly varargs: string | undefined;
  readonly kwargs: string | undefined;
  run(locals: Record<string, unknown>, state: object): PyValue;
}

/**
 * A function a script or module defined: its code, the defaults evaluated when `def` ran,
 * and the globals of the module it was defined in (which its body reads as globals).
 */
export class ScriptFunction {
  /** Python's `type(f).__name__` (values/model.ts pythonTypeName reads it). */
  readonly pythonTypeName = "function";

  constructor(
    readonly code: FunctionCode,
    readonly defaults: readonly PyValue[],
    readonly globals: Record<string, unknown>,
  ) {}
}

/** A keyword argument of a call: `key` is what a `**kwargs` dict receives. */
export interface KeywordArgument {
  key: PyValue;
  name: string;
  value: PyValue;
}

/** The items of `f(*sequence)`. */
export function starItems(functionName: string, sequence: PyValue): PyValue[] {
  try {
    return iterate(sequence);
  } catch (error) {
    if (error instanceof PythonException && error.pythonType === "TypeError") {
      throw typeError(`${functionName}() argument after * must be a sequence`);
    }
    throw error;
  }
}

/** Appends the entries of `f(**mapping)` to the call's keywords. */
export function addMappingKeywords(functionName: string, mapping: PyValue, keywords: KeywordArgument[]): void {
  if (!(mapping instanceof PyDict)) throw typeError(`${functionName}() argument after ** must be a mapping`);
  for (const [key, value] of mapping.items()) {
    if (!isText(key)) throw typeError(`${functionName}() keywords must be strings`);
    const name = textOf(key);
    if (keywords.some((keyword) => keyword.name === name)) {
      throw typeError(`${functionName}() got multiple values for keyword argument '${name}'`);
    }
    keywords.push({ key, name, value });
  }
}

/**
 * The locals of a call: arguments bound to parameters as CPython 2.7's
 * PyEval_EvalCodeEx binds them (Jython 2.7 follows it), with its TypeError messages.
 */
export function bindArguments(
  function_: ScriptFunction,
  positional: readonly PyValue[],
  keywords: readonly KeywordArgument[],
): Record<string, unknown> {
  const { name, parameters, varargs, kwargs } = function_.code;
  const defaults = function_.defaults;
  const locals: Record<string, unknown> = Object.create(null);
  const count = parameters.length;
  const given = positional.length;
  if (count === 0 && varargs === undefined && kwargs === undefined) {
    if (given + keywords.length > 0) throw typeError(`${name}() takes no arguments (${given + keywords.length} given)`);
    return locals;
  }
  const bound: boolean[] = new Array(count).fill(false);
  if (given > count && varargs === undefined) {
    throw typeError(
      `${name}() takes ${defaults.length > 0 ? "at most" : "exactly"} ${count} argument${count === 1 ? "" : "s"} (${given + keywords.length} given)`,
    );
  }
  const assigned = Math.min(given, count);
  for (let i = 0; i < assigned; i++) {
    locals[parameters[i]!] = positional[i];
    bound[i] = true;
  }
  if (varargs !== undefined) locals[varargs] = new PyTuple(positional.slice(assigned));
  const extra = kwargs === undefined ? undefined : new PyDict();
  for (const keyword of keywords) {
    const index = parameters.indexOf(keyword.name);
    if (index < 0) {
      if (!extra) throw typeError(`${name}() got an unexpected keyword argument '${keyword.name}'`);
      extra.set(keyword.key, keyword.value);
      continue;
    }
    if (bound[index]) throw typeError(`${name}() got multiple values for keyword argument '${keyword.name}'`);
    locals[keyword.name] = keyword.value;
    bound[index] = true;
  }
  if (given < count) {
    const required = count - defaults.length;
    for (let i = given; i < required; i++) {
      if (bound[i]) continue;
      const supplied = bound.filter(Boolean).length;
      throw typeError(
        `${name}() takes ${varargs !== undefined || defaults.length > 0 ? "at least" : "exactly"} ${required} argument${required === 1 ? "" : "s"} (${supplied} given)`,
      );
    }
    for (let i = Math.max(given - required, 0); i < defaults.length; i++) {
      if (!bound[required + i]) locals[parameters[required + i]!] = defaults[i];
    }
  }
  if (kwargs !== undefined) locals[kwargs] = extra;
  return locals;
}

/** `raise Type[, value]` and `Type(args...)`: a new instance, or `value` when it is one already. */
export function instantiateException(type: string, args: readonly PyValue[]): PythonException {
  const message =
    args.length === 0
      ? ""
      : args.length > 1
        ? repr(new PyTuple(args))
        : type === "KeyError"
          ? repr(args[0])
          : isText(args[0])
            ? textOf(args[0])
            : str(args[0]);
  return new PythonException(type, message, args);
}

/** The instance `raise value` raises: an exception instance, or a TypeError as Python's. */
export function raisedInstance(value: PyValue): PythonException {
  if (value instanceof PythonException) return value;
  return typeError(`exceptions must be old-style classes or derived from BaseException, not ${pythonTypeName(value)}`);
}
