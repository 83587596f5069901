import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ConfigurationItem } from "../repository/model.js";
import { loadWorkspace } from "./load-workspace.js";

const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../examples/petclinic");

/** The example is what the demo and the scenario tests plan; these are the differences they rely on. */
describe("the PetClinic example home", () => {
  const workspace = loadWorkspace(home);
  const { repository } = workspace;
  const deployables = (version: string) =>
    Object.fromEntries(
      (repository.get(`Applications/PetClinic/${version}`)!.values.deployables as ConfigurationItem[]).map((d) => [
        d.name,
        d,
      ]),
    );

  it("loads without diagnostics", () => {
    expect(workspace.diagnostics).toEqual([]);
  });

  it("has two Tomcat servers on two hosts in different deployment groups and a database without one, all in Dev", () => {
    const servers = repository.findByType("tomcat.Server");
    expect(servers.map((s) => [s.id, (s.values.host as ConfigurationItem).id, s.values.deploymentGroup])).toEqual([
      ["Infrastructure/web-1/tomcat", "Infrastructure/web-1", 1],
      ["Infrastructure/web-2/tomcat", "Infrastructure/web-2", 2],
    ]);
    const databases = repository.findByType("postgres.Database");
    expect(databases.map((d) => [d.id, d.values.deploymentGroup])).toEqual([
      ["Infrastructure/db-1/petclinic-db", undefined],
    ]);
    const dev = repository.get("Environments/Dev")!;
    expect((dev.values.members as ConfigurationItem[]).map((m) => m.id)).toEqual([
      ...databases.map((d) => d.id),
      ...servers.map((s) => s.id),
    ]);
    expect((dev.values.dictionaries as ConfigurationItem[]).map((d) => d.type)).toEqual(["udm.Dictionary"]);
  });

  it("changes the war, the schema folder and one datasource property in 2.0, drops the config file, adds a resource and keeps the logging file", () => {
    const v1 = deployables("1.0");
    const v2 = deployables("2.0");
    expect(Object.keys(v1).sort()).toEqual([
      "petclinic",
      "petclinic-config",
      "petclinic-ds",
      "petclinic-logging",
      "petclinic-schema",
    ]);
    expect(Object.keys(v2).sort()).toEqual([
      "petclinic",
      "petclinic-ds",
      "petclinic-logging",
      "petclinic-mail",
      "petclinic-schema",
    ]);
    expect(v1["petclinic-schema"]!.artifact!.checksum).not.toBe(v2["petclinic-schema"]!.artifact!.checksum);
    expect(v1.petclinic!.artifact!.checksum).not.toBe(v2.petclinic!.artifact!.checksum);
    const changed = Object.keys(v2["petclinic-ds"]!.values).filter(
      (key) => v1["petclinic-ds"]!.values[key] !== v2["petclinic-ds"]!.values[key],
    );
    expect(changed).toEqual(["maxActive"]);
    expect(v2["petclinic-mail"]!.type).toBe("tomcat.MailSessionSpec");
    expect(v1["petclinic-logging"]!.artifact!.checksum).toBe(v2["petclinic-logging"]!.artifact!.checksum);
  });
});
