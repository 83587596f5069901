import { describe, expect, it } from "vitest";
import { deploymentFixture, synthetic } from "../../test/support/deployment-fixture.js";
import { analyzeSpecification } from "../delta/analyze.js";
import { type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import type { DeploymentRequest } from "./model.js";
import { specify } from "./specify.js";

const types = synthetic(`
  <type type="test.Server" extends="udm.BaseContainer"/>
  <type type="test.SpecialServer" extends="test.Server"/>
  <type type="test.Module" extends="udm.BaseDeployedArtifact" deployable-type="test.Archive" container-type="test.Server">
    <generate-deployable type="test.Archive" extends="udm.BaseDeployableArchiveArtifact"/>
    <property name="contextRoot" required="false"/>
    <property name="url" required="false"/>
    <property name="port" kind="integer" required="false"/>
    <property name="debug" kind="boolean" default="false" required="false"/>
    <property name="timeout" kind="integer" default="30" required="false"/>
    <property name="hosts" kind="set_of_string" required="false"/>
    <property name="secret" password="true" required="false"/>
  </type>
  <type type="test.SpecialModule" extends="test.Module" deployable-type="test.Archive" container-type="test.SpecialServer"/>
  <type type="test.ConfigA" extends="udm.BaseDeployed" deployable-type="test.Config" container-type="test.Server">
    <generate-deployable type="test.Config" extends="udm.BaseDeployable"/>
  </type>
  <type type="test.ConfigB" extends="udm.BaseDeployed" deployable-type="test.Config" container-type="test.Server"/>
  <type type="test.Queue" extends="udm.BaseDeployed" deployable-type="test.QueueSpec" container-type="test.Server">
    <generate-deployable type="test.QueueSpec" extends="udm.BaseDeployable"/>
    <property name="queueName"/>
    <property name="notes" required="false"/>
  </type>
  <type type="test.Site" extends="udm.BaseDeployed" deployable-type="test.SiteSpec" container-type="test.Server">
    <generate-deployable type="test.SiteSpec" extends="udm.BaseDeployable"/>
    <property name="pages" kind="set_of_ci" referenced-type="test.Page" as-containment="true" required="false"/>
  </type>
  <type type="test.Page" extends="udm.BaseEmbeddedDeployed" deployable-type="test.PageSpec" container-type="test.Site">
    <generate-deployable type="test.PageSpec" extends="udm.BaseEmbeddedDeployable"/>
    <property name="title" required="false"/>
  </type>
  <type type="test.Other" extends="udm.BaseContainer"/>`);

const infrastructure = `apiVersion: xl-deploy/v1
kind: Infrastructure
spec:
- name: Infrastructure/plain
  type: test.Server
- name: Infrastructure/special
  type: test.SpecialServer
- name: Infrastructure/web
  type: test.Server
  tags: [web]
- name: Infrastructure/any
  type: test.Server
  tags: ["+"]
- name: Infrastructure/other
  type: test.Other
`;

function environments(members: string[], dictionaries = ""): string {
  return `apiVersion: xl-deploy/v1
kind: Environments
spec:
${dictionaries}
- name: Environments/Test
  type: udm.Environment
  members: [${members.join(", ")}]
  dictionaries: [${dictionaries ? "Environments/first, Environments/second" : ""}]
`;
}

function application(deployables: string, extra = ""): string {
  return `apiVersion: xl-deploy/v1
kind: Applications
spec:
- name: Applications/App
  type: udm.Application
  children:
  - name: "1.0"
    type: udm.DeploymentPackage
${extra}
    deployables:
${deployables}
`;
}

function build(members: string[], deployables: string, options: { dictionaries?: string; extra?: string } = {}) {
  const fixture = deploymentFixture({
    synthetic: types,
    yaml: {
      "infrastructure.yaml": infrastructure,
      "environments.yaml": environments(members, options.dictionaries),
      "applications.yaml": application(deployables, options.extra),
    },
    files: { "artifacts/app.war": "war bytes" },
  });
  expect(fixture.diagnostics).toEqual([]);
  return fixture;
}

const deploy: DeploymentRequest = {
  kind: "deploy",
  packageId: "Applications/App/1.0",
  environmentId: "Environments/Test",
};

function deployedsOf(fixture: ReturnType<typeof build>, request: DeploymentRequest = deploy) {
  const result = specify(request, fixture);
  return { result, deployeds: result.specification?.applications[0].next?.deployeds ?? [] };
}

const archive = `    - name: app
      type: test.Archive
      file: !file ../artifacts/app.war`;

describe("specify: mapping deployables to containers", () => {
  it("gives each deployable on each member a deployed of the most specific type, id <container>/<name>", () => {
    const fixture = build(["Infrastructure/plain", "Infrastructure/special"], archive);
    const { result, deployeds } = deployedsOf(fixture);
    expect(result.diagnostics).toEqual([]);
    expect(deployeds.map((d) => [d.id, d.type])).toEqual([
      ["Infrastructure/plain/app", "test.Module"],
      ["Infrastructure/special/app", "test.SpecialModule"],
    ]);
    const [plain] = deployeds;
    expect((plain.values.deployable as ConfigurationItem).id).toBe("Applications/App/1.0/app");
    expect((plain.values.container as ConfigurationItem).id).toBe("Infrastructure/plain");
    expect(plain.artifact?.checksum).toMatch(/^[0-9a-f]{40}$/);
  });

  it("skips a container no deployed type pairs with, silently", () => {
    const fixture = build(["Infrastructure/plain", "Infrastructure/other"], archive);
    const { result, deployeds } = deployedsOf(fixture);
    expect(result.diagnostics).toEqual([]);
    expect(deployeds.map((d) => d.id)).toEqual(["Infrastructure/plain/app"]);
  });

  it("reports a pair that fits two deployed types equally well", () => {
    const fixture = build(["Infrastructure/plain"], "    - name: settings\n      type: test.Config");
    const { result } = deployedsOf(fixture);
    expect(result.specification).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["PW7010"]);
    expect(result.diagnostics[0].message).toContain("test.ConfigA, test.ConfigB");
    expect(result.diagnostics[0].file).toBe("repository/applications.yaml");
  });

  it("matches tags as XL Deploy does", () => {
    const members = ["Infrastructure/plain", "Infrastructure/web", "Infrastructure/any"];
    const mapped = (tags: string) =>
      deployedsOf(build(members, `${archive}\n      tags: ${tags}`)).deployeds.map((d) => d.id.split("/")[1]);
    expect(mapped("[]")).toEqual(["plain"]);
    expect(mapped("[web]")).toEqual(["any", "web"]);
    expect(mapped("[db]")).toEqual(["any"]);
    expect(mapped('["*"]')).toEqual(["any", "plain", "web"]);
    expect(mapped('["+"]')).toEqual(["any", "web"]);
  });

  it("copies same-named values, converting strings to the deployed kinds, then fills defaults", () => {
    const fixture = build(
      ["Infrastructure/plain"],
      `${archive}\n      contextRoot: /app\n      port: "8080"\n      debug: "true"\n      hosts: [a, b]`,
    );
    const [deployed] = deployedsOf(fixture).deployeds;
    expect(deployed.values.contextRoot).toBe("/app");
    expect(deployed.values.port).toBe(8080);
    expect(deployed.values.debug).toBe(true);
    expect(deployed.values.timeout).toBe(30);
    expect(deployed.values.hosts).toEqual(["a", "b"]);
  });

  it("reports a value that does not fit the deployed property's kind", () => {
    const fixture = build(["Infrastructure/plain"], `${archive}\n      port: eighty`);
    const { result } = deployedsOf(fixture);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([["PW7013", 11]]);
  });

  it("maps embedded deployables to embedded deployeds under the parent deployed", () => {
    const fixture = build(
      ["Infrastructure/plain"],
      `    - name: site
      type: test.SiteSpec
      children:
      - name: home
        type: test.PageSpec
        title: Home`,
    );
    const [site] = deployedsOf(fixture).deployeds;
    const pages = site.values.pages as ConfigurationItem[];
    expect(pages.map((page) => [page.id, page.type, page.values.title])).toEqual([
      ["Infrastructure/plain/site/home", "test.Page", "Home"],
    ]);
    expect((pages[0].values.deployable as ConfigurationItem).id).toBe("Applications/App/1.0/site/home");
  });

  it("reports two deployables that would make the same deployed id", () => {
    const fixture = deploymentFixture({
      synthetic: types,
      yaml: {
        "infrastructure.yaml": infrastructure,
        "environments.yaml": environments(["Infrastructure/plain"]),
        "applications.yaml": `apiVersion: xl-deploy/v1
kind: Applications
spec:
- name: Applications/A
  type: udm.Application
  children:
  - {name: "1.0", type: udm.DeploymentPackage, deployables: [{name: q, type: test.QueueSpec, queueName: a}]}
- name: Applications/B
  type: udm.Application
  children:
  - {name: "1.0", type: udm.DeploymentPackage, deployables: [{name: q, type: test.QueueSpec, queueName: b}]}
- name: Applications/Both
  type: udm.Application
  children:
  - {name: "1.0", type: udm.CompositePackage, packages: [Applications/A/1.0, Applications/B/1.0]}
`,
      },
    });
    const result = specify(
      { kind: "deploy", packageId: "Applications/Both/1.0", environmentId: "Environments/Test" },
      fixture,
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(["PW7015"]);
  });
});

describe("specify: dictionaries and placeholders", () => {
  const dictionaries = `- name: Environments/first
  type: udm.Dictionary
  restrictToContainers: [Infrastructure/web]
  entries:
    URL: http://web-only
- name: Environments/second
  type: udm.Dictionary
  entries:
    URL: http://everyone
    HOST: "{{INNER}}"
    INNER: inner-host
    test.Module.contextRoot: /from-dictionary
  encryptedEntries:
    SECRET: s3cret
`;

  it("uses the first applying dictionary in environment order, honouring restrictions", () => {
    const fixture = build(
      ["Infrastructure/plain", "Infrastructure/web"],
      `${archive}\n      url: "{{URL}}"\n      tags: ["*"]`,
      {
        dictionaries,
      },
    );
    const { result, deployeds } = deployedsOf(fixture);
    expect(result.diagnostics).toEqual([]);
    expect(deployeds.map((d) => [d.id, d.values.url])).toEqual([
      ["Infrastructure/plain/app", "http://everyone"],
      ["Infrastructure/web/app", "http://web-only"],
    ]);
  });

  it("honours restrictToApplications", () => {
    const restricted = dictionaries.replace(
      "restrictToContainers: [Infrastructure/web]",
      "restrictToApplications: [Applications/App]",
    );
    const fixture = build(["Infrastructure/plain"], `${archive}\n      url: "{{URL}}"`, { dictionaries: restricted });
    expect(deployedsOf(fixture).deployeds[0].values.url).toBe("http://web-only");
    const elsewhere = dictionaries.replace(
      "restrictToContainers: [Infrastructure/web]",
      "restrictToApplications: [Applications/App]\n  restrictToContainers: [Infrastructure/web]",
    );
    const both = build(["Infrastructure/plain"], `${archive}\n      url: "{{URL}}"`, { dictionaries: elsewhere });
    expect(deployedsOf(both).deployeds[0].values.url).toBe("http://everyone");
  });

  it("resolves entries that refer to other entries, keys <deployed type>.<property>, and encrypted entries for passwords", () => {
    const fixture = build(
      ["Infrastructure/plain"],
      `${archive}\n      url: "http://{{HOST}}:80"\n      secret: "{{SECRET}}"`,
      {
        dictionaries,
      },
    );
    const [deployed] = deployedsOf(fixture).deployeds;
    expect(deployed.values.url).toBe("http://inner-host:80");
    expect(deployed.values.contextRoot).toBe("/from-dictionary");
    expect(deployed.values.secret).toBe("s3cret");
  });

  it("is an error when a required scalar's placeholder has no value, a warning when optional", () => {
    const required = build(
      ["Infrastructure/plain"],
      "    - name: q\n      type: test.QueueSpec\n      queueName: '{{MISSING}}'",
    );
    const failed = deployedsOf(required).result;
    expect(failed.specification).toBeUndefined();
    expect(failed.diagnostics.map((d) => [d.code, d.severity])).toEqual([["PW7011", "error"]]);
    expect(failed.diagnostics[0].message).toContain("{{MISSING}}");

    const optional = build(["Infrastructure/plain"], `${archive}\n      url: "{{MISSING}}"`);
    const { result, deployeds } = deployedsOf(optional);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["PW7012", "warning"]]);
    expect(deployeds[0].values.url).toBe("");
  });

  it("leaves unresolved placeholders in collections as written", () => {
    const fixture = build(["Infrastructure/plain"], `${archive}\n      hosts: ["{{NOPE}}", b]`);
    const { result, deployeds } = deployedsOf(fixture);
    expect(result.diagnostics).toEqual([]);
    expect(deployeds[0].values.hosts).toEqual(["{{NOPE}}", "b"]);
  });
});

describe("specify: the deployed application", () => {
  it("is Environments/<env>/<app> with version, environment, deployeds and the package's orchestrators", () => {
    const fixture = build(["Infrastructure/plain"], archive, { extra: "    orchestrator: [sequential-by-container]" });
    const { specification } = specify(deploy, fixture);
    const application = specification!.applications[0].next!.deployedApplication;
    expect(application.id).toBe("Environments/Test/App");
    expect(application.type).toBe("udm.DeployedApplication");
    expect((application.values.version as ConfigurationItem).id).toBe("Applications/App/1.0");
    expect((application.values.environment as ConfigurationItem).id).toBe("Environments/Test");
    expect((application.values.deployeds as ConfigurationItem[]).map((d) => d.id)).toEqual([
      "Infrastructure/plain/app",
    ]);
    expect(application.values.optimizePlan).toBe(true);
    expect(specification!.orchestrators).toEqual(["sequential-by-container"]);
  });

  it("takes the request's orchestrators over the package's", () => {
    const fixture = build(["Infrastructure/plain"], archive, { extra: "    orchestrator: [sequential-by-container]" });
    const { specification } = specify({ ...deploy, orchestrators: ["parallel-by-deployed"] }, fixture);
    expect(specification!.orchestrators).toEqual(["parallel-by-deployed"]);
    expect(specification!.applications[0].next!.deployedApplication.values.orchestrator).toEqual([
      "parallel-by-deployed",
    ]);
  });

  it("reports a package or environment that does not exist or has the wrong type", () => {
    const fixture = build(["Infrastructure/plain"], archive);
    const missing = specify({ ...deploy, packageId: "Applications/App/9.9" }, fixture);
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["PW7001"]);
    const wrong = specify({ ...deploy, environmentId: "Infrastructure/plain" }, fixture);
    expect(wrong.diagnostics.map((d) => d.code)).toEqual(["PW7002"]);
  });
});

describe("specify: previous state", () => {
  it("maps the --from package the same way", () => {
    const fixture = build(["Infrastructure/plain"], archive);
    const { specification } = specify({ ...deploy, fromPackageId: "Applications/App/1.0" }, fixture);
    const [entry] = specification!.applications;
    expect(entry.previous!.deployeds.map((d) => d.id)).toEqual(entry.next!.deployeds.map((d) => d.id));
  });

  it("reads the deployed application stored in the repository, and undeploys it", () => {
    const fixture = deploymentFixture({
      synthetic: types,
      yaml: {
        "infrastructure.yaml": `${infrastructure}- name: Infrastructure/queues
  type: test.Server
  children:
  - name: q
    type: test.Queue
    deployable: Applications/App/1.0/q
    queueName: stored
    notes: set by hand
`,
        "environments.yaml": `${environments(["Infrastructure/queues"])}  children:
  - name: App
    type: udm.DeployedApplication
    version: Applications/App/1.0
    deployeds: [Infrastructure/queues/q]
    orchestrator: [sequential-by-container]
`,
        "applications.yaml": application("    - name: q\n      type: test.QueueSpec\n      queueName: stored"),
      },
    });
    expect(fixture.diagnostics).toEqual([]);
    const redeploy = specify(deploy, fixture).specification!;
    expect(redeploy.applications[0].previous!.deployeds.map((d) => d.id)).toEqual(["Infrastructure/queues/q"]);
    expect(redeploy.orchestrators).toEqual(["sequential-by-container"]);
    // A property the package does not set and the type has no default for keeps the deployed value.
    expect(redeploy.applications[0].next!.deployeds[0].values.notes).toBe("set by hand");
    expect(analyzeSpecification(redeploy, fixture.types).deltas.map((d) => [d.operation, d.id])).toEqual([
      ["NOOP", "Infrastructure/queues/q"],
    ]);

    const undeploy = specify({ kind: "undeploy", deployedApplicationId: "Environments/Test/App" }, fixture);
    expect(undeploy.diagnostics).toEqual([]);
    const [entry] = undeploy.specification!.applications;
    expect(entry.next).toBeUndefined();
    expect(entry.previous!.deployeds.map((d) => d.id)).toEqual(["Infrastructure/queues/q"]);
    expect(undeploy.specification!.orchestrators).toEqual(["sequential-by-container"]);
  });

  it("reports an undeployment of something that is not deployed, and --from of another application", () => {
    const fixture = build(["Infrastructure/plain"], archive);
    const undeploy = specify({ kind: "undeploy", deployedApplicationId: "Environments/Test/App" }, fixture);
    expect(undeploy.diagnostics.map((d) => d.code)).toEqual(["PW7003"]);
    const other = specify({ ...deploy, fromPackageId: "Applications/App" }, fixture);
    expect(other.diagnostics.map((d) => d.code)).toEqual(["PW7002"]);
  });
});

describe("specify: application dependencies", () => {
  const dependencies = (range: string) => `apiVersion: xl-deploy/v1
kind: Applications
spec:
- name: Applications/Db
  type: udm.Application
  children:
  - {name: "1.0", type: udm.DeploymentPackage, deployables: [{name: schema, type: test.QueueSpec, queueName: s1}]}
  - {name: "1.5", type: udm.DeploymentPackage, deployables: [{name: schema, type: test.QueueSpec, queueName: s15}]}
  - {name: "2.0", type: udm.DeploymentPackage, deployables: [{name: schema, type: test.QueueSpec, queueName: s2}]}
- name: Applications/App
  type: udm.Application
  children:
  - name: "1.0"
    type: udm.DeploymentPackage
    applicationDependencies: {Db: "${range}"}
    deployables: [{name: q, type: test.QueueSpec, queueName: app}]
`;
  const fixtureWith = (range: string) =>
    deploymentFixture({
      synthetic: types,
      yaml: {
        "infrastructure.yaml": infrastructure,
        "environments.yaml": environments(["Infrastructure/plain"]),
        "applications.yaml": dependencies(range),
      },
    });

  it("resolves a range to the highest version inside it and deploys it with the package", () => {
    const { specification, diagnostics } = specify(deploy, fixtureWith("[1.0,2.0)"));
    expect(diagnostics).toEqual([]);
    expect(specification!.applications.map((a) => [a.application, a.version?.id, a.dependsOn])).toEqual([
      ["Applications/App", "Applications/App/1.0", ["Applications/Db"]],
      ["Applications/Db", "Applications/Db/1.5", []],
    ]);
    const schema = specification!.applications[1].next!.deployeds[0];
    expect(schema.values.queueName).toBe("s15");
  });

  it("reports a range nothing satisfies and a malformed range", () => {
    expect(specify(deploy, fixtureWith("[3.0,4.0)")).diagnostics.map((d) => d.code)).toEqual(["PW7021"]);
    expect(specify(deploy, fixtureWith("[2.0,1.0]")).diagnostics.map((d) => d.code)).toEqual(["PW7020"]);
  });
});

describe("specify: deployable values are references, not copies", () => {
  it("keeps the deployable CI itself on the deployed", () => {
    const fixture = build(["Infrastructure/plain"], archive);
    const [deployed] = deployedsOf(fixture).deployeds;
    expect(isConfigurationItem(deployed.values.deployable)).toBe(true);
    expect(deployed.values.deployable).toBe(fixture.repository.get("Applications/App/1.0/app"));
  });
});
