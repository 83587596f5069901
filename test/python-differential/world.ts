import type { Delta, DeltaSpecification } from "../../src/delta/model.js";
import { type HostObject, hostObject } from "../../src/python/host-object.js";
import type { CiValue, ConfigurationItem } from "../../src/repository/model.js";

/**
 * Synthesized bindings for the differential test, as neutral data that both sides build
 * from: `jsBindings` makes the planner's objects, `pythonPrelude` makes equivalent Jython
 * objects (mirror classes with the semantics ci-bridge.ts documents, no type registry: an
 * unknown property is None).
 */
export type WorldValue =
  | { kind: "unicode"; value: string }
  | { kind: "int"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "list"; items: string[] }
  | { kind: "set"; items: string[] }
  | { kind: "map"; entries: Record<string, string> }
  | { kind: "ci"; handle: string }
  | { kind: "ciList"; handles: string[] };

export interface WorldCi {
  handle: string;
  id: string;
  type: string;
  values: Map<string, WorldValue>;
}

export interface World {
  cis: Map<string, WorldCi>;
  macro: Record<string, string>;
}

export interface PropertyKind {
  kind: string;
  enumValue?: string;
}

/** Properties every XL Deploy CI of these kinds has (udm), whatever the corpus declares. */
const standardKinds: Record<string, PropertyKind> = {
  container: { kind: "ci" },
  deployable: { kind: "ci" },
  host: { kind: "ci" },
  environment: { kind: "ci" },
  version: { kind: "ci" },
  application: { kind: "ci" },
  file: { kind: "ci" },
  orchestrator: { kind: "list_of_string" },
  os: { kind: "enum", enumValue: "UNIX" },
  placeholders: { kind: "map_string_string" },
  tags: { kind: "set_of_string" },
};

const roots: Record<string, { id: string; type: string }> = {
  deployed: { id: "Infrastructure/web-1/server-1/petclinic", type: "test.DeployedWar" },
  previousDeployed: { id: "Infrastructure/web-1/server-1/petclinic", type: "test.DeployedWar" },
  deployedApplication: { id: "Environments/Dev/PetClinic", type: "udm.DeployedApplication" },
  previousDeployedApplication: { id: "Environments/Dev/PetClinic", type: "udm.DeployedApplication" },
};

/** Where `specification.x` and `delta.x` lead. */
const aliases: Record<string, string> = {
  "specification.deployedApplication": "deployedApplication",
  "specification.previousDeployedApplication": "previousDeployedApplication",
  "specification.deployedOrPreviousApplication": "deployedApplication",
  "delta.deployed": "deployed",
  "delta.previous": "previousDeployed",
  "delta.deployedOrPrevious": "deployed",
  "context.deployedApplication": "deployedApplication",
};

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Builds the CIs that the expressions' attribute chains reach, with values by the corpus's property kinds. */
export function buildWorld(expressions: readonly string[], kinds: ReadonlyMap<string, PropertyKind>): World {
  const world: World = { cis: new Map(), macro: {} };
  for (const [handle, root] of Object.entries(roots)) {
    world.cis.set(handle, { handle, id: root.id, type: root.type, values: new Map() });
  }
  const chain =
    /\b(deployed|previousDeployed|deployedApplication|previousDeployedApplication|specification|delta|context)((?:\s*\.\s*\w+)+)(\s*\()?/g;
  for (const expression of expressions) {
    for (const match of expression.matchAll(chain)) {
      let names = match[2]!
        .split(".")
        .map((name) => name.trim())
        .filter(Boolean);
      let handle = match[1]!;
      while (names.length > 0 && aliases[`${handle}.${names[0]}`]) {
        handle = aliases[`${handle}.${names[0]}`]!;
        names = names.slice(1);
      }
      if (!world.cis.has(handle)) continue;
      if (match[3]) names = names.slice(0, -1);
      walk(world, handle, names, kinds);
    }
    for (const match of expression.matchAll(/macro\[\s*['"](\w+)['"]\s*\]/g)) {
      world.macro[match[1]!] = `${match[1]}-value`;
    }
  }
  return world;
}

function walk(world: World, handle: string, names: string[], kinds: ReadonlyMap<string, PropertyKind>): void {
  let current = world.cis.get(handle)!;
  names.forEach((name, index) => {
    if (name === "id" || name === "name" || name === "type" || name === "values") return;
    const last = index === names.length - 1;
    const kind = standardKinds[name] ?? kinds.get(name) ?? { kind: "string" };
    const existing = current.values.get(name);
    if (!last || kind.kind === "ci" || kind.kind === "set_of_ci" || kind.kind === "list_of_ci") {
      if (existing?.kind === "ci") {
        current = world.cis.get(existing.handle)!;
        return;
      }
      if (existing !== undefined && !last) return;
      const childHandle = `${current.handle}.${name}`;
      const child: WorldCi = {
        handle: childHandle,
        id: `${current.id}/${name}-${hash(childHandle) % 100}`,
        type: `test.${name[0]!.toUpperCase()}${name.slice(1)}`,
        values: new Map(),
      };
      world.cis.set(childHandle, child);
      current.values.set(
        name,
        kind.kind.endsWith("_of_ci") && last
          ? { kind: "ciList", handles: [childHandle] }
          : { kind: "ci", handle: childHandle },
      );
      current = child;
      return;
    }
    if (existing !== undefined) return;
    const value = leafValue(`${current.handle}.${name}`, name, kind);
    if (value) current.values.set(name, value);
  });
}

/** A plausible value by kind; about one property in eight stays unset (None). */
function leafValue(path: string, name: string, kind: PropertyKind): WorldValue | undefined {
  const h = hash(path);
  if (h % 8 === 0) return undefined;
  switch (kind.kind) {
    case "integer":
      return { kind: "int", value: (h % 100) + 1 };
    case "boolean":
      return { kind: "bool", value: h % 2 === 0 };
    case "enum":
      return { kind: "unicode", value: kind.enumValue ?? "DEFAULT" };
    case "set_of_string":
      return { kind: "set", items: [`${name}-a`, `${name}-b`] };
    case "list_of_string":
      return { kind: "list", items: [`${name}-1`, `${name}-2`] };
    case "map_string_string":
      return { kind: "map", entries: { [`${name}Key`]: `${name}-v` } };
    default:
      return { kind: "unicode", value: `${name}-${h % 1000}` };
  }
}

/** The planner-side bindings: ConfigurationItems, a Delta, a DeltaSpecification and host objects. */
export function jsBindings(world: World): Record<string, unknown> {
  const built = new Map<string, ConfigurationItem>();
  for (const ci of world.cis.values()) {
    built.set(ci.handle, { id: ci.id, name: ci.id.slice(ci.id.lastIndexOf("/") + 1), type: ci.type, values: {} });
  }
  for (const ci of world.cis.values()) {
    const target = built.get(ci.handle)!;
    for (const [name, value] of ci.values) target.values[name] = jsValue(value, built);
  }
  const deployed = built.get("deployed")!;
  const previous = built.get("previousDeployed")!;
  const delta: Delta = {
    id: deployed.id,
    operation: "MODIFY",
    deployed,
    previous,
    deployedOrPrevious: deployed,
    changedProperties: [],
  };
  const specification: DeltaSpecification = {
    operation: "MODIFY",
    deployedApplication: built.get("deployedApplication")!,
    previousDeployedApplication: built.get("previousDeployedApplication")!,
    deployedOrPreviousApplication: built.get("deployedApplication")!,
    deltas: [delta],
    rollback: false,
  };
  const context: HostObject = {
    [hostObject]: true,
    pyTypeName: "DeploymentPlanningContext",
    pyGetAttr(name: string): unknown {
      if (name === "getAttribute") return (_key: unknown) => null;
      if (name === "isRollback") return () => false;
      if (name === "deployedApplication") return built.get("deployedApplication");
      return undefined;
    },
  };
  const deltas: HostObject = {
    [hostObject]: true,
    pyTypeName: "Deltas",
    pyGetAttr: (name: string) => (name === "deltas" ? [delta] : undefined),
  };
  return {
    deployed,
    previousDeployed: previous,
    deployedApplication: built.get("deployedApplication"),
    previousDeployedApplication: built.get("previousDeployedApplication"),
    delta,
    deltas,
    specification,
    context,
    macro: { ...world.macro },
  };
}

function jsValue(value: WorldValue, built: Map<string, ConfigurationItem>): CiValue {
  switch (value.kind) {
    case "unicode":
    case "int":
    case "bool":
      return value.value;
    case "list":
      return [...value.items];
    case "set":
      // Without a type registry the bridge cannot know a string array is a set, so sets
      // are given as JS Sets (fromHost makes them Python sets).
      return new Set(value.items) as unknown as CiValue;
    case "map":
      return { ...value.entries };
    case "ci":
      return built.get(value.handle)!;
    case "ciList":
      return value.handles.map((handle) => built.get(handle)!);
  }
}

function py(text: string): string {
  return `u${JSON.stringify(text)}`;
}

function pyValue(value: WorldValue): string {
  switch (value.kind) {
    case "unicode":
      return py(value.value);
    case "int":
      return String(value.value);
    case "bool":
      return value.value ? "True" : "False";
    case "list":
      return `[${value.items.map(py).join(", ")}]`;
    case "set":
      return `set([${value.items.map(py).join(", ")}])`;
    case "map":
      return `{${Object.entries(value.entries)
        .map(([k, v]) => `${py(k)}: ${py(v)}`)
        .join(", ")}}`;
    case "ci":
      return `cis[${py(value.handle)}]`;
    case "ciList":
      return `[${value.handles.map((handle) => `cis[${py(handle)}]`).join(", ")}]`;
  }
}

/** Jython 2.7 source defining the mirror classes and `bindings`, a dict equal in meaning to `jsBindings`. */
export function pythonPrelude(world: World): string {
  const lines = [mirrorClasses, "cis = {}"];
  for (const ci of world.cis.values()) lines.push(`cis[${py(ci.handle)}] = CI(${py(ci.id)}, ${py(ci.type)})`);
  for (const ci of world.cis.values()) {
    for (const [name, value] of ci.values) lines.push(`cis[${py(ci.handle)}]._values[${py(name)}] = ${pyValue(value)}`);
  }
  lines.push(
    `_delta = Delta(Operation("MODIFY"), cis[u"deployed"], cis[u"previousDeployed"])`,
    `bindings = {`,
    `  "deployed": cis[u"deployed"], "previousDeployed": cis[u"previousDeployed"],`,
    `  "deployedApplication": cis[u"deployedApplication"], "previousDeployedApplication": cis[u"previousDeployedApplication"],`,
    `  "delta": _delta, "deltas": Deltas([_delta]),`,
    `  "specification": DeltaSpecification(Operation("MODIFY"), cis[u"deployedApplication"], cis[u"previousDeployedApplication"], [_delta]),`,
    `  "context": DeploymentPlanningContext(cis[u"deployedApplication"]),`,
    `  "macro": {${Object.entries(world.macro)
      .map(([k, v]) => `${py(k)}: ${py(v)}`)
      .join(", ")}},`,
    `}`,
  );
  return lines.join("\n");
}

const mirrorClasses = `
class JavaName(object):
    def __init__(self, name):
        self._name = name
    def __eq__(self, other):
        if isinstance(other, basestring):
            return self._name == other
        return type(other) is type(self) and other._name == self._name
    def __ne__(self, other):
        return not self.__eq__(other)
    def __hash__(self):
        return hash(self._name)
    def __str__(self):
        return str(self._name)
    def __repr__(self):
        return str(self._name)
    def toString(self):
        return self._name

class Type(JavaName):
    def instanceOf(self, other):
        return self == other
    @property
    def name(self):
        return self._name[self._name.rfind(".") + 1:]
    @property
    def prefix(self):
        return self._name[:max(self._name.rfind("."), 0)]

class Operation(JavaName):
    pass

class CI(object):
    def __init__(self, id, type):
        self.__dict__["id"] = id
        self.__dict__["name"] = id[id.rfind("/") + 1:]
        self.__dict__["type"] = Type(type)
        self.__dict__["_values"] = {}
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self._values.get(name)
    @property
    def values(self):
        return dict(self._values)
    def __getitem__(self, key):
        if not isinstance(key, basestring):
            raise TypeError("CI property names are strings")
        if key in ("id", "name", "type"):
            return self.__dict__[key]
        return self._values.get(key)
    def getProperty(self, name):
        return getattr(self, name)
    def hasProperty(self, name):
        return name in self._values
    def getId(self):
        return self.id
    def getName(self):
        return self.name
    def getType(self):
        return self.type
    def __eq__(self, other):
        return isinstance(other, CI) and other.id == self.id and other.type == self.type
    def __ne__(self, other):
        return not self.__eq__(other)
    def __hash__(self):
        return hash(self.id)
    def __str__(self):
        return str(self.id)
    def __repr__(self):
        return str(self.id)

class Delta(object):
    def __init__(self, operation, deployed, previous):
        self.operation = operation
        self.deployed = deployed
        self.previous = previous
        self.deployedOrPrevious = deployed or previous
        self.changedProperties = []
    def getOperation(self): return self.operation
    def getDeployed(self): return self.deployed
    def getPrevious(self): return self.previous
    def getDeployedOrPrevious(self): return self.deployedOrPrevious
    def __repr__(self):
        return "Delta(%s %s)" % (self.operation, self.deployedOrPrevious.id)

class DeltaSpecification(object):
    def __init__(self, operation, deployedApplication, previousDeployedApplication, deltas):
        self.operation = operation
        self.deployedApplication = deployedApplication
        self.previousDeployedApplication = previousDeployedApplication
        self.deployedOrPreviousApplication = deployedApplication or previousDeployedApplication
        self.deltas = deltas
        self.rollback = False
    def getDeltas(self): return self.deltas
    def getOperation(self): return self.operation
    def getDeployedApplication(self): return self.deployedApplication
    def getPreviousDeployedApplication(self): return self.previousDeployedApplication
    def getDeployedOrPreviousApplication(self): return self.deployedOrPreviousApplication
    def isRollback(self): return self.rollback
    def __repr__(self):
        return "DeltaSpecification(%s)" % self.operation

class DeploymentPlanningContext(object):
    def __init__(self, deployedApplication):
        self.deployedApplication = deployedApplication
    def getAttribute(self, key):
        return None
    def isRollback(self):
        return False
    def __repr__(self):
        return "<DeploymentPlanningContext object>"

class Deltas(object):
    def __init__(self, deltas):
        self.deltas = deltas
    def __repr__(self):
        return "<Deltas object>"
`;
