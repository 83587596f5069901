import { isHostObject } from "../host-object.js";
import { builtins, instanceChecks } from "../values/builtins.js";
import {
  attributeError,
  callObjectMethod,
  fromHost,
  getItemOf,
  getObjectAttribute,
  HostFunction,
  type PythonEnvironment,
} from "../values/ci-bridge.js";
import { builtinMethods, unimplementedMethods } from "../values/methods.js";
import { JavaName, PyDict, PySet, type PyStr, PyTuple, type PyValue, pythonTypeName } from "../values/model.js";
import {
  add,
  contains,
  divide,
  equals,
  floorDivideValues,
  getSlice,
  modulo,
  multiply,
  negate,
  ordered,
  positive,
  power,
  subtract,
  truthy,
} from "../values/operations.js";
import { PercentFormat } from "../values/percent-format.js";
import { PythonException } from "../values/python-exception.js";
import { isText } from "../values/text.js";
import { type BinaryOperator, type CompareOperator, type Node, parseExpression } from "./parser.js";
import { Decline } from "./tokenizer.js";

/** What evaluation needs besides the bindings. */
export type FastEnvironment = PythonEnvironment;

/**
 * An expression compiled to JS closures. `evaluate` returns a Python value (values/model.ts;
 * convert with `toHost` or `displayValue`) and throws `PythonException` for Python errors.
 */
export interface FastExpression {
  readonly source: string;
  evaluate(scope: Readonly<Record<string, unknown>>, env: FastEnvironment): PyValue;
}

export type Evaluator = (scope: Readonly<Record<string, unknown>>, env: FastEnvironment) => PyValue;

/**
 * Compiles an expression of the fast-path subset (DESIGN §4), or returns undefined when it
 * is outside the subset — the caller then uses the interpreter, which also reports syntax
 * errors. Leading and trailing whitespace and line breaks are ignored, as XL Deploy does.
 */
export function compileFastExpression(source: string): FastExpression | undefined {
  const text = source.trim();
  if (text === "") return undefined;
  let evaluator: Evaluator;
  try {
    evaluator = new ExpressionCompiler().compile(parseExpression(text));
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
  return { source, evaluate: evaluator };
}

/**
 * Compiles syntax trees to closures. Planning scripts (fast-script.ts) extend it with their
 * own names, calls and targets; what it compiles here is the expression subset.
 */
export class ExpressionCompiler {
  compile(node: Node): Evaluator {
    const compile = (child: Node): Evaluator => this.compile(child);
    switch (node.kind) {
      case "constant": {
        const value = node.value;
        return () => value;
      }
      case "name":
        return this.compileName(node.id);
      case "attribute":
        return this.compileAttribute(node.object, node.name);
      case "subscript":
        return this.compileSubscript(node.object, node.index);
      case "slice":
        throw new Decline("slice outside subscript");
      case "call":
        return this.compileCall(node);
      case "listcomp":
        return this.compileListComprehension(node);
      case "lambda":
        // A function value: only scripts use one, where a call consumes it (fast-script.ts).
        throw new Decline("lambda");
      case "binary": {
        if (node.operator === "%" && node.left.kind === "constant" && isText(node.left.value)) {
          return this.compilePercentFormat(node.left.value, node.right);
        }
        const left = compile(node.left);
        const right = compile(node.right);
        const operation = binaryOperations[node.operator];
        return (scope, env) => operation(left(scope, env), right(scope, env));
      }
      case "unary": {
        const operand = compile(node.operand);
        const operation = node.operator === "-" ? negate : positive;
        return (scope, env) => operation(operand(scope, env));
      }
      case "not": {
        const operand = compile(node.operand);
        return (scope, env) => !truthy(operand(scope, env));
      }
      case "boolean":
        return compileBoolean(node.operator, node.operands.map(compile));
      case "compare":
        return this.compileCompare(node.left, node.operators, node.operands);
      case "conditional": {
        const test = compile(node.test);
        const body = compile(node.body);
        const otherwise = compile(node.otherwise);
        return (scope, env) => (truthy(test(scope, env)) ? body(scope, env) : otherwise(scope, env));
      }
      case "list": {
        const items = node.items.map(compile);
        return (scope, env) => items.map((item) => item(scope, env));
      }
      case "tuple": {
        const items = node.items.map(compile);
        return (scope, env) => new PyTuple(items.map((item) => item(scope, env)));
      }
      case "set": {
        const items = node.items.map(compile);
        return (scope, env) => new PySet(items.map((item) => item(scope, env)));
      }
      case "dict": {
        const keys = node.keys.map(compile);
        const values = node.values.map(compile);
        return (scope, env) => {
          const dict = new PyDict();
          for (let i = 0; i < keys.length; i++) dict.set(keys[i]!(scope, env), values[i]!(scope, env));
          return dict;
        };
      }
    }
  }

  protected compileAttribute(objectNode: Node, name: string): Evaluator {
    const object = this.compile(objectNode);
    if (unimplementedMethods.has(name)) throw new Decline(`method ${name}`);
    return (scope, env) => getAttribute(object(scope, env), name, env);
  }

  protected compileListComprehension(_node: Node & { kind: "listcomp" }): Evaluator {
    throw new Decline("list comprehension");
  }

  /** `'literal' % args`: the format is parsed once, and a literal tuple is never built. */
  protected compilePercentFormat(format: string | PyStr, argsNode: Node): Evaluator {
    const parsed = new PercentFormat(format);
    if (argsNode.kind === "tuple") {
      const items = argsNode.items.map((item) => this.compile(item));
      return (scope, env) => {
        const values: PyValue[] = new Array(items.length);
        for (let i = 0; i < items.length; i++) values[i] = items[i]!(scope, env);
        return parsed.formatItems(values);
      };
    }
    const args = this.compile(argsNode);
    return (scope, env) => parsed.format(args(scope, env));
  }

  protected compileName(id: string): Evaluator {
    declineBuiltinValue(id);
    return (scope, env) => {
      const value = scope[id];
      if (value === undefined && !(id in scope)) throw new PythonException("NameError", `name '${id}' is not defined`);
      return fromHost(value, env);
    };
  }

  protected compileSubscript(objectNode: Node, indexNode: Node): Evaluator {
    const object = this.compile(objectNode);
    if (indexNode.kind === "slice") {
      const none = () => null;
      const lower = indexNode.lower ? this.compile(indexNode.lower) : none;
      const upper = indexNode.upper ? this.compile(indexNode.upper) : none;
      const step = indexNode.step ? this.compile(indexNode.step) : none;
      return (scope, env) => getSlice(object(scope, env), lower(scope, env), upper(scope, env), step(scope, env));
    }
    const index = this.compile(indexNode);
    return (scope, env) => getItemOf(object(scope, env), index(scope, env), env);
  }

  protected compileCompare(leftNode: Node, operators: CompareOperator[], operandNodes: Node[]): Evaluator {
    // Identity of other objects (small ints, interned strings) is an implementation detail of Jython.
    let previous = leftNode;
    operators.forEach((operator, index) => {
      const next = operandNodes[index]!;
      if ((operator === "is" || operator === "is not") && !isSingleton(previous) && !isSingleton(next)) {
        throw new Decline("identity of non-singletons");
      }
      previous = next;
    });
    const left = this.compile(leftNode);
    const operands = operandNodes.map((operand) => this.compile(operand));
    const tests = operators.map(comparison);
    if (tests.length === 1) {
      const test = tests[0]!;
      const right = operands[0]!;
      return (scope, env) => test(left(scope, env), right(scope, env));
    }
    return (scope, env) => {
      let current = left(scope, env);
      for (let i = 0; i < tests.length; i++) {
        const next = operands[i]!(scope, env);
        if (!tests[i]!(current, next)) return false;
        current = next;
      }
      return true;
    };
  }

  protected compileCall(node: Node & { kind: "call" }): Evaluator {
    if (node.keywords.length > 0 || node.kwargs || node.star) throw new Decline("keyword or star arguments");
    const callee = node.callee;
    if (callee.kind === "name" && callee.id === "isinstance") return this.compileIsinstance(node.args);
    const args = node.args.map((arg) => this.compile(arg));
    const evaluateArgs = (scope: Readonly<Record<string, unknown>>, env: FastEnvironment): PyValue[] =>
      args.map((arg) => arg(scope, env));
    if (callee.kind === "name" && Object.hasOwn(builtins, callee.id)) {
      const builtin = builtins[callee.id]!;
      return (scope, env) => builtin(evaluateArgs(scope, env));
    }
    if (callee.kind === "attribute") {
      const name = callee.name;
      if (unimplementedMethods.has(name)) throw new Decline(`method ${name}`);
      const receiver = this.compile(callee.object);
      return (scope, env) => callMethod(receiver(scope, env), name, evaluateArgs(scope, env), env);
    }
    if (callee.kind === "name") {
      const function_ = this.compile(callee);
      return (scope, env) => callValue(function_(scope, env), evaluateArgs(scope, env), env);
    }
    throw new Decline("call of an unknown callable");
  }

  protected compileIsinstance(argNodes: Node[]): Evaluator {
    if (argNodes.length !== 2) throw new Decline("isinstance arity");
    const target = argNodes[1]!;
    const names = target.kind === "tuple" ? target.items : [target];
    const checks = names.map((name) => {
      if (name.kind !== "name" || !Object.hasOwn(instanceChecks, name.id)) throw new Decline("isinstance target");
      return instanceChecks[name.id]!;
    });
    const value = this.compile(argNodes[0]!);
    return (scope, env) => {
      const v = value(scope, env);
      return checks.some((check) => check(v));
    };
  }
}

/** Python's arithmetic operators; augmented assignment in scripts uses the same table. */
export const binaryOperations: Record<BinaryOperator, (a: PyValue, b: PyValue) => PyValue> = {
  "+": add,
  "-": subtract,
  "*": multiply,
  "/": divide,
  "//": floorDivideValues,
  "%": modulo,
  "**": power,
};

/** Python 2.7's builtin names: as values (not calls of ours) they need the interpreter. */
const pythonBuiltinNames = new Set(
  (
    "abs all any apply basestring bin bool buffer bytearray bytes callable chr classmethod cmp coerce compile " +
    "complex copyright credits delattr dict dir divmod enumerate eval execfile exit file filter float format " +
    "frozenset getattr globals hasattr hash help hex id input int intern isinstance issubclass iter len license " +
    "list locals long map max memoryview min next object oct open ord pow print property quit range raw_input " +
    "reduce reload repr reversed round set setattr slice sorted staticmethod str sum super tuple type unichr " +
    "unicode vars xrange zip __import__ __debug__ __name__ __builtins__ Ellipsis NotImplemented"
  ).split(" "),
);

/** Names of Python 2.7 builtins and exceptions: as values (not calls of ours) they need the interpreter. */
export function declineBuiltinValue(id: string): void {
  // Bindings never use builtin names, so a builtin name always means the builtin.
  if (pythonBuiltinNames.has(id) || /(?:Error|Exception|Warning|Exit|Interrupt|Iteration)$/.test(id)) {
    throw new Decline(`builtin ${id} used as a value`);
  }
}

export function getAttribute(object: PyValue, name: string, env: FastEnvironment): PyValue {
  const found = getObjectAttribute(object, name, env);
  if (found !== undefined) return found;
  if (object instanceof JavaName && object.javaType === "Type") {
    const dot = object.name.lastIndexOf(".");
    if (name === "name") return object.name.slice(dot + 1);
    if (name === "prefix") return object.name.slice(0, Math.max(dot, 0));
  }
  const methods = builtinMethods(object);
  if (methods && Object.hasOwn(methods, name)) return new BoundMethod(object, name);
  throw attributeError(object, name);
}

/** `x.method` read without calling it; calling it later works like `x.method(...)`. */
class BoundMethod {
  constructor(
    readonly self: PyValue,
    readonly name: string,
  ) {}
}

function compileBoolean(operator: "and" | "or", operands: Evaluator[]): Evaluator {
  const last = operands.length - 1;
  if (operator === "and") {
    return (scope, env) => {
      for (let i = 0; i < last; i++) {
        const value = operands[i]!(scope, env);
        if (!truthy(value)) return value;
      }
      return operands[last]!(scope, env);
    };
  }
  return (scope, env) => {
    for (let i = 0; i < last; i++) {
      const value = operands[i]!(scope, env);
      if (truthy(value)) return value;
    }
    return operands[last]!(scope, env);
  };
}

function isSingleton(node: Node): boolean {
  return node.kind === "constant" && (node.value === null || node.value === true || node.value === false);
}

function comparison(operator: CompareOperator): (a: PyValue, b: PyValue) => boolean {
  switch (operator) {
    case "==":
      return equals;
    case "!=":
      return (a, b) => !equals(a, b);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return (a, b) => ordered(operator, a, b);
    case "in":
      return (a, b) => contains(b, a);
    case "not in":
      return (a, b) => !contains(b, a);
    case "is":
      return identical;
    case "is not":
      return (a, b) => !identical(a, b);
  }
}

/** Identity, only ever asked with None/True/False on one side (see compileCompare). */
function identical(a: PyValue, b: PyValue): boolean {
  if (a === undefined) return b === null || b === undefined;
  if (b === undefined) return a === null;
  return a === b;
}

export function callMethod(receiver: PyValue, name: string, args: PyValue[], env: FastEnvironment): PyValue {
  const methods = builtinMethods(receiver);
  if (methods) {
    const method = Object.hasOwn(methods, name) ? methods[name] : undefined;
    if (!method) throw attributeError(receiver, name);
    return method(receiver, args);
  }
  if (isHostObject(receiver)) return callValue(getAttribute(receiver, name, env), args, env);
  const result = callObjectMethod(receiver, name, args, env);
  if (result !== undefined) return result;
  throw attributeError(receiver, name);
}

export function callValue(callee: PyValue, args: PyValue[], env: FastEnvironment): PyValue {
  if (callee instanceof HostFunction) return callee.call(args, env);
  if (callee instanceof BoundMethod) return callMethod(callee.self, callee.name, args, env);
  throw new PythonException("TypeError", `'${pythonTypeName(callee)}' object is not callable`);
}
