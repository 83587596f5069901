import type { Delta, DeltaSpecification } from "../../delta/model.js";
import { type CiValue, type ConfigurationItem, isConfigurationItem } from "../../repository/model.js";
import type { PropertyDescriptor, TypeRegistry } from "../../types/model.js";
import { unsetPropertyValue } from "../../types/unset-property-value.js";
import { type HostObject, hostObject, isHostObject, PyKeywords } from "../host-object.js";
import {
  isDelta,
  isDeltaSpecification,
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
import { getItem, intResult } from "./operations.js";
import { PythonException } from "./python-exception.js";
import { isText, textOf } from "./text.js";

/**
 * How the planner's objects look to Python (DESIGN §4 "Bridge"), shared by the fast path
 * and — through `fromHost`/`toHost` and the attribute rules below — by the interpreter,
 * which should give Python code the same view:
 *
 * - A CI exposes `id`, `name` (unicode), `type` (a JavaName equal to the type name, with
 *   `instanceOf`), `values` (a dict of its properties), and each property as an attribute and
 *   as `ci["prop"]`. Property values by kind: string/enum/date → unicode, integer → int,
 *   boolean → bool, ci → the CI, set_of_* → set, list_of_* → list, map_string_string → dict.
 *   An unset property is its declared default, else None. A name the CI's type does not
 *   declare is an AttributeError (KeyError for `ci["x"]`) when the registry knows the type,
 *   else None. Java-style getters work too: `getProperty("x")`, `getId()`, `getName()`,
 *   `getType()`, `hasProperty("x")`, and `getX()`/`isX()` for a property `x`.
 * - A Delta exposes `operation` (a JavaName equal to CREATE/MODIFY/DESTROY/NOOP), `deployed`,
 *   `previous`, `deployedOrPrevious`, `changedProperties`; a DeltaSpecification `operation`,
 *   `deployedApplication`, `previousDeployedApplication`, `deployedOrPreviousApplication`,
 *   `deltas`, `rollback` — each also through its Java getter (`getDeployed()`, `isRollback()`).
 * - A HostObject answers attributes through `pyGetAttr`.
 */
export interface PythonEnvironment {
  /** For property kinds, defaults and `ci.type.instanceOf`. */
  readonly types?: TypeRegistry;
}

/** Python's AttributeError for `object.name`, worded as Jython words it. */
export function attributeError(object: PyValue, name: string): PythonException {
  return new PythonException("AttributeError", `'${pythonTypeName(object)}' object has no attribute '${name}'`);
}

/** `object.name` for CIs, deltas, Java names and host objects; undefined when `object` is none of them. */
export function getObjectAttribute(object: PyValue, name: string, env: PythonEnvironment): PyValue | undefined {
  if (isConfigurationItem(object)) return ciAttribute(object, name, env, "attribute");
  if (isHostObject(object)) {
    const value = object.pyGetAttr(name);
    if (value === undefined) throw attributeError(object, name);
    return typeof value === "function" ? hostFunction(value as (...args: unknown[]) => unknown) : fromHost(value, env);
  }
  if (isDelta(object)) return deltaAttribute(object, name, env);
  if (isDeltaSpecification(object)) return specificationAttribute(object, name, env);
  return undefined;
}

/**
 * A host function as a Python callable: arguments go out as host values, the result comes
 * back converted. Keyword arguments (already host values) arrive as one trailing PyKeywords,
 * as host-object.ts describes and the interpreter's bridge does.
 */
export class HostFunction {
  constructor(
    readonly call: (args: PyValue[], env: PythonEnvironment, keywords?: Record<string, unknown>) => PyValue,
  ) {}
}

function hostFunction(fn: (...args: unknown[]) => unknown): HostFunction {
  return new HostFunction((args, env, keywords) => {
    const converted = args.map(toHost);
    if (keywords) converted.push(new PyKeywords(keywords));
    return fromHost(fn(...converted), env);
  });
}

/**
 * `ci.name = value`, `ci["name"] = value`, `ci.values["name"] = value` from Python: stored as
 * the repository stores values (CiValue); None removes the value. Both paths use this.
 */
export function setCiProperty(ci: ConfigurationItem, name: string, value: PyValue): void {
  const plain = toHost(value);
  let stored: unknown = plain;
  if (plain instanceof Map) {
    const record: Record<string, string> = {};
    for (const [key, item] of plain) record[String(key)] = String(item);
    stored = record;
  } else if (plain instanceof Set) stored = [...plain];
  const values = ci.values as Record<string, unknown>;
  if (stored === null) delete values[name];
  else values[name] = stored;
}

function ciAttribute(
  ci: ConfigurationItem,
  name: string,
  env: PythonEnvironment,
  access: "attribute" | "item",
): PyValue {
  switch (name) {
    case "id":
      return ci.id;
    case "name":
      return ci.name;
    case "type":
      return new JavaName("Type", ci.type, env.types);
    case "values":
      if (access === "attribute") return ciValues(ci, env);
      break;
    case "file": {
      const file = ci.values.file === undefined ? artifactFile(ci) : undefined;
      if (file) return file;
    }
  }
  return ciProperty(ci, name, env, access);
}

const artifactFiles = new WeakMap<ConfigurationItem, HostObject>();

/**
 * `artifact.file` (XL Deploy's OverthereFile of an artifact's content, the manual's
 * `"Copy file " + deployed.file.name`): `name` is the file name, `path` where the content is,
 * also as `getName()`/`getPath()`. For an artifact CI or a deployed of one; undefined for
 * other CIs. The interpreter's bridge gives scripts the same object.
 */
export function artifactFile(ci: ConfigurationItem): HostObject | undefined {
  const known = artifactFiles.get(ci);
  if (known) return known;
  const deployable = ci.values.deployable;
  const artifact = ci.artifact ?? (isConfigurationItem(deployable) ? deployable.artifact : undefined);
  if (!artifact) return undefined;
  const path = artifact.path;
  const name =
    path
      .split(/[\\/]/)
      .filter((part) => part !== "")
      .at(-1) ?? ci.name;
  const file: HostObject = {
    [hostObject]: true,
    pyTypeName: "OverthereFile",
    pyGetAttr(attribute) {
      switch (attribute) {
        case "name":
          return name;
        case "path":
          return path;
        case "getName":
          return () => name;
        case "getPath":
          return () => path;
        default:
          return undefined;
      }
    },
  };
  artifactFiles.set(ci, file);
  return file;
}

function ciProperty(
  ci: ConfigurationItem,
  name: string,
  env: PythonEnvironment,
  access: "attribute" | "item",
): PyValue {
  const value = ci.values[name];
  if (value !== undefined) {
    // Only an array needs the descriptor (set or list); everything else converts by its JS shape.
    if (Array.isArray(value)) return ciValue(value, env.types?.property(ci.type, name), env);
    if (typeof value === "string" || typeof value === "boolean" || isConfigurationItem(value)) return value;
    return fromHost(value, env);
  }
  const descriptor = env.types?.property(ci.type, name);
  if (descriptor) {
    const unset = unsetPropertyValue(descriptor);
    return unset === undefined ? null : ciValue(unset as CiValue, descriptor, env);
  }
  if (env.types?.has(ci.type)) {
    if (access === "item") throw new PythonException("KeyError", `'${name}'`, [new PyStr(name)]);
    throw new PythonException("AttributeError", `'${ci.type}' object has no attribute '${name}'`);
  }
  return null;
}

function ciValue(value: CiValue, descriptor: PropertyDescriptor | undefined, env: PythonEnvironment): PyValue {
  if (Array.isArray(value)) {
    const kind = descriptor?.kind;
    if (kind === "set_of_ci" || kind === "set_of_string") return new PySet(value);
    return value;
  }
  return fromHost(value, env);
}

function ciValues(ci: ConfigurationItem, env: PythonEnvironment): PyDict {
  const dict = new PyDict();
  const declared = env.types?.has(ci.type) ? env.types.properties(ci.type) : [];
  for (const descriptor of declared) dict.set(descriptor.name, ciProperty(ci, descriptor.name, env, "item"));
  for (const [key, value] of Object.entries(ci.values)) {
    if (!dict.has(key)) dict.set(key, ciValue(value, undefined, env));
  }
  return dict;
}

function deltaAttribute(delta: Delta, name: string, env: PythonEnvironment): PyValue {
  switch (name) {
    case "operation":
      return new JavaName("Operation", delta.operation);
    case "deployed":
      return delta.deployed ?? null;
    case "previous":
      return delta.previous ?? null;
    case "deployedOrPrevious":
      return delta.deployedOrPrevious;
    case "changedProperties":
      return fromHost(delta.changedProperties, env);
  }
  throw attributeError(delta, name);
}

function specificationAttribute(specification: DeltaSpecification, name: string, env: PythonEnvironment): PyValue {
  switch (name) {
    case "operation":
      return new JavaName("Operation", specification.operation);
    case "deployedApplication":
      return specification.deployedApplication;
    case "previousDeployedApplication":
      return specification.previousDeployedApplication ?? null;
    case "deployedOrPreviousApplication":
      return specification.deployedOrPreviousApplication;
    case "deltas":
      return specification.deltas;
    case "rollback":
      return specification.rollback;
  }
  void env;
  throw attributeError(specification, name);
}

/**
 * `object.method(args)` for CIs, deltas and Java names (Java methods as Jython exposes
 * them); undefined when `object` is none of them. Host objects are called through their
 * attribute.
 */
export function callObjectMethod(
  object: PyValue,
  name: string,
  args: PyValue[],
  env: PythonEnvironment,
): PyValue | undefined {
  if (object instanceof JavaName) {
    if (name === "instanceOf" && object.javaType === "Type") {
      expectArguments(name, args, 1);
      const ancestor = args[0] instanceof JavaName ? args[0].name : isText(args[0]) ? textOf(args[0]) : undefined;
      if (ancestor === undefined)
        throw new PythonException("TypeError", "instanceOf(): expected a Type or a type name");
      return object.types ? object.types.isSubtypeOf(object.name, ancestor) : object.name === ancestor;
    }
    if (name === "toString" || name === "name") {
      expectArguments(name, args, 0);
      return object.name;
    }
    throw attributeError(object, name);
  }
  if (isConfigurationItem(object)) {
    if (name === "getProperty" || name === "hasProperty") {
      expectArguments(name, args, 1);
      if (!isText(args[0])) throw new PythonException("TypeError", `${name}(): expected a property name`);
      const property = textOf(args[0]);
      if (name === "hasProperty") {
        // As the interpreter's bridge answers it: a value, or a declared property of a known type.
        if (Object.hasOwn(object.values, property) || !env.types?.has(object.type)) return true;
        return env.types.property(object.type, property) !== undefined;
      }
      return ciAttribute(object, property, env, "attribute");
    }
    const getter = beanProperty(name);
    if (getter === undefined) throw attributeError(object, name);
    expectArguments(name, args, 0);
    return ciAttribute(object, getter, env, "attribute");
  }
  if (isDelta(object) || isDeltaSpecification(object)) {
    const getter = beanProperty(name);
    if (getter === undefined) throw attributeError(object, name);
    expectArguments(name, args, 0);
    return getObjectAttribute(object, getter, env);
  }
  return undefined;
}

/** `getFooBar` → `fooBar`, `isRollback` → `rollback`. */
function beanProperty(method: string): string | undefined {
  const match = /^(?:get|is)([A-Z].*)$/.exec(method);
  if (!match) return undefined;
  const rest = match[1]!;
  return rest[0]!.toLowerCase() + rest.slice(1);
}

function expectArguments(name: string, args: PyValue[], count: number): void {
  if (args.length !== count) {
    throw new PythonException("TypeError", `${name}(): expected ${count} args; got ${args.length}`);
  }
}

/** `object[key]` including CIs (`ci["prop"]`) and host objects with `__getitem__`. */
export function getItemOf(object: PyValue, key: PyValue, env: PythonEnvironment = {}): PyValue {
  if (isConfigurationItem(object)) {
    if (!isText(key)) throw new PythonException("TypeError", "CI property names are strings");
    return ciAttribute(object, textOf(key), env, "item");
  }
  if (isHostObject(object)) {
    const getter = object.pyGetAttr("__getitem__");
    if (typeof getter !== "function")
      throw new PythonException("TypeError", `'${object.pyTypeName}' object is not subscriptable`);
    return fromHost((getter as (key: unknown) => unknown)(toHost(key)), env);
  }
  return getItem(object, key);
}

/**
 * A binding or host value as a Python value (api.ts "Binding values"): plain objects and
 * Maps become dicts, Sets sets, non-integral numbers floats; CIs, deltas and host objects
 * stay themselves. Arrays are copied only when an element needs converting.
 */
export function fromHost(value: unknown, env: PythonEnvironment): PyValue {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isInteger(value) ? intResult(value) : new PyFloat(value);
    case "bigint":
      return intResult(value);
    case "undefined":
      return null;
    case "function":
      return hostFunction(value as (...args: unknown[]) => unknown);
  }
  if (value === null) return null;
  if (isConfigurationItem(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element = value[i];
      if (fromHost(element, env) !== element) return value.map((item) => fromHost(item, env));
    }
    return value;
  }
  if (value instanceof Map) {
    const dict = new PyDict();
    for (const [key, item] of value) dict.set(fromHost(key, env), fromHost(item, env));
    return dict;
  }
  if (value instanceof Set) return new PySet([...value].map((item) => fromHost(item, env)));
  if (isHostObject(value)) return value;
  const prototype = Object.getPrototypeOf(value);
  if (
    (prototype === Object.prototype || prototype === null) &&
    !isConfigurationItem(value) &&
    !isDelta(value) &&
    !isDeltaSpecification(value)
  ) {
    const dict = new PyDict();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) dict.set(key, fromHost(item, env));
    return dict;
  }
  return value;
}

/** A Python value as the planner sees it (api.ts "Values coming back"). */
export function toHost(value: PyValue): unknown {
  if (value === undefined) return null;
  if (value instanceof PyStr) return value.value;
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyLong) return Number(value.value);
  if (value instanceof JavaName) return value.name;
  if (Array.isArray(value)) return value.map(toHost);
  if (value instanceof PyTuple) return value.items.map(toHost);
  if (value instanceof PySet) return new Set(value.values().map(toHost));
  if (value instanceof PyDict) return new Map(value.items().map(([key, item]) => [toHost(key), toHost(item)]));
  return value;
}

export type { HostObject };
