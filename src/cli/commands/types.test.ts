import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../test/support/run-cli.js";

const petclinic = fileURLToPath(new URL("../../../examples/petclinic", import.meta.url));

const run = (...args: string[]) => runCli(args);

describe("planwright types", () => {
  it("lists the example's types with the built-in ones", async () => {
    const { code, stdout, stderr } = await run("types", "--home", petclinic);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^tomcat\.Server\s+udm\.BaseContainer\s+ext\/synthetic\.xml:\d+$/m);
    expect(stdout).toMatch(/^udm\.BaseDeployed\s+udm\.BaseConfigurationItem\s+virtual\s+builtin$/m);
    expect(stdout).toMatch(/^udm\.Deployable\s+interface\s+builtin$/m);
  });

  it("describes a type with its inherited properties", async () => {
    const { code, stdout } = await run("types", "tomcat.War", "--home", petclinic);
    expect(code).toBe(0);
    expect(stdout).toContain("generated from:  tomcat.WarModule");
    expect(stdout).toMatch(/^ {2}tags\s+set_of_string\s+optional\s+udm\.BaseDeployable$/m);
    expect(stdout).toMatch(/^ {2}contextRoot\s+string\s+optional\s+tomcat\.War$/m);
  });

  it("prints JSON that parses, for the list and for one type", async () => {
    const list = await run("types", "--home", petclinic, "--format", "json");
    const types = JSON.parse(list.stdout) as { name: string; source: string }[];
    expect(types.find((t) => t.name === "tomcat.Server")).toMatchObject({ source: "ext", file: "ext/synthetic.xml" });
    const one = await run("types", "overthere.SshHost", "--home", petclinic, "--format", "json");
    const host = JSON.parse(one.stdout);
    expect(host.ancestors.slice(0, 3)).toEqual(["overthere.SshHost", "overthere.Host", "udm.BaseContainer"]);
    expect(host.properties.find((p: { name: string }) => p.name === "os")).toMatchObject({
      kind: "enum",
      declaringType: "overthere.Host",
      enumValues: ["UNIX", "WINDOWS", "ZOS"],
    });
  });

  it("reports an unknown type and exits 1", async () => {
    const { code, stdout, stderr } = await run("types", "tomcat.Nope", "--home", petclinic);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("error PW2018: Unknown type tomcat.Nope");
  });

  it("exits 1 with the position when a synthetic.xml is broken", async () => {
    const home = mkdtempSync(path.join(tmpdir(), "planwright-types-"));
    mkdirSync(path.join(home, "ext"));
    writeFileSync(
      path.join(home, "ext", "synthetic.xml"),
      '<synthetic>\n  <type type="a.B" extends="a.Missing"/>\n</synthetic>\n',
    );
    const { code, stderr } = await run("types", "a.B", "--home", home);
    expect(code).toBe(1);
    expect(stderr).toContain("ext/synthetic.xml:2:3 error PW2002: Type a.B extends unknown type a.Missing");
  });
});
