import type { Delta, DeltaSpecification } from "../../delta/model.js";
import type { ConfigurationItem } from "../../repository/model.js";
import { isConfigurationItem } from "../../repository/model.js";
import type { TypeRegistry } from "../../types/model.js";
import { isHostObject } from "../host-object.js";
import { PythonException } from "./python-exception.js";

/**
 * How Python 2.7 values (as Jython 2.7 has them) are represented in JS. Chosen so that the
 * commonest values — CI properties, ids, names, small ints, booleans — are plain JS values
 * and evaluating `'%s on %s' % (deployed.name, deployed.container.name)` allocates nothing
 * but the result.
 *
 * | Python            | JS                                                                    |
 * | ----------------- | --------------------------------------------------------------------- |
 * | None              | null (undefined is read as None too)                                  |
 * | bool              | boolean                                                               |
 * | int (32-bit, as Jython's PyInteger) | number, always an integer in [-2^31, 2^31-1]        |
 * | long              | PyLong (bigint); int results that overflow 32 bits become long        |
 * | float             | PyFloat                                                               |
 * | unicode           | string — Java Strings (CI properties, ids, names) are unicode in Jython |
 * | str (byte string) | PyStr — literals without `u`, and results of str(), `'a' + 'b'`, ...   |
 * | list              | Array                                                                 |
 * | tuple             | PyTuple                                                               |
 * | dict              | PyDict (insertion order; Jython's own order is hash order, so tests compare dicts by value) |
 * | set               | PySet                                                                 |
 * | CI                | the ConfigurationItem itself (see ci-bridge.ts)                       |
 * | ci.type, delta.operation | JavaName: equal to its name string, hashes like it, repr is the bare name |
 * | Delta, DeltaSpecification, HostObject | themselves, recognised by shape                   |
 */
export type PyValue = unknown;

export class PyStr {
  constructor(readonly value: string) {}
}

export class PyFloat {
  constructor(readonly value: number) {}
}

export class PyLong {
  constructor(readonly value: bigint) {}
}

export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/**
 * A Java object that XL Deploy scripts compare with strings: `ci.type` (a
 * `com.xebialabs.deployit.plugin.api.reflect.Type`) and `delta.operation` (the `Operation`
 * enum). Equal to its name as str or unicode and hashing like it (DESIGN §4).
 */
export class JavaName {
  constructor(
    readonly javaType: "Type" | "Operation",
    readonly name: string,
    /** For `Type.instanceOf`; absent when no registry is known. */
    readonly types?: TypeRegistry,
  ) {}
}

/** A Python dict. Keys are normalised so that 1 == 1L == 1.0 == True and 'a' == u'a' hit the same entry. */
export class PyDict {
  private readonly entries = new Map<unknown, [PyValue, PyValue]>();

  get size(): number {
    return this.entries.size;
  }

  get(key: PyValue): PyValue | undefined {
    return this.entries.get(hashKey(key))?.[1];
  }

  has(key: PyValue): boolean {
    return this.entries.has(hashKey(key));
  }

  set(key: PyValue, value: PyValue): void {
    const normalised = hashKey(key);
    const existing = this.entries.get(normalised);
    if (existing) existing[1] = value;
    else this.entries.set(normalised, [key, value]);
  }

  delete(key: PyValue): void {
    this.entries.delete(hashKey(key));
  }

  keys(): PyValue[] {
    return [...this.entries.values()].map((entry) => entry[0]);
  }

  values(): PyValue[] {
    return [...this.entries.values()].map((entry) => entry[1]);
  }

  items(): [PyValue, PyValue][] {
    return [...this.entries.values()];
  }
}

/** A Python set, with dict's key normalisation. */
export class PySet {
  private readonly members = new Map<unknown, PyValue>();

  constructor(values: Iterable<PyValue> = []) {
    for (const value of values) this.add(value);
  }

  get size(): number {
    return this.members.size;
  }

  add(value: PyValue): void {
    const key = hashKey(value);
    if (!this.members.has(key)) this.members.set(key, value);
  }

  has(value: PyValue): boolean {
    return this.members.has(hashKey(value));
  }

  values(): PyValue[] {
    return [...this.members.values()];
  }

  delete(value: PyValue): void {
    this.members.delete(hashKey(value));
  }
}

/**
 * java.util.HashSet in a Jython script: a set with Java's methods (add returns whether it
 * added), printed as `[a, b]`. A str put in it comes back as unicode (a java.lang.String).
 */
export class JavaHashSet extends PySet {
  override add(value: PyValue): void {
    super.add(value instanceof PyStr ? value.value : value);
  }
}

/** java.util.HashMap in a Jython script: a dict with Java's methods; str keys and values come back as unicode. */
export class JavaHashMap extends PyDict {
  override set(key: PyValue, value: PyValue): void {
    super.set(key instanceof PyStr ? key.value : key, value instanceof PyStr ? value.value : value);
  }
}

/**
 * The JS Map key for a hashable Python value; throws TypeError for unhashable ones
 * (list, dict, set), as Python does.
 */
function hashKey(value: PyValue): unknown {
  if (typeof value === "string") return value;
  if (value instanceof PyStr) return value.value;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === null || value === undefined) return null;
  if (value instanceof PyLong) {
    const asNumber = Number(value.value);
    return Number.isSafeInteger(asNumber) ? asNumber : `long:${value.value}`;
  }
  if (value instanceof PyFloat) return value.value;
  if (value instanceof JavaName) return value.name;
  if (value instanceof PyTuple) return `tuple:${value.items.map((item) => keyText(hashKey(item))).join(",")}`;
  if (Array.isArray(value) || value instanceof PyDict || value instanceof PySet) {
    throw new PythonException("TypeError", `unhashable type: '${pythonTypeName(value)}'`);
  }
  return value;
}

function keyText(key: unknown): string {
  return typeof key === "string" ? JSON.stringify(key) : String(key);
}

export function isDelta(value: unknown): value is Delta {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { operation?: unknown }).operation === "string" &&
    Array.isArray((value as { changedProperties?: unknown }).changedProperties) &&
    typeof (value as { deployedOrPrevious?: unknown }).deployedOrPrevious === "object"
  );
}

export function isDeltaSpecification(value: unknown): value is DeltaSpecification {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as { deltas?: unknown }).deltas) &&
    typeof (value as { deployedOrPreviousApplication?: unknown }).deployedOrPreviousApplication === "object"
  );
}

/** Python's `type(x).__name__` as Jython 2.7 shows it for the values the fast path handles. */
export function pythonTypeName(value: PyValue): string {
  if (value === null || value === undefined) return "NoneType";
  switch (typeof value) {
    case "string":
      return "unicode";
    case "boolean":
      return "bool";
    case "number":
      return "int";
    case "function":
      return "instancemethod";
  }
  if (value instanceof PyStr) return "str";
  if (value instanceof PyFloat) return "float";
  if (value instanceof PyLong) return "long";
  if (Array.isArray(value)) return "list";
  if (value instanceof PyTuple) return "tuple";
  if (value instanceof JavaHashMap) return "HashMap";
  if (value instanceof PyDict) return "dict";
  if (value instanceof JavaHashSet) return "HashSet";
  if (value instanceof PySet) return "set";
  if (value instanceof JavaName) return value.javaType;
  // Jython's messages name exception types by their full name.
  if (value instanceof PythonException) return `exceptions.${value.pythonType}`;
  if (isHostObject(value)) return value.pyTypeName;
  if (isConfigurationItem(value)) return (value as ConfigurationItem).type;
  if (isDelta(value)) return "Delta";
  if (isDeltaSpecification(value)) return "DeltaSpecification";
  // Values of the fast path's own (a script's functions) name their type.
  const named = (value as { pythonTypeName?: unknown } | null)?.pythonTypeName;
  if (typeof named === "string") return named;
  return "object";
}
