import { describe, expect, it } from "vitest";
import { deploymentFixture, synthetic } from "../../test/support/deployment-fixture.js";
import type { CiValue, ConfigurationItem } from "../repository/model.js";
import type { DeploymentState } from "../specification/model.js";
import { specify } from "../specification/specify.js";
import { loadTypes } from "../types/load-types.js";
import { analyze, analyzeSpecification } from "./analyze.js";

const { registry: types } = loadTypes([
  {
    displayPath: "ext/synthetic.xml",
    text: synthetic(`
  <type type="test.Server" extends="udm.BaseContainer"/>
  <type type="test.Module" extends="udm.BaseDeployedArtifact" deployable-type="test.Archive" container-type="test.Server">
    <property name="contextRoot" required="false"/>
    <property name="timeout" kind="integer" default="30" required="false"/>
    <property name="hosts" kind="set_of_string" required="false"/>
    <property name="order" kind="list_of_string" required="false"/>
    <property name="password" password="true" transient="true" required="false"/>
  </type>
  <type type="test.OtherModule" extends="udm.BaseDeployed" deployable-type="test.Archive" container-type="test.Server"/>
  <type type="test.Site" extends="udm.BaseDeployed" deployable-type="test.SiteSpec" container-type="test.Server">
    <property name="pages" kind="set_of_ci" referenced-type="test.Page" as-containment="true" required="false"/>
  </type>
  <type type="test.Page" extends="udm.BaseEmbeddedDeployed" deployable-type="test.PageSpec" container-type="test.Site">
    <property name="title" required="false"/>
  </type>`),
  },
]);

const server: ConfigurationItem = { id: "Infrastructure/server", name: "server", type: "test.Server", values: {} };

function deployable(version: string, name: string, checksum?: string): ConfigurationItem {
  const ci: ConfigurationItem = { id: `Applications/App/${version}/${name}`, name, type: "test.Archive", values: {} };
  if (checksum) ci.artifact = { path: `/artifacts/${version}/${name}`, checksum };
  return ci;
}

function deployed(
  name: string,
  values: Record<string, CiValue> = {},
  options: { type?: string; version?: string; checksum?: string } = {},
): ConfigurationItem {
  const from = deployable(options.version ?? "1.0", name, options.checksum);
  const ci: ConfigurationItem = {
    id: `Infrastructure/server/${name}`,
    name,
    type: options.type ?? "test.Module",
    values: { deployable: from, container: server, ...values },
  };
  if (from.artifact) ci.artifact = from.artifact;
  return ci;
}

function state(version: string, deployeds: ConfigurationItem[]): DeploymentState {
  return {
    deployedApplication: {
      id: "Environments/Dev/App",
      name: "App",
      type: "udm.DeployedApplication",
      values: {
        version: { id: `Applications/App/${version}`, name: version, type: "udm.DeploymentPackage", values: {} },
      },
    },
    deployeds,
  };
}

function deltasOf(previous: ConfigurationItem[], next: ConfigurationItem[]) {
  return analyze(state("1.0", previous), state("2.0", next), types).deltas.map((delta) => [
    delta.operation,
    delta.id.split("/").pop(),
    delta.changedProperties,
  ]);
}

describe("analyze", () => {
  it("gives CREATE to every deployed of an initial deployment", () => {
    const specification = analyze(undefined, state("1.0", [deployed("b"), deployed("a")]), types);
    expect(specification.operation).toBe("CREATE");
    expect(specification.previousDeployedApplication).toBeUndefined();
    expect(
      specification.deltas.map((d) => [d.operation, d.id, d.previous, d.deployedOrPrevious === d.deployed]),
    ).toEqual([
      ["CREATE", "Infrastructure/server/a", undefined, true],
      ["CREATE", "Infrastructure/server/b", undefined, true],
    ]);
  });

  it("gives DESTROY to every deployed of an undeployment, keeping the removed application", () => {
    const previous = state("1.0", [deployed("a")]);
    const specification = analyze(previous, undefined, types);
    expect(specification.operation).toBe("DESTROY");
    expect(specification.deployedApplication).toBe(previous.deployedApplication);
    expect(specification.deployedOrPreviousApplication).toBe(previous.deployedApplication);
    const [delta] = specification.deltas;
    expect([delta.operation, delta.deployed, delta.deployedOrPrevious === delta.previous]).toEqual([
      "DESTROY",
      undefined,
      true,
    ]);
  });

  it("compares deployeds in both: NOOP when equal, MODIFY with the changed properties", () => {
    expect(
      deltasOf(
        [deployed("same", { contextRoot: "/a" }), deployed("changed", { contextRoot: "/a", timeout: 10 })],
        [
          deployed("same", { contextRoot: "/a" }, { version: "2.0" }),
          deployed("changed", { contextRoot: "/b", timeout: 10 }, { version: "2.0" }),
        ],
      ),
    ).toEqual([
      ["MODIFY", "changed", ["contextRoot"]],
      ["NOOP", "same", []],
    ]);
  });

  it("is MODIFY for an update that removes one deployable and adds another, with all four operations", () => {
    const specification = analyze(
      state("1.0", [deployed("kept"), deployed("changed", { contextRoot: "/a" }), deployed("removed")]),
      state("2.0", [deployed("kept"), deployed("changed", { contextRoot: "/b" }), deployed("added")]),
      types,
    );
    expect(specification.operation).toBe("MODIFY");
    expect(specification.previousDeployedApplication?.values.version).toMatchObject({ name: "1.0" });
    expect(specification.deltas.map((d) => `${d.operation} ${d.id}`)).toEqual([
      "CREATE Infrastructure/server/added",
      "MODIFY Infrastructure/server/changed",
      "NOOP Infrastructure/server/kept",
      "DESTROY Infrastructure/server/removed",
    ]);
  });

  it("sees a changed artifact checksum, and nothing when only the artifact's path differs", () => {
    expect(
      deltasOf([deployed("war", {}, { checksum: "aaa" })], [deployed("war", {}, { checksum: "bbb", version: "2.0" })]),
    ).toEqual([["MODIFY", "war", ["checksum"]]]);
    expect(
      deltasOf([deployed("war", {}, { checksum: "1.0" })], [deployed("war", {}, { checksum: "1.0", version: "2.0" })]),
    ).toEqual([["NOOP", "war", []]]);
  });

  it("takes a stored deployed's checksum from its deployable when it has none of its own", () => {
    const stored = deployed("war", {}, { checksum: "aaa" });
    delete stored.artifact;
    expect(deltasOf([stored], [deployed("war", {}, { checksum: "aaa", version: "2.0" })])).toEqual([
      ["NOOP", "war", []],
    ]);
  });

  it("sees a change inside an embedded deployed as a change of its parent", () => {
    const site = (title: string) =>
      deployed(
        "site",
        {
          pages: [
            {
              id: "Infrastructure/server/site/home",
              name: "home",
              type: "test.Page",
              values: { title },
            },
          ],
        },
        { type: "test.Site" },
      );
    expect(deltasOf([site("Home")], [site("Home")])).toEqual([["NOOP", "site", []]]);
    expect(deltasOf([site("Home")], [site("Welcome")])).toEqual([["MODIFY", "site", ["pages"]]]);
  });

  it("turns a changed deployed type for the same id into DESTROY then CREATE", () => {
    const specification = analyze(
      state("1.0", [deployed("app")]),
      state("2.0", [deployed("app", {}, { type: "test.OtherModule" })]),
      types,
    );
    expect(specification.deltas.map((d) => [d.operation, d.deployedOrPrevious.type])).toEqual([
      ["DESTROY", "test.Module"],
      ["CREATE", "test.OtherModule"],
    ]);
  });

  it("ignores transient properties, the deployable reference, set order, and unset values equal to the default", () => {
    expect(
      deltasOf(
        [deployed("app", { password: "one", hosts: ["a", "b"] })],
        [deployed("app", { password: "two", hosts: ["b", "a"], timeout: 30 }, { version: "2.0" })],
      ),
    ).toEqual([["NOOP", "app", []]]);
  });

  it("keeps list order significant", () => {
    expect(deltasOf([deployed("app", { order: ["a", "b"] })], [deployed("app", { order: ["b", "a"] })])).toEqual([
      ["MODIFY", "app", ["order"]],
    ]);
  });

  it("flags a rollback specification", () => {
    expect(analyze(undefined, state("1.0", []), types, { rollback: true }).rollback).toBe(true);
    expect(analyze(undefined, state("1.0", []), types).rollback).toBe(false);
  });
});

describe("analyzeSpecification with a user-given checksum", () => {
  it("treats artifacts whose bytes differ but whose given checksum is the same as unchanged", () => {
    const fixture = deploymentFixture({
      synthetic: synthetic(`
  <type type="test.Server" extends="udm.BaseContainer"/>
  <type type="test.Module" extends="udm.BaseDeployedArtifact" deployable-type="test.Archive" container-type="test.Server">
    <generate-deployable type="test.Archive" extends="udm.BaseDeployableArchiveArtifact"/>
  </type>`),
      files: { "artifacts/1/app.war": "one", "artifacts/2/app.war": "two", "artifacts/3/app.war": "three" },
      yaml: {
        "all.yaml": `apiVersion: xl-deploy/v1
kind: Infrastructure
spec:
- {name: Infrastructure/server, type: test.Server}
---
apiVersion: xl-deploy/v1
kind: Environments
spec:
- {name: Environments/Dev, type: udm.Environment, members: [Infrastructure/server]}
---
apiVersion: xl-deploy/v1
kind: Applications
spec:
- name: Applications/App
  type: udm.Application
  children:
  - {name: "1", type: udm.DeploymentPackage, deployables: [{name: app, type: test.Archive, file: !file ../artifacts/1/app.war, checksum: "v1"}]}
  - {name: "2", type: udm.DeploymentPackage, deployables: [{name: app, type: test.Archive, file: !file ../artifacts/2/app.war, checksum: "v1"}]}
  - {name: "3", type: udm.DeploymentPackage, deployables: [{name: app, type: test.Archive, file: !file ../artifacts/3/app.war}]}
`,
      },
    });
    expect(fixture.diagnostics).toEqual([]);
    const operationFrom = (from: string, to: string) => {
      const { specification } = specify(
        {
          kind: "deploy",
          packageId: `Applications/App/${to}`,
          environmentId: "Environments/Dev",
          fromPackageId: `Applications/App/${from}`,
        },
        fixture,
      );
      return analyzeSpecification(specification!, fixture.types).deltas.map((d) => d.operation);
    };
    expect(operationFrom("1", "2")).toEqual(["NOOP"]);
    expect(operationFrom("2", "3")).toEqual(["MODIFY"]);
  });
});
