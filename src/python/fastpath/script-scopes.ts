import type { Node } from "./parser.js";
import type { FunctionDefinition, Statement } from "./statement-parser.js";
import { Decline } from "./tokenizer.js";

/**
 * Which names a script's statements bind, and where (Python 2's rules): a function's locals
 * are its parameters and every name bound anywhere in its body, less those it declares
 * `global`; a list comprehension binds its variables in the enclosing scope.
 */

/** The names of one function body: which are its locals, which `global` sends to the module. */
export interface FunctionScope {
  locals: Set<string>;
  globals: Set<string>;
}

export function containsTry(statements: Statement[]): boolean {
  let found = false;
  walk(statements, (statement) => {
    if (statement.kind === "try") found = true;
  });
  return found;
}

/**
 * A function's locals as Python decides them: parameters and every name bound anywhere in
 * its body, less those declared `global`.
 */
export function functionScope(definition: FunctionDefinition): FunctionScope {
  const globals = new Set<string>();
  walk(definition.body, (statement) => {
    if (statement.kind === "global") for (const name of statement.names) globals.add(name);
  });
  const locals = new Set<string>();
  collectAssignedNames(definition.body, locals);
  const parameters = [...definition.parameters, definition.varargs, definition.kwargs].filter(
    (name): name is string => name !== undefined,
  );
  for (const name of parameters) {
    if (globals.has(name)) throw new Decline("parameter declared global");
    locals.add(name);
  }
  for (const name of globals) locals.delete(name);
  return { locals, globals };
}

/** Names bound by the statements (not inside function bodies): targets, `def` names, except names, comprehension variables. */
export function collectAssignedNames(statements: Statement[], names: Set<string>): void {
  walk(statements, (statement) => {
    switch (statement.kind) {
      case "assign":
        for (const target of statement.targets) addTargetNames(target, names);
        break;
      case "augmented":
        addTargetNames(statement.target, names);
        break;
      case "for":
        addTargetNames(statement.target, names);
        break;
      case "try":
        for (const handler of statement.handlers) if (handler.name !== undefined) names.add(handler.name);
        break;
      case "del":
        // `del x` makes x a local of its function, as an assignment does.
        for (const target of statement.targets) addTargetNames(target, names);
        break;
      case "def":
        // A nested `def` binds its name in the enclosing function (a closure reads it there).
        names.add(statement.function.name);
        break;
    }
    for (const node of expressionsOf(statement)) addComprehensionTargets(node, names);
  });
}

function addTargetNames(node: Node, names: Set<string>): void {
  if (node.kind === "name") names.add(node.id);
  else if (node.kind === "tuple" || node.kind === "list") for (const item of node.items) addTargetNames(item, names);
}

/** Python 2 binds a list comprehension's variables in the enclosing scope (a lambda's body is its own). */
export function addComprehensionTargets(node: Node, names: Set<string>): void {
  if (node.kind === "listcomp") addTargetNames(node.target, names);
  if (node.kind === "lambda") {
    for (const value of node.defaults) addComprehensionTargets(value, names);
    return;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (isNode(item)) addComprehensionTargets(item, names);
        else if (isNode(item?.value)) addComprehensionTargets(item.value, names);
      }
    } else if (isNode(value)) addComprehensionTargets(value, names);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";
}

/** The expressions a statement evaluates in its own scope (a `def`'s defaults, not its body). */
function expressionsOf(statement: Statement): Node[] {
  switch (statement.kind) {
    case "expression":
      return [statement.value];
    case "assign":
      return [...statement.targets, statement.value];
    case "augmented":
      return [statement.target, statement.value];
    case "if":
      return statement.branches.map((branch) => branch.test);
    case "for":
      return [statement.target, statement.iterable];
    case "while":
      return [statement.test];
    case "print":
      return statement.values;
    case "raise":
      return [statement.exception, statement.value].filter((node): node is Node => node !== undefined);
    case "return":
      return statement.value ? [statement.value] : [];
    case "try":
      return statement.handlers.flatMap((handler) => (handler.types ? [handler.types] : []));
    case "def":
      return statement.function.defaults;
    case "assert":
      return [statement.test, statement.message].filter((node): node is Node => node !== undefined);
    case "del":
      return statement.targets;
    default:
      return [];
  }
}

/** Every statement, nested blocks included, function bodies not. */
export function walk(statements: Statement[], visit: (statement: Statement) => void): void {
  for (const statement of statements) {
    visit(statement);
    switch (statement.kind) {
      case "for":
      case "while":
        walk(statement.body, visit);
        if (statement.otherwise) walk(statement.otherwise, visit);
        break;
      case "if":
        for (const branch of statement.branches) walk(branch.body, visit);
        if (statement.otherwise) walk(statement.otherwise, visit);
        break;
      case "try":
        walk(statement.body, visit);
        for (const handler of statement.handlers) walk(handler.body, visit);
        if (statement.otherwise) walk(statement.otherwise, visit);
        if (statement.final) walk(statement.final, visit);
        break;
    }
  }
}

/** Every `def` in the statements, nested ones (in function bodies) included. */
export function walkDefinitions(statements: Statement[], visit: (definition: FunctionDefinition) => void): void {
  walk(statements, (statement) => {
    if (statement.kind !== "def") return;
    visit(statement.function);
    walkDefinitions(statement.function.body, visit);
  });
}

/** Every call expression in the statements, function bodies and nested expressions included. */
export function walkCalls(statements: Statement[], visit: (node: Node & { kind: "call" }) => void): void {
  const visitNode = (node: Node) => {
    if (node.kind === "call") visit(node);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const item of value) {
          if (isNode(item)) visitNode(item);
          else if (isNode(item?.value)) visitNode(item.value);
        }
      } else if (isNode(value)) visitNode(value);
    }
  };
  walk(statements, (statement) => {
    for (const node of expressionsOf(statement)) visitNode(node);
    if (statement.kind === "def") walkCalls(statement.function.body, visit);
  });
}
