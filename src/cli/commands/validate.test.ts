import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../test/support/run-cli.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../examples/petclinic");

const run = runCli;

/** A copy of the example with some files replaced or added. */
function exampleWith(files: Record<string, string>): string {
  const home = mkdtempSync(path.join(tmpdir(), "planwright-validate-"));
  cpSync(example, home, { recursive: true });
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(home, relative)), { recursive: true });
    writeFileSync(path.join(home, relative), content);
  }
  return home;
}

const env = (body: string) => `apiVersion: xl-deploy/v1\nkind: Environments\nspec:\n${body}`;

describe("planwright validate", () => {
  it("reports nothing for the PetClinic example and exits 0", async () => {
    expect(await run(["validate", "--home", example])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await run(["validate", "--home", example, "--format", "json"])).toEqual({
      code: 0,
      stdout: "[]\n",
      stderr: "",
    });
  });

  it.each([
    [
      "a YAML syntax error",
      { "repository/extra.yaml": env("- name: Environments/Test\n  type: [udm.Environment\n") },
      "PW3001",
      "repository/extra.yaml",
      6,
    ],
    [
      "an unknown type",
      { "repository/extra.yaml": env("- name: Environments/Test\n  type: udm.Enviroment\n") },
      "PW3006",
      "repository/extra.yaml",
      5,
    ],
    [
      "an unknown property",
      { "repository/extra.yaml": env("- name: Environments/Test\n  type: udm.Environment\n  member: []\n") },
      "PW3008",
      "repository/extra.yaml",
      6,
    ],
    [
      "a value of the wrong kind",
      {
        "repository/extra.yaml": env(
          "- name: Environments/Test\n  type: udm.Environment\n  members: Infrastructure/web-1/tomcat\n",
        ),
      },
      "PW3009",
      "repository/extra.yaml",
      6,
    ],
    [
      "a dangling reference",
      {
        "repository/extra.yaml": env(
          "- name: Environments/Test\n  type: udm.Environment\n  members: [Infrastructure/web-3/tomcat]\n",
        ),
      },
      "PW3011",
      "repository/extra.yaml",
      6,
    ],
    [
      "a missing !file",
      {
        "repository/extra.yaml":
          "apiVersion: xl-deploy/v1\nkind: Applications\nspec:\n- name: Applications/Other\n  type: udm.Application\n  children:\n  - name: '1.0'\n    type: udm.DeploymentPackage\n    deployables:\n    - name: other\n      type: tomcat.War\n      file: !file nowhere/other.war\n",
      },
      "PW3013",
      "repository/extra.yaml",
      12,
    ],
    [
      "an archive that is not a zip",
      { "plugins/broken.jar": "definitely not a zip" },
      "PW1004",
      "plugins/broken.jar",
      undefined,
    ],
    [
      "a bad planner.conf",
      { "conf/planner.conf": "xl {\n  file-watch.interval = soon\n}\n" },
      "PW1011",
      "conf/planner.conf",
      2,
    ],
    [
      "a planner.conf syntax error",
      { "conf/planner.conf": "xl {\n  file-watch.interval = 5s\n" },
      "PW1010",
      "conf/planner.conf",
      3,
    ],
    [
      "malformed synthetic.xml",
      { "ext/synthetic.xml": "<synthetic>\n  <type type='a.B' extends='udm.BaseContainer'>\n</synthetic>\n" },
      "PW1001",
      "ext/synthetic.xml",
      3,
    ],
    [
      "an unknown property kind",
      {
        "plugins/extra/synthetic.xml":
          '<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">\n  <type type="x.Server" extends="udm.BaseContainer">\n    <property name="port" kind="integr"/>\n  </type>\n</synthetic>\n',
      },
      "PW2001",
      "plugins/extra/synthetic.xml",
      3,
    ],
    [
      "an unknown supertype",
      {
        "plugins/extra/synthetic.xml":
          '<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">\n  <type type="x.Server" extends="udm.BaseContaner"/>\n</synthetic>\n',
      },
      "PW2002",
      "plugins/extra/synthetic.xml",
      2,
    ],
    [
      "circular extends",
      {
        "plugins/extra/synthetic.xml":
          '<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">\n  <type type="x.A" extends="x.B"/>\n  <type type="x.B" extends="x.A"/>\n</synthetic>\n',
      },
      "PW2003",
      "plugins/extra/synthetic.xml",
      2,
    ],
    [
      "a classpath path with ..",
      {
        "plugins/extra/xl-rules.xml":
          '<rules xmlns="http://www.xebialabs.com/xl-deploy/xl-rules">\n  <rule name="extra.Escape" scope="pre-plan">\n    <planning-script-path>../conf/planner.conf</planning-script-path>\n  </rule>\n</rules>\n',
      },
      "PW1005",
      "plugins/extra/xl-rules.xml",
      3,
    ],
  ])("reports %s as a coded diagnostic with its position and exits 1", async (_name, files, code, file, line) => {
    const home = exampleWith(files);
    const text = await run(["validate", "--home", home]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe("");
    const where = line === undefined ? `${file} ` : `${file}:${line}:`;
    expect(text.stderr).toContain(where);
    expect(text.stderr).toMatch(new RegExp(`error ${code}: `));
    expect(text.stderr).toContain("hint: ");

    const json = await run(["validate", "--home", home, "--format", "json"]);
    expect(json.code).toBe(1);
    const diagnostics = JSON.parse(json.stdout) as Diagnostic[];
    const found = diagnostics.find((d) => d.code === code);
    expect(found).toMatchObject({ severity: "error", file });
    if (line !== undefined) {
      expect(found?.line).toBe(line);
      expect(found?.column).toBeGreaterThan(0);
    }
  });

  it("reports a home that does not exist", async () => {
    const result = await run([
      "validate",
      "--home",
      path.join(tmpdir(), "planwright-no-such-home"),
      "--format",
      "json",
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject([{ code: "PW1003", severity: "error" }]);
  });

  it("exits 0 when there are only warnings", async () => {
    const home = exampleWith({ "conf/planner.conf": 'include "other.conf"\n' });
    const result = await run(["validate", "--home", home]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("conf/planner.conf:1:1 warning PW1013");
  });
});
