import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTypes } from "../types/load-types.js";
import { loadRepository } from "./load-repository.js";
import type { ConfigurationItem } from "./model.js";

const synthetic = `<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">
  <type type="test.Server" extends="udm.BaseContainer">
    <property name="host" kind="ci" referenced-type="overthere.Host" as-containment="true"/>
    <property name="home"/>
    <property name="port" kind="integer" default="8080" required="false"/>
    <property name="secure" kind="boolean" required="false"/>
    <property name="mode" kind="enum" default="FAST" required="false">
      <enum-values><value>FAST</value><value>SAFE</value></enum-values>
    </property>
    <property name="aliases" kind="set_of_string" required="false"/>
    <property name="steps" kind="list_of_string" required="false"/>
    <property name="env" kind="map_string_string" required="false"/>
    <property name="since" kind="date" required="false"/>
    <property name="label" required="false"/>
    <property name="peers" kind="list_of_ci" referenced-type="test.Server" required="false"/>
  </type>
  <type type="test.Module" extends="udm.BaseDeployedArtifact" deployable-type="test.Archive" container-type="test.Server">
    <generate-deployable type="test.Archive" extends="udm.BaseDeployableArchiveArtifact"/>
    <property name="contextRoot"/>
  </type>
</synthetic>`;

const { registry: types } = loadTypes([{ text: synthetic, displayPath: "ext/synthetic.xml", source: "ext" }]);

function home(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "planwright-repository-"));
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

const infrastructure = `apiVersion: xl-deploy/v1
kind: Infrastructure
spec:
- name: Infrastructure/web-1
  type: overthere.SshHost
  os: UNIX
  address: 10.0.0.1
  username: deployer
  children:
  - name: app
    type: test.Server
    home: /opt/app
    deploymentGroup: 1
`;

function load(files: Record<string, string>) {
  return loadRepository(home(files), types);
}

function idOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(idOf);
  return (value as ConfigurationItem | undefined)?.id ?? value;
}

describe("repository YAML", () => {
  it("builds ids from nesting and gives a nested server its host (as-containment)", () => {
    const { repository, diagnostics } = load({ "repository/infra.yaml": infrastructure });
    expect(diagnostics).toEqual([]);
    const server = repository.get("Infrastructure/web-1/app")!;
    expect(server).toMatchObject({ name: "app", type: "test.Server" });
    expect(server.values.host).toBe(repository.get("Infrastructure/web-1"));
    expect(server.values).toMatchObject({ home: "/opt/app", deploymentGroup: 1, port: 8080, mode: "FAST" });
    expect(repository.get("Infrastructure/web-1")!.values).toMatchObject({ port: 22, connectionType: "SFTP" });
    expect(server.location).toEqual({ file: "repository/infra.yaml", line: 10, column: 5 });
  });

  it("reads several documents per file and several files, in path order", () => {
    const { repository, diagnostics } = load({
      "repository/b/envs.yml": `apiVersion: xl-deploy/v1
kind: Environments
spec:
- name: Dev
  type: udm.Environment
  members: [Infrastructure/web-1/app]
  dictionaries: [Environments/Dev-dict]
---
apiVersion: xl-deploy/v1
kind: Environments
spec:
- name: Environments/Dev-dict
  type: udm.Dictionary
  entries: { URL: "http://x", PORT: 80 }
`,
      "repository/a.yaml": infrastructure,
      "repository/notes.txt": "not yaml",
    });
    expect(diagnostics).toEqual([]);
    const dev = repository.get("Environments/Dev")!;
    expect(idOf(dev.values.members)).toEqual(["Infrastructure/web-1/app"]);
    expect(dev.values.members).toEqual([repository.get("Infrastructure/web-1/app")]);
    expect(idOf(dev.values.dictionaries)).toEqual(["Environments/Dev-dict"]);
    expect(repository.get("Environments/Dev-dict")!.values.entries).toEqual({ URL: "http://x", PORT: "80" });
  });

  it("reads packages with deployables, artifacts with SHA-1 checksums, and a given checksum", () => {
    const { repository, diagnostics } = load({
      "repository/apps.yaml": `apiVersion: xl-deploy/v1
kind: Applications
spec:
- name: Applications/Shop
  type: udm.Application
  children:
  - name: "1.0"
    type: udm.DeploymentPackage
    orchestrator: [sequential-by-deployment-group]
    deployables:
    - name: shop
      type: test.Archive
      file: !file ../files/shop.war
      contextRoot: /shop
    - name: folder
      type: test.Archive
      file: !file ../files/site
      checksum: abc123
`,
      "files/shop.war": "war content",
      "files/site/index.html": "<html/>",
    });
    expect(diagnostics).toEqual([]);
    const version = repository.get("Applications/Shop/1.0")!;
    expect(idOf(version.values.deployables)).toEqual(["Applications/Shop/1.0/shop", "Applications/Shop/1.0/folder"]);
    expect(idOf(version.values.application)).toBe("Applications/Shop");
    expect(version.values.orchestrator).toEqual(["sequential-by-deployment-group"]);
    const shop = repository.get("Applications/Shop/1.0/shop")!;
    const sha1 = createHash("sha1").update("war content").digest("hex");
    expect(shop.artifact?.checksum).toBe(sha1);
    expect(shop.artifact?.path).toMatch(/files[/\\]shop\.war$/);
    expect(shop.values.checksum).toBe(sha1);
    expect(repository.get("Applications/Shop/1.0/folder")!.artifact?.checksum).toBe("abc123");
  });

  it("places a deployed application under its environment and deployeds under their containers", () => {
    const { repository, diagnostics } = load({
      "repository/infra.yaml": `${infrastructure}    children:
    - name: shop
      type: test.Module
      deployable: Applications/Shop/1.0/shop
      contextRoot: /shop
`,
      "repository/apps.yaml": `apiVersion: xl-deploy/v1
kind: Applications
spec:
- name: Applications/Shop
  type: udm.Application
  children:
  - name: "1.0"
    type: udm.DeploymentPackage
    deployables:
    - { name: shop, type: test.Archive, file: !file shop.war }
`,
      "repository/shop.war": "war",
      "repository/envs.yaml": `apiVersion: xl-deploy/v1
kind: Environments
spec:
- name: Environments/Dev
  type: udm.Environment
  members: [Infrastructure/web-1/app]
  children:
  - name: Shop
    type: udm.DeployedApplication
    version: Applications/Shop/1.0
    deployeds: [Infrastructure/web-1/app/shop]
    orchestrator: [parallel-by-container]
`,
    });
    expect(diagnostics).toEqual([]);
    const deployedApplication = repository.get("Environments/Dev/Shop")!;
    expect(idOf(deployedApplication.values.environment)).toBe("Environments/Dev");
    expect(idOf(deployedApplication.values.version)).toBe("Applications/Shop/1.0");
    expect(idOf(deployedApplication.values.deployeds)).toEqual(["Infrastructure/web-1/app/shop"]);
    expect(deployedApplication.values.optimizePlan).toBe(true);
    const deployed = repository.get("Infrastructure/web-1/app/shop")!;
    expect(idOf(deployed.values.container)).toBe("Infrastructure/web-1/app");
    expect(idOf(deployed.values.deployable)).toBe("Applications/Shop/1.0/shop");
  });

  it("converts values to their property kinds", () => {
    const { repository, diagnostics } = load({
      "repository/infra.yaml": `${infrastructure}    port: "9090"
    secure: true
    mode: SAFE
    aliases: [a, b, a]
    steps: [b, a, b]
    env: { A: 1, B: "two" }
    since: 2024-05-01T12:00:00Z
    label: 1.0
    peers: [Infrastructure/web-1/app]
`,
    });
    expect(diagnostics).toEqual([]);
    const server = repository.get("Infrastructure/web-1/app")!;
    expect(server.values).toMatchObject({
      port: 9090,
      secure: true,
      mode: "SAFE",
      aliases: ["a", "b"],
      steps: ["b", "a", "b"],
      env: { A: "1", B: "two" },
      since: "2024-05-01T12:00:00Z",
      label: "1.0",
    });
    expect(idOf(server.values.peers)).toEqual(["Infrastructure/web-1/app"]);
  });

  it("reads anchors, aliases and merge keys", () => {
    const { repository, diagnostics } = load({
      "repository/infra.yaml": `apiVersion: xl-deploy/v1
kind: Infrastructure
spec:
- name: Infrastructure/web-1
  type: overthere.SshHost
  <<: &linux
    os: UNIX
    address: 10.0.0.1
    username: deployer
    port: 2222
  address: 10.0.0.7
  children:
  - &server
    name: app
    type: test.Server
    home: /opt/app
    aliases: &names [a, b]
- name: Infrastructure/web-2
  type: overthere.SshHost
  <<: *linux
  children:
  - *server
  - name: other
    type: test.Server
    home: /opt/other
    steps: *names
`,
    });
    expect(diagnostics).toEqual([]);
    expect(repository.get("Infrastructure/web-1")!.values).toMatchObject({
      os: "UNIX",
      address: "10.0.0.7",
      port: 2222,
    });
    expect(repository.get("Infrastructure/web-2")!.values).toMatchObject({ address: "10.0.0.1", username: "deployer" });
    expect(repository.get("Infrastructure/web-2/app")!.values).toMatchObject({ home: "/opt/app", aliases: ["a", "b"] });
    expect(repository.get("Infrastructure/web-2/other")!.values.steps).toEqual(["a", "b"]);
  });

  it("puts a top-level name without a root under the kind's root or metadata.home", () => {
    const { repository, diagnostics } = load({
      "repository/envs.yaml": `apiVersion: xl-deploy/v1
kind: Environments
metadata:
  home: Environments/Team
spec:
- name: Dev
  type: udm.Environment
`,
    });
    expect(diagnostics).toEqual([]);
    expect(repository.all().map((ci) => ci.id)).toEqual(["Environments/Team/Dev"]);
  });
});

describe("repository YAML problems", () => {
  const at = (file: string, line: number, column: number) => ({ file: `repository/${file}`, line, column });

  it("warns about an unknown document key, such as a misspelt spec", () => {
    const { repository, diagnostics } = load({
      "repository/envs.yaml":
        "apiVersion: xl-deploy/v1\nkind: Environments\nspecs:\n- name: Environments/Dev\n  type: udm.Environment\n",
    });
    expect(diagnostics).toMatchObject([
      {
        code: "PW3022",
        severity: "warning",
        ...at("envs.yaml", 3, 1),
        message: expect.stringContaining("did you mean 'spec'?"),
      },
    ]);
    expect(repository.all()).toEqual([]);
  });

  it("reports a YAML syntax error with its position and reads the other documents", () => {
    const { repository, diagnostics } = load({
      "repository/broken.yaml": `apiVersion: xl-deploy/v1
kind: Environments
spec:
- name: Environments/Dev
  type: [udm.Environment
`,
      "repository/infra.yaml": infrastructure,
    });
    expect(diagnostics).toMatchObject([{ code: "PW3001", severity: "error", file: "repository/broken.yaml", line: 6 }]);
    expect(diagnostics[0]!.column).toBeGreaterThan(0);
    expect(repository.exists("Infrastructure/web-1/app")).toBe(true);
  });

  it("reports an unknown type at the type, suggests a near miss, and keeps going", () => {
    const { repository, diagnostics } = load({
      "repository/infra.yaml": infrastructure.replace("type: test.Server", "type: test.Sever"),
    });
    expect(diagnostics).toMatchObject([
      {
        code: "PW3006",
        ...at("infra.yaml", 11, 11),
        message: "Unknown type 'test.Sever' (did you mean 'test.Server'?)",
      },
    ]);
    expect(repository.exists("Infrastructure/web-1")).toBe(true);
    expect(repository.exists("Infrastructure/web-1/app")).toBe(false);
  });

  it("reports an unknown property at its key with a suggestion", () => {
    const { repository, diagnostics } = load({
      "repository/infra.yaml": infrastructure.replace("home: /opt/app", "hom: /opt/app"),
    });
    expect(diagnostics).toMatchObject([
      {
        code: "PW3008",
        ...at("infra.yaml", 12, 5),
        message: "Type 'test.Server' has no property 'hom' (did you mean 'home'?)",
      },
      // The required `home` is now missing too.
      { code: "PW3019", ...at("infra.yaml", 10, 5) },
    ]);
    expect(repository.exists("Infrastructure/web-1/app")).toBe(true);
  });

  it.each([
    ["port: lots", "integer", "'lots' is not a whole number"],
    ["secure: maybe", "boolean", "'maybe' is not true or false"],
    ["aliases: single", "set_of_string", "got 'single'"],
    ["env: [a]", "map_string_string", "got a list"],
    ["since: yesterday", "date", "'yesterday' is not an ISO 8601 date"],
    ["label: [a, b]", "string", "got a list"],
    ["peers: Infrastructure/web-1/app", "list_of_ci", "got 'Infrastructure/web-1/app'"],
  ])("reports a value of the wrong kind: %s", (line, kind, problem) => {
    const { diagnostics } = load({ "repository/infra.yaml": `${infrastructure}    ${line}\n` });
    const column = line.indexOf(":") + 7;
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: "PW3009",
        ...at("infra.yaml", 14, column),
        message: expect.stringContaining(kind),
      }),
    );
    expect(diagnostics.find((d) => d.code === "PW3009")!.message).toContain(problem);
  });

  it("reports an enum value that is not allowed", () => {
    const { diagnostics } = load({ "repository/infra.yaml": `${infrastructure}    mode: SLOW\n` });
    expect(diagnostics).toMatchObject([
      { code: "PW3010", ...at("infra.yaml", 14, 11), hint: "Allowed values: FAST, SAFE." },
    ]);
  });

  it("reports a dangling reference at the reference, with a near miss", () => {
    const { diagnostics } = load({
      "repository/infra.yaml": infrastructure,
      "repository/envs.yaml": `apiVersion: xl-deploy/v1
kind: Environments
spec:
- name: Environments/Dev
  type: udm.Environment
  members:
  - Infrastructure/web-1/ap
`,
    });
    expect(diagnostics).toMatchObject([
      {
        code: "PW3011",
        ...at("envs.yaml", 7, 5),
        message:
          "Reference to 'Infrastructure/web-1/ap', which is not in the repository (did you mean 'Infrastructure/web-1/app'?)",
      },
    ]);
  });

  it("does not report references to items that already failed", () => {
    const { diagnostics } = load({
      "repository/infra.yaml": infrastructure.replace("overthere.SshHost", "overthere.NoSuchHost"),
      "repository/envs.yaml":
        "apiVersion: xl-deploy/v1\nkind: Environments\nspec:\n- name: Environments/Dev\n  type: udm.Environment\n  members: [Infrastructure/web-1/app]\n",
    });
    expect(diagnostics.map((d) => d.code)).toEqual(["PW3006"]);
  });

  it("reports a reference to an item of the wrong type", () => {
    const { diagnostics } = load({
      "repository/infra.yaml": infrastructure,
      "repository/envs.yaml":
        "apiVersion: xl-deploy/v1\nkind: Environments\nspec:\n- name: Environments/Dev\n  type: udm.Environment\n  dictionaries: [Infrastructure/web-1/app]\n",
    });
    expect(diagnostics).toMatchObject([{ code: "PW3012", ...at("envs.yaml", 6, 18) }]);
  });

  it("reports a missing !file at the path", () => {
    const { diagnostics } = load({
      "repository/apps.yaml":
        "apiVersion: xl-deploy/v1\nkind: Applications\nspec:\n- name: Applications/Shop\n  type: udm.Application\n  children:\n  - name: '1.0'\n    type: udm.DeploymentPackage\n    deployables:\n    - name: shop\n      type: test.Archive\n      file: !file missing.war\n",
    });
    expect(diagnostics).toMatchObject([
      { code: "PW3013", ...at("apps.yaml", 12, 19), message: "Artifact file 'missing.war' does not exist" },
    ]);
  });

  it("reports duplicate ids, a file on a non-artifact, a virtual type, an unknown kind and a bad document", () => {
    const { diagnostics } = load({
      "repository/a.yaml": infrastructure,
      "repository/b.yaml": `apiVersion: xl-deploy/v1
kind: Infrastructure
spec:
- name: Infrastructure/web-1
  type: overthere.LocalHost
  os: UNIX
- name: Infrastructure/web-2
  type: overthere.Host
- name: Infrastructure/web-3
  type: overthere.LocalHost
  os: UNIX
  file: !file a.yaml
- name: Infrastructure/Dev
  type: udm.Environment
---
apiVersion: xl-deploy/v1
kind: Deployment
---
- just a list
`,
    });
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["PW3014", 4, 9],
      ["PW3007", 8, 9],
      ["PW3015", 12, 3],
      ["PW3021", 13, 9],
      ["PW3003", 17, 7],
      ["PW3004", 19, 1],
    ]);
    expect(diagnostics[0]!.message).toContain("first defined at repository/a.yaml:4:3");
  });
});
