import type { Delta, DeltaSpecification } from "../../src/delta/model.js";
import { type HostObject, hostObject, PyKeywords } from "../../src/python/host-object.js";
import { PythonCheckpoint } from "../../src/python/interpreter/host-values.js";
import type { ConfigurationItem } from "../../src/repository/model.js";
import { loadTypes } from "../../src/types/load-types.js";
import type { TypeRegistry } from "../../src/types/model.js";

/**
 * Bindings for testing planning scripts (unit tests of the fast path and its differential
 * test against Pyodide): CIs, a delta, a specification, and `steps`/`context`/`logger` host
 * objects that record every call as plain data, so two runs can be compared.
 */
export interface ScriptWorld {
  bindings: Record<string, unknown>;
  /** Every host call, in order, with its arguments as plain data. */
  calls: unknown[];
  cis: ConfigurationItem[];
}

export const scriptTypes: TypeRegistry = loadTypes([]).registry;

/** A made step: a host object that is itself (as the planner's ScriptStep is). */
class RecordedStep implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName = "Step";
  constructor(readonly record: unknown) {}
  pyGetAttr(name: string): unknown {
    if (name === "getDescription") return () => (this.record as { description?: unknown }).description ?? null;
    return undefined;
  }
}

function recorder(pyTypeName: string, calls: unknown[], methods: Record<string, (args: unknown[]) => unknown>) {
  const object: HostObject = {
    [hostObject]: true,
    pyTypeName,
    pyGetAttr(name: string) {
      const method = methods[name];
      if (!method) return undefined;
      return (...args: unknown[]) => {
        const plain = args.map(plainData);
        calls.push({ call: `${pyTypeName}.${name}`, args: plain });
        return method(args);
      };
    },
  };
  return object;
}

/** Host values as comparable data: CIs by id, Maps as objects, keywords as `{ kw: ... }`. */
export function plainData(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plainData);
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), plainData(item)]));
  if (value instanceof Set)
    return {
      set: [...value]
        .map(plainData)
        .map((item) => JSON.stringify(item))
        .sort(),
    };
  if (value instanceof PyKeywords) return { keywords: plainData(new Map(Object.entries(value.values))) };
  if (value instanceof RecordedStep) return { step: value.record };
  if (value instanceof PythonCheckpoint) {
    return { checkpoint: { delta: value.delta?.id ?? null, name: value.name, operation: value.operation } };
  }
  if (typeof value === "object") {
    if ("type" in value && "values" in value && "id" in value) return `ci:${(value as ConfigurationItem).id}`;
    if ("deployedOrPrevious" in value && "id" in value) return `delta:${(value as Delta).id}`;
    if ("deltas" in value) return "specification";
  }
  return value;
}

export function buildScriptWorld(): ScriptWorld {
  const calls: unknown[] = [];
  const host: ConfigurationItem = {
    id: "Infrastructure/web-1",
    name: "web-1",
    type: "overthere.SshHost",
    values: { address: "10.0.0.1", os: "UNIX" },
  };
  const server: ConfigurationItem = {
    id: "Infrastructure/web-1/tomcat",
    name: "tomcat",
    type: "udm.BaseContainer",
    values: { host, home: "/opt/tomcat", port: 8080, tags: ["a", "b"], labels: ["x", "y"] },
  };
  const deployed: ConfigurationItem = {
    id: "Infrastructure/web-1/tomcat/petclinic",
    name: "petclinic",
    type: "udm.BaseDeployed",
    values: { container: server, contextRoot: "/petclinic", weight: 3, placeholders: { a: "1" }, ports: ["80", "443"] },
    artifact: { path: "/artifacts/1.0/petclinic.war", checksum: "0123" },
  };
  const other: ConfigurationItem = {
    id: "Infrastructure/web-1/tomcat/petclinic-ds",
    name: "petclinic-ds",
    type: "udm.BaseDeployed",
    values: { container: server, weight: 1 },
  };
  const application: ConfigurationItem = {
    id: "Environments/Dev/PetClinic",
    name: "PetClinic",
    type: "udm.DeployedApplication",
    values: {},
  };
  const delta = {
    id: deployed.id,
    operation: "CREATE",
    deployed,
    deployedOrPrevious: deployed,
    changedProperties: [],
  } as unknown as Delta;
  const otherDelta = {
    id: other.id,
    operation: "DESTROY",
    previous: other,
    deployedOrPrevious: other,
    changedProperties: [],
  } as unknown as Delta;
  const specification = {
    operation: "UPDATE",
    deployedApplication: application,
    deployedOrPreviousApplication: application,
    deltas: [delta, otherDelta],
    rollback: false,
  } as unknown as DeltaSpecification;
  const step = (type: string) => (args: unknown[]) => new RecordedStep({ type, args: args.map(plainData) });
  const steps = recorder("StepFactory", calls, {
    noop: step("noop"),
    os_script: step("os-script"),
    jython: step("jython"),
    template: step("template"),
    delete: step("delete"),
  });
  const attributes = new Map<string, unknown>();
  const context = recorder("DeploymentPlanningContext", calls, {
    addStep: () => null,
    addStepWithCheckpoint: () => null,
    addCheckpoint: () => null,
    setAttribute: (args) => {
      attributes.set(String(args[0]), args[1]);
      return null;
    },
    getAttribute: (args) => attributes.get(String(args[0])) ?? null,
    fail: () => {
      const error = new Error("the context refuses");
      error.name = "IllegalStateException";
      throw error;
    },
  });
  const logger = recorder("Logger", calls, { info: () => null, debug: () => null });
  return {
    calls,
    cis: [host, server, deployed, other, application],
    bindings: {
      deployed,
      previousDeployed: null,
      delta,
      deltas: {
        [hostObject]: true,
        pyTypeName: "Deltas",
        pyGetAttr: (name: string) => (name === "deltas" ? specification.deltas : undefined),
      },
      specification,
      deployedApplication: application,
      steps,
      context,
      logger,
    },
  };
}
