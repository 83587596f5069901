import { describe, expect, it } from "vitest";
import type { Delta, DeltaApplication, DeltaSpecification, Operation } from "../delta/model.js";
import type { CiValue, ConfigurationItem } from "../repository/model.js";
import type { OrchestrationBlock } from "./model.js";
import { orchestrate } from "./orchestrate.js";
import { OrchestratorRegistry } from "./orchestrator-registry.js";

const registry = OrchestratorRegistry.withBuiltins();

function container(id: string, values: Record<string, CiValue> = {}): ConfigurationItem {
  return { id, name: id.slice(id.lastIndexOf("/") + 1), type: "test.Server", values };
}

function version(id: string, values: Record<string, CiValue> = {}): ConfigurationItem {
  return { id, name: id.slice(id.lastIndexOf("/") + 1), type: "udm.DeploymentPackage", values };
}

const environment: ConfigurationItem = { id: "Environments/Dev", name: "Dev", type: "udm.Environment", values: {} };

function delta(
  on: ConfigurationItem,
  name: string,
  packageId = "Applications/App/1.0",
  operation: Operation = "CREATE",
): Delta {
  const deployable: ConfigurationItem = { id: `${packageId}/${name}`, name, type: "test.Archive", values: {} };
  const deployed: ConfigurationItem = {
    id: `${on.id}/${name}`,
    name,
    type: "test.Module",
    values: { deployable, container: on },
  };
  return operation === "DESTROY"
    ? { id: deployed.id, operation, previous: deployed, deployedOrPrevious: deployed, changedProperties: [] }
    : { id: deployed.id, operation, deployed, deployedOrPrevious: deployed, changedProperties: [] };
}

function specification(
  deltas: Delta[],
  options: {
    operation?: DeltaSpecification["operation"];
    version?: ConfigurationItem;
    values?: Record<string, CiValue>;
    applications?: DeltaApplication[];
  } = {},
): DeltaSpecification {
  const application: ConfigurationItem = {
    id: "Environments/Dev/App",
    name: "App",
    type: "udm.DeployedApplication",
    values: { version: options.version ?? version("Applications/App/1.0"), environment, ...options.values },
  };
  const sorted = [...deltas].sort((a, b) => (a.id < b.id ? -1 : 1));
  const result: DeltaSpecification = {
    operation: options.operation ?? "CREATE",
    deployedApplication: application,
    deployedOrPreviousApplication: application,
    deltas: sorted,
    rollback: false,
  };
  if (options.applications) result.applications = options.applications;
  return result;
}

/** The tree as indented lines: kind, description and, for leaves, the deployed ids' last two segments. */
function outline(block: OrchestrationBlock, indent = ""): string[] {
  if (block.kind === "interleaved") {
    const ids = block.deltas.map((d) => d.id.split("/").slice(-2).join("/"));
    return [`${indent}interleaved: ${block.description} [${ids.join(", ")}]`];
  }
  return [`${indent}${block.kind}: ${block.description}`, ...block.blocks.flatMap((b) => outline(b, `${indent}  `))];
}

function tree(spec: DeltaSpecification, names: string[], using = registry): string[] {
  const result = orchestrate(spec, names, using);
  expect(result.diagnostics).toEqual([]);
  return outline(result.orchestration!);
}

const alpha = container("Infrastructure/alpha", { deploymentGroup: 2, deploymentSubGroup: 1 });
const beta = container("Infrastructure/beta", { deploymentGroup: 10, deploymentSubGroup: 2, deploymentSubSubGroup: 1 });
const gamma = container("Infrastructure/gamma");
const deltas = [delta(gamma, "app"), delta(beta, "app"), delta(alpha, "app"), delta(alpha, "db")];

describe("orchestrate", () => {
  it("knows the 14 orchestrators of XL Deploy and parallel-by-container-throttled", () => {
    const expected = ["container", "composite-package", "dependency", "deployed"]
      .concat(["deployment-group", "deployment-sub-group", "deployment-sub-sub-group"])
      .flatMap((key) => [`sequential-by-${key}`, `parallel-by-${key}`]);
    expect(registry.names()).toEqual([...expected, "parallel-by-container-throttled"].sort());
  });

  it("makes one interleaved block of all deltas without orchestrators", () => {
    expect(tree(specification(deltas), [])).toEqual([
      "interleaved: Deploying App 1.0 on environment Dev [alpha/app, alpha/db, beta/app, gamma/app]",
    ]);
  });

  it("takes XL Deploy 4's name 'default' as no orchestrator", () => {
    expect(tree(specification(deltas), ["default"])).toEqual(tree(specification(deltas), []));
  });

  it("reports an unknown orchestrator with the known names", () => {
    const result = orchestrate(specification(deltas), ["sequential-by-moon-phase"], registry);
    expect(result.orchestration).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["PW7030"]);
    expect(result.diagnostics[0].hint).toContain("sequential-by-container");
  });

  it("sequential-by-container: serial, one block per container by name, reversed on undeploy", () => {
    expect(tree(specification(deltas), ["sequential-by-container"])).toEqual([
      "serial: Deploying App 1.0 on environment Dev",
      "  interleaved: Deploying App 1.0 on container alpha [alpha/app, alpha/db]",
      "  interleaved: Deploying App 1.0 on container beta [beta/app]",
      "  interleaved: Deploying App 1.0 on container gamma [gamma/app]",
    ]);
    expect(tree(specification(deltas, { operation: "DESTROY" }), ["sequential-by-container"])).toEqual([
      "serial: Undeploying App 1.0 on environment Dev",
      "  interleaved: Undeploying App 1.0 on container gamma [gamma/app]",
      "  interleaved: Undeploying App 1.0 on container beta [beta/app]",
      "  interleaved: Undeploying App 1.0 on container alpha [alpha/app, alpha/db]",
    ]);
  });

  it("parallel-by-container: parallel, one block per container", () => {
    expect(tree(specification(deltas, { operation: "MODIFY" }), ["parallel-by-container"])).toEqual([
      "parallel: Updating App 1.0 on environment Dev",
      "  interleaved: Updating App 1.0 on container alpha [alpha/app, alpha/db]",
      "  interleaved: Updating App 1.0 on container beta [beta/app]",
      "  interleaved: Updating App 1.0 on container gamma [gamma/app]",
    ]);
  });

  it("names containers by id when two share a name", () => {
    const a = container("Infrastructure/web-1/tomcat");
    const b = container("Infrastructure/web-2/tomcat");
    expect(tree(specification([delta(a, "war"), delta(b, "war")]), ["parallel-by-container"])).toEqual([
      "parallel: Deploying App 1.0 on environment Dev",
      "  interleaved: Deploying App 1.0 on container Infrastructure/web-1/tomcat [tomcat/war]",
      "  interleaved: Deploying App 1.0 on container Infrastructure/web-2/tomcat [tomcat/war]",
    ]);
  });

  it("sequential-by-deployment-group: containers without a group first, then ascending numbers; reversed on undeploy", () => {
    expect(tree(specification(deltas), ["sequential-by-deployment-group"])).toEqual([
      "serial: Deploying App 1.0 on environment Dev",
      "  interleaved: Deploying App 1.0 without deployment group [gamma/app]",
      "  interleaved: Deploying App 1.0 deployment group 2 [alpha/app, alpha/db]",
      "  interleaved: Deploying App 1.0 deployment group 10 [beta/app]",
    ]);
    expect(tree(specification(deltas, { operation: "DESTROY" }), ["sequential-by-deployment-group"])).toEqual([
      "serial: Undeploying App 1.0 on environment Dev",
      "  interleaved: Undeploying App 1.0 deployment group 10 [beta/app]",
      "  interleaved: Undeploying App 1.0 deployment group 2 [alpha/app, alpha/db]",
      "  interleaved: Undeploying App 1.0 without deployment group [gamma/app]",
    ]);
  });

  it("parallel-by-deployment-group: parallel, one block per group", () => {
    expect(tree(specification(deltas), ["parallel-by-deployment-group"])).toEqual([
      "parallel: Deploying App 1.0 on environment Dev",
      "  interleaved: Deploying App 1.0 without deployment group [gamma/app]",
      "  interleaved: Deploying App 1.0 deployment group 2 [alpha/app, alpha/db]",
      "  interleaved: Deploying App 1.0 deployment group 10 [beta/app]",
    ]);
  });

  it("sub-group and sub-sub-group orchestrators read their own properties", () => {
    expect(tree(specification(deltas), ["sequential-by-deployment-sub-group"])).toEqual([
      "serial: Deploying App 1.0 on environment Dev",
      "  interleaved: Deploying App 1.0 without deployment sub-group [gamma/app]",
      "  interleaved: Deploying App 1.0 deployment sub-group 1 [alpha/app, alpha/db]",
      "  interleaved: Deploying App 1.0 deployment sub-group 2 [beta/app]",
    ]);
    expect(tree(specification(deltas), ["parallel-by-deployment-sub-sub-group"])).toEqual([
      "parallel: Deploying App 1.0 on environment Dev",
      "  interleaved: Deploying App 1.0 without deployment sub-sub-group [alpha/app, alpha/db, gamma/app]",
      "  interleaved: Deploying App 1.0 deployment sub-sub-group 1 [beta/app]",
    ]);
    expect(tree(specification(deltas), ["parallel-by-deployment-sub-group"])[0]).toBe(
      "parallel: Deploying App 1.0 on environment Dev",
    );
    expect(tree(specification(deltas, { operation: "DESTROY" }), ["sequential-by-deployment-sub-sub-group"])).toEqual([
      "serial: Undeploying App 1.0 on environment Dev",
      "  interleaved: Undeploying App 1.0 deployment sub-sub-group 1 [beta/app]",
      "  interleaved: Undeploying App 1.0 without deployment sub-sub-group [alpha/app, alpha/db, gamma/app]",
    ]);
  });

  it("by-deployed: one block per delta in id order, reversed on undeploy when sequential", () => {
    expect(tree(specification(deltas.slice(1)), ["sequential-by-deployed"])).toEqual([
      "serial: Deploying App 1.0 on environment Dev",
      "  interleaved: Deploying App 1.0 app on container alpha [alpha/app]",
      "  interleaved: Deploying App 1.0 db on container alpha [alpha/db]",
      "  interleaved: Deploying App 1.0 app on container beta [beta/app]",
    ]);
    expect(tree(specification(deltas.slice(2), { operation: "DESTROY" }), ["sequential-by-deployed"])).toEqual([
      "serial: Undeploying App 1.0 on environment Dev",
      "  interleaved: Undeploying App 1.0 db on container alpha [alpha/db]",
      "  interleaved: Undeploying App 1.0 app on container alpha [alpha/app]",
    ]);
    expect(tree(specification(deltas.slice(2), { operation: "DESTROY" }), ["parallel-by-deployed"])).toEqual([
      "parallel: Undeploying App 1.0 on environment Dev",
      "  interleaved: Undeploying App 1.0 app on container alpha [alpha/app]",
      "  interleaved: Undeploying App 1.0 db on container alpha [alpha/db]",
    ]);
  });

  it("by-composite-package: member order kept (not alphabetical), nested composites flattened", () => {
    const zeta = version("Applications/Zeta/1.0");
    const backend = version("Applications/Backend/2.0");
    const inner = version("Applications/Inner/1.0", { packages: [backend] });
    const composite = version("Applications/Bundle/3.0", { packages: [zeta, inner] });
    const spec = specification(
      [delta(alpha, "api", backend.id), delta(alpha, "ui", zeta.id), delta(beta, "ui", zeta.id)],
      { version: composite },
    );
    spec.deployedApplication.name = "Bundle";
    expect(tree(spec, ["sequential-by-composite-package"])).toEqual([
      "serial: Deploying Bundle 3.0 on environment Dev",
      "  interleaved: Deploying Bundle 3.0 package Zeta 1.0 [alpha/ui, beta/ui]",
      "  interleaved: Deploying Bundle 3.0 package Backend 2.0 [alpha/api]",
    ]);
    spec.operation = "DESTROY";
    expect(tree(spec, ["sequential-by-composite-package"]).slice(1)).toEqual([
      "  interleaved: Undeploying Bundle 3.0 package Backend 2.0 [alpha/api]",
      "  interleaved: Undeploying Bundle 3.0 package Zeta 1.0 [alpha/ui, beta/ui]",
    ]);
    expect(tree(spec, ["parallel-by-composite-package"])[0]).toBe(
      "parallel: Undeploying Bundle 3.0 on environment Dev",
    );
  });

  describe("by-dependency", () => {
    const app = version("Applications/App/1.0");
    const db = version("Applications/Db/1.5");
    const cache = version("Applications/Cache/2.0");
    const deployedApplication = (v: ConfigurationItem): ConfigurationItem => ({
      id: `Environments/Dev/${v.id.split("/")[1]}`,
      name: v.id.split("/")[1],
      type: "udm.DeployedApplication",
      values: { version: v, environment },
    });
    const applications: DeltaApplication[] = [
      {
        application: "Applications/App",
        deployedApplication: deployedApplication(app),
        dependsOn: ["Applications/Db", "Applications/Cache"],
      },
      { application: "Applications/Db", deployedApplication: deployedApplication(db), dependsOn: [] },
      { application: "Applications/Cache", deployedApplication: deployedApplication(cache), dependsOn: [] },
    ];
    const dependencyDeltas = [
      delta(alpha, "web", app.id),
      delta(alpha, "schema", db.id),
      delta(beta, "redis", cache.id),
    ];

    it("sequential-by-dependency: one block per application, dependencies first, reversed on undeploy", () => {
      expect(tree(specification(dependencyDeltas, { applications }), ["sequential-by-dependency"])).toEqual([
        "serial: Deploying App 1.0 on environment Dev",
        "  interleaved: Deploying Db 1.5 on environment Dev [alpha/schema]",
        "  interleaved: Deploying Cache 2.0 on environment Dev [beta/redis]",
        "  interleaved: Deploying App 1.0 on environment Dev [alpha/web]",
      ]);
      expect(
        tree(specification(dependencyDeltas, { applications, operation: "DESTROY" }), [
          "sequential-by-dependency",
        ]).slice(1),
      ).toEqual([
        "  interleaved: Undeploying App 1.0 on environment Dev [alpha/web]",
        "  interleaved: Undeploying Cache 2.0 on environment Dev [beta/redis]",
        "  interleaved: Undeploying Db 1.5 on environment Dev [alpha/schema]",
      ]);
    });

    it("parallel-by-dependency: serial over dependency levels, parallel inside a level", () => {
      expect(tree(specification(dependencyDeltas, { applications }), ["parallel-by-dependency"])).toEqual([
        "serial: Deploying App 1.0 on environment Dev",
        "  parallel: Deploying App 1.0 dependency level 1",
        "    interleaved: Deploying Db 1.5 on environment Dev [alpha/schema]",
        "    interleaved: Deploying Cache 2.0 on environment Dev [beta/redis]",
        "  parallel: Deploying App 1.0 dependency level 2",
        "    interleaved: Deploying App 1.0 on environment Dev [alpha/web]",
      ]);
    });

    it("puts everything in one block for an application without dependencies", () => {
      expect(tree(specification(deltas.slice(1)), ["sequential-by-dependency"])).toEqual([
        "serial: Deploying App 1.0 on environment Dev",
        "  interleaved: Deploying App 1.0 on environment Dev [alpha/app, alpha/db, beta/app]",
      ]);
    });
  });

  it("combines orchestrators: each later one refines every interleaved leaf", () => {
    const more = [...deltas, delta(container("Infrastructure/delta", { deploymentGroup: 2 }), "app")];
    expect(tree(specification(more), ["sequential-by-deployment-group", "parallel-by-container"])).toEqual([
      "serial: Deploying App 1.0 on environment Dev",
      "  parallel: Deploying App 1.0 without deployment group",
      "    interleaved: Deploying App 1.0 without deployment group on container gamma [gamma/app]",
      "  parallel: Deploying App 1.0 deployment group 2",
      "    interleaved: Deploying App 1.0 deployment group 2 on container alpha [alpha/app, alpha/db]",
      "    interleaved: Deploying App 1.0 deployment group 2 on container delta [delta/app]",
      "  parallel: Deploying App 1.0 deployment group 10",
      "    interleaved: Deploying App 1.0 deployment group 10 on container beta [beta/app]",
    ]);
  });

  it("leaves a leaf without deltas as one empty interleaved block", () => {
    expect(tree(specification([]), ["sequential-by-container", "parallel-by-deployed"])).toEqual([
      "interleaved: Deploying App 1.0 on environment Dev []",
    ]);
  });

  describe("parallel-by-container-throttled", () => {
    const many = ["a", "b", "c", "d", "e"].map((name) => delta(container(`Infrastructure/${name}`), "app"));

    it("runs containers in parallel batches of maxContainersInParallel, batches one after another", () => {
      expect(
        tree(specification(many, { values: { maxContainersInParallel: 2 } }), ["parallel-by-container-throttled"]),
      ).toEqual([
        "serial: Deploying App 1.0 on environment Dev",
        "  parallel: Deploying App 1.0 batch 1",
        "    interleaved: Deploying App 1.0 on container a [a/app]",
        "    interleaved: Deploying App 1.0 on container b [b/app]",
        "  parallel: Deploying App 1.0 batch 2",
        "    interleaved: Deploying App 1.0 on container c [c/app]",
        "    interleaved: Deploying App 1.0 on container d [d/app]",
        "  parallel: Deploying App 1.0 batch 3",
        "    interleaved: Deploying App 1.0 on container e [e/app]",
      ]);
    });

    it("takes the limit from the package when the deployed application has none, and reverses batches on undeploy", () => {
      const spec = specification(many.slice(0, 3), {
        operation: "DESTROY",
        version: version("Applications/App/1.0", { maxContainersInParallel: "2" }),
      });
      expect(tree(spec, ["parallel-by-container-throttled"])).toEqual([
        "serial: Undeploying App 1.0 on environment Dev",
        "  parallel: Undeploying App 1.0 batch 2",
        "    interleaved: Undeploying App 1.0 on container c [c/app]",
        "  parallel: Undeploying App 1.0 batch 1",
        "    interleaved: Undeploying App 1.0 on container a [a/app]",
        "    interleaved: Undeploying App 1.0 on container b [b/app]",
      ]);
    });

    it("is parallel-by-container without a limit, and warns about a bad one", () => {
      expect(tree(specification(many.slice(0, 2)), ["parallel-by-container-throttled"])).toEqual(
        tree(specification(many.slice(0, 2)), ["parallel-by-container"]),
      );
      const result = orchestrate(
        specification(many.slice(0, 2), { values: { maxContainersInParallel: 0 } }),
        ["parallel-by-container-throttled"],
        registry,
      );
      expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["PW7032", "warning"]]);
      expect(outline(result.orchestration!)[0]).toBe("parallel: Deploying App 1.0 on environment Dev");
    });
  });

  describe("custom orchestrators", () => {
    it("are registered by name and combine like the built-in ones", () => {
      const custom = OrchestratorRegistry.withBuiltins();
      const reversed = {
        name: "reverse-ids",
        orchestrate: ({ deltas, description }: { deltas: Delta[]; description: string }) => ({
          kind: "serial" as const,
          description,
          blocks: [...deltas].reverse().map((d) => ({ kind: "interleaved" as const, description: d.id, deltas: [d] })),
        }),
      };
      expect(custom.register(reversed)).toBeUndefined();
      expect(custom.register(reversed)?.code).toBe("PW7031");
      expect(tree(specification(deltas.slice(2)), ["parallel-by-container", "reverse-ids"], custom)).toEqual([
        "parallel: Deploying App 1.0 on environment Dev",
        "  serial: Deploying App 1.0 on container alpha",
        "    interleaved: Infrastructure/alpha/db [alpha/db]",
        "    interleaved: Infrastructure/alpha/app [alpha/app]",
      ]);
    });

    it("that throw become a diagnostic, not a crash", () => {
      const custom = OrchestratorRegistry.withBuiltins();
      custom.register({
        name: "broken",
        orchestrate: () => {
          throw new Error("no idea");
        },
      });
      const result = orchestrate(specification(deltas), ["broken"], custom);
      expect(result.orchestration).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
        ["PW7033", "orchestrator 'broken' failed: no idea"],
      ]);
    });
  });
});
