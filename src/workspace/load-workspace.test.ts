import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadWorkspace } from "./load-workspace.js";

function makeHome(files: Record<string, string | Uint8Array>): string {
  const home = mkdtempSync(path.join(tmpdir(), "planwright-workspace-"));
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(home, relative)), { recursive: true });
    writeFileSync(path.join(home, relative), content);
  }
  return home;
}

const syntheticWith = (body: string) =>
  `<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">${body}</synthetic>`;

describe("loadWorkspace", () => {
  it("loads settings, types from ext and plugin archives, and a repository using them", () => {
    const home = makeHome({
      "conf/planner.conf": "xl.file-watch.interval = 3s",
      "ext/synthetic.xml": syntheticWith(
        '<type type="web.Server" extends="udm.BaseContainer"><property name="host" kind="ci" referenced-type="overthere.Host" as-containment="true"/></type>',
      ),
      "plugins/db.jar": zipSync({
        "synthetic.xml": strToU8(syntheticWith('<type type="db.Schema" extends="web.Server"/>')),
      }),
      "repository/infra.yaml": `apiVersion: xl-deploy/v1
kind: Infrastructure
spec:
- name: Infrastructure/h
  type: overthere.LocalHost
  os: UNIX
  children:
  - { name: web, type: web.Server }
  - { name: db, type: db.Schema }
`,
    });
    const workspace = loadWorkspace(home);
    expect(workspace.diagnostics).toEqual([]);
    expect(workspace.settings.fileWatchIntervalMs).toBe(3000);
    expect(workspace.classpath.roots.map((root) => root.name)).toEqual(["ext", "plugins/db.jar"]);
    expect(workspace.types.get("db.Schema")?.source).toBe("plugins/db.jar");
    expect(workspace.types.isSubtypeOf("db.Schema", "web.Server")).toBe(true);
    expect(workspace.repository.findByType("web.Server").map((ci) => ci.id)).toEqual([
      "Infrastructure/h/db",
      "Infrastructure/h/web",
    ]);
  });

  it("collects the diagnostics of every stage and keeps loading past them", () => {
    const home = makeHome({
      "conf/planner.conf": "xl.file-watch.interval = never",
      "plugins/broken.xldp": "not a zip",
      "ext/synthetic.xml": syntheticWith('<type type="a.B" extends="no.Such"/>'),
      "repository/infra.yaml":
        "apiVersion: xl-deploy/v1\nkind: Infrastructure\nspec:\n- name: Infrastructure/h\n  type: overthere.LocalHost\n  os: UNIX\n  colour: red\n",
    });
    const workspace = loadWorkspace(home);
    const files = workspace.diagnostics.map((d) => d.file);
    expect(files).toContain("conf/planner.conf");
    expect(files).toContain("plugins/broken.xldp");
    expect(files).toContain("ext/synthetic.xml");
    expect(workspace.diagnostics.find((d) => d.file === "repository/infra.yaml")?.code).toBe("PW3008");
    expect(workspace.repository.exists("Infrastructure/h")).toBe(true);
  });

  it("can skip the repository", () => {
    const home = makeHome({ "repository/x.yaml": "apiVersion: xl-deploy/v1\nkind: Environments\nspec: {" });
    const workspace = loadWorkspace(home, { repository: false });
    expect(workspace.diagnostics).toEqual([]);
    expect(workspace.repository.all()).toEqual([]);
  });
});
