import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadHome, rulesXml, testSynthetic, writeHome } from "../../../test/rules/rules-home.js";
import { runCli } from "../../../test/support/run-cli.js";
import { rulesText } from "./rules.js";

const run = runCli;

function home(): string {
  const folder = writeHome({
    "ext/synthetic.xml": testSynthetic,
    "ext/xl-rules.xml": rulesXml(`<disable-rule name="archived.Noop"/>
<rule name="ext.DeployFile" scope="deployed">
  <conditions>
    <type>test.DeployedFile</type><operation>CREATE</operation><operation>MODIFY</operation>
    <expression>deployed.name != 'x'</expression>
  </conditions>
  <steps><noop/></steps>
</rule>
<rule name="ext.Announce" scope="post-plan"><planning-script-path>announce.py</planning-script-path></rule>`),
    "ext/announce.py": "pass\n",
  });
  const archive = zipSync({
    "xl-rules.xml": strToU8(
      rulesXml(`<rule name="archived.Noop" scope="deployed">
  <conditions><type>test.Thing</type><operation>NOOP</operation></conditions>
  <steps><noop/></steps></rule>`),
    ),
  });
  mkdirSync(path.join(folder, "plugins"));
  writeFileSync(path.join(folder, "plugins", "lib.jar"), archive);
  return folder;
}

describe("planwright rules", () => {
  it("prints rules as JSON per DESIGN §2.3, plugins first, archives as jar!/path", async () => {
    const result = await run(["rules", "--home", home(), "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const listed = JSON.parse(result.stdout) as { kind: string; plugin?: string; file: string; line: unknown }[];
    // The built-in plugins' rules come first (they register before any file's rules).
    const predefined = listed.filter((r) => r.kind === "predefined");
    expect(predefined.length).toBeGreaterThan(0);
    expect(predefined[0]).toMatchObject({ plugin: "generic", file: "builtin:generic", line: null });
    expect(listed.slice(0, predefined.length)).toEqual(predefined);
    expect(listed.filter((r) => r.kind !== "predefined")).toEqual([
      {
        name: "archived.Noop",
        scope: "deployed",
        kind: "xml",
        file: "plugins/lib.jar!/xl-rules.xml",
        line: 2,
        disabled: true,
        conditions: { types: ["test.Thing"], operations: ["NOOP"], expression: null },
      },
      {
        name: "ext.DeployFile",
        scope: "deployed",
        kind: "xml",
        file: "ext/xl-rules.xml",
        line: 3,
        disabled: false,
        conditions: {
          types: ["test.DeployedFile"],
          operations: ["CREATE", "MODIFY"],
          expression: "deployed.name != 'x'",
        },
      },
      {
        name: "ext.Announce",
        scope: "post-plan",
        kind: "script",
        file: "ext/xl-rules.xml",
        line: 10,
        disabled: false,
        conditions: { types: [], operations: [], expression: null },
      },
    ]);
  });

  it("prints an aligned table with a disabled marker", async () => {
    const loaded = loadHome(home());
    expect(`${rulesText(loaded.rules.all())}\n`).toBe(
      [
        "NAME            SCOPE      KIND    SOURCE                           CONDITIONS",
        "archived.Noop   deployed   xml     plugins/lib.jar!/xl-rules.xml:2  type test.Thing; operation NOOP (disabled)",
        "ext.DeployFile  deployed   xml     ext/xl-rules.xml:3               type test.DeployedFile; operation CREATE, MODIFY; expression deployed.name != 'x'",
        "ext.Announce    post-plan  script  ext/xl-rules.xml:10              -",
        "",
      ].join("\n"),
    );
  });

  it("still lists the rules when there are errors, reports them and exits 1", async () => {
    const folder = writeHome({
      "ext/synthetic.xml": testSynthetic,
      "ext/xl-rules.xml": rulesXml(`<rule name="broken" scope="deployed"><steps><noop/></steps></rule>`),
    });
    const result = await run(["rules", "--home", folder, "--no-color"]);
    expect(result.code).toBe(1);
    expect(result.stdout.replace(/ +/g, " ")).toContain("\nbroken deployed xml ext/xl-rules.xml:2 -\n");
    expect(result.stderr).toContain(
      "ext/xl-rules.xml:2:1 error PW4020: Rule broken has scope deployed but no <type> condition",
    );
  });

  it("is checked by validate, including expressions that do not compile", async () => {
    const folder = writeHome({
      "ext/synthetic.xml": testSynthetic,
      "ext/xl-rules.xml": rulesXml(`<rule name="bad" scope="pre-plan">
  <conditions><expression>specification.operation == == 1</expression></conditions>
  <planning-script-path>p.py</planning-script-path></rule>`),
      "ext/p.py": "def broken(:\n",
    });
    const result = await run(["validate", "--home", folder, "--format", "json"]);
    expect(result.code).toBe(1);
    const found = (
      JSON.parse(result.stdout) as { code: string; file: string; line: number; column: number; rule?: string }[]
    ).map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.rule}`);
    expect(found).toEqual(["PW6052 ext/p.py:1:12 bad", "PW6052 ext/xl-rules.xml:3:54 bad"]);
  });
});
