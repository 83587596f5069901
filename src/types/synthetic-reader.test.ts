import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { builtinTypes } from "./builtin/builtin-types.js";
import { loadTypes } from "./load-types.js";

const ns = 'xmlns="http://www.xebialabs.com/deployit/synthetic"';

function load(...files: string[]) {
  return loadTypes(files.map((text, i) => ({ text, displayPath: `ext/file${i + 1}.xml` })));
}

function only(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

describe("synthetic.xml bad input", () => {
  it("reports malformed XML with its position", () => {
    const { diagnostics } = load(`<synthetic ${ns}>\n  <type type="a.B" extends="udm.BaseDeployed"\n</synthetic>`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "PW1001", severity: "error", file: "ext/file1.xml", line: 3 });
  });

  it("reports an unknown property kind at the property", () => {
    const { diagnostics, registry } = load(
      `<synthetic ${ns}>\n  <type type="a.Server" extends="udm.BaseContainer">\n    <property name="port" kind="int"/>\n  </type>\n</synthetic>`,
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "PW2001", severity: "error", file: "ext/file1.xml", line: 3, column: 5 }),
    ]);
    expect(diagnostics[0]!.message).toContain("`int`");
    expect(registry.property("a.Server", "port")).toBeUndefined();
  });

  it("reports an unknown supertype at the type and still registers the type", () => {
    const { diagnostics, registry } = load(
      `<synthetic ${ns}>\n\n  <type type="a.Thing" extends="wls.Resource"/>\n</synthetic>`,
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "PW2002", severity: "error", file: "ext/file1.xml", line: 3, column: 3 }),
    ]);
    expect(diagnostics[0]!.message).toBe("Type a.Thing extends unknown type wls.Resource");
    expect(registry.has("a.Thing")).toBe(true);
    expect(registry.ancestors("a.Thing")).toEqual(["a.Thing"]);
  });

  it("reports circular extends on every member of the cycle and stays usable", () => {
    const { diagnostics, registry } = load(
      `<synthetic ${ns}>\n  <type type="a.A" extends="a.B"/>\n  <type type="a.B" extends="a.C"/>\n</synthetic>`,
      `<synthetic ${ns}>\n  <type type="a.C" extends="a.A"/>\n  <type type="a.D" extends="a.A"/>\n</synthetic>`,
    );
    const cycles = only(diagnostics, "PW2003");
    expect(cycles.map((d) => [d.file, d.line, d.column])).toEqual([
      ["ext/file1.xml", 2, 3],
      ["ext/file1.xml", 3, 3],
      ["ext/file2.xml", 2, 3],
    ]);
    expect(cycles[0]!.message).toBe("Type a.A extends itself through a.A → a.B → a.C → a.A");
    expect(diagnostics).toHaveLength(3);
    expect(registry.isSubtypeOf("a.D", "a.A")).toBe(true);
    expect(registry.properties("a.D")).toEqual([]);
  });

  it("reports a duplicate type naming the first definition", () => {
    const { diagnostics } = load(
      `<synthetic ${ns}><type type="a.X" extends="udm.BaseDeployable"/></synthetic>`,
      `<synthetic ${ns}>\n<type type="a.X" extends="udm.BaseDeployable"/></synthetic>`,
    );
    expect(diagnostics).toEqual([expect.objectContaining({ code: "PW2004", file: "ext/file2.xml", line: 2 })]);
    expect(diagnostics[0]!.message).toContain("ext/file1.xml:1:");
  });

  it("reports a type-modification of an unknown type", () => {
    const { diagnostics } = load(`<synthetic ${ns}>\n  <type-modification type="wls.Server"/>\n</synthetic>`);
    expect(diagnostics).toEqual([expect.objectContaining({ code: "PW2005", line: 2, column: 3 })]);
  });

  it("reports a default that does not fit the kind and an enum default outside the values", () => {
    const { diagnostics, registry } = load(`<synthetic ${ns}>
  <type type="a.S" extends="udm.BaseContainer">
    <property name="port" kind="integer" default="eighty"/>
    <property name="mode" kind="enum" default="FAST"><enum-values><value>SLOW</value></enum-values></property>
    <property name="empty" kind="integer" default=""/>
  </type>
</synthetic>`);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["PW2007", 3],
      ["PW2008", 4],
    ]);
    expect(registry.property("a.S", "port")?.defaultValue).toBeUndefined();
    expect(registry.property("a.S", "empty")?.defaultValue).toBeUndefined();
  });

  it("reports generate-deployable on a type that is not a deployed", () => {
    const { diagnostics } = load(`<synthetic ${ns}>
  <type type="a.Server" extends="udm.BaseContainer">
    <generate-deployable type="a.ServerSpec" extends="udm.BaseDeployable"/>
  </type>
  <type type="a.Later" extends="wls.Unknown">
    <generate-deployable type="a.LaterSpec" extends="udm.BaseDeployable"/>
  </type>
</synthetic>`);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["PW2002", 5],
      ["PW2019", 3],
    ]);
  });

  it("warns about unknown attributes, non-boolean flags and a wrong root element", () => {
    const bad = load(`<synthetic ${ns}><type type="a.X" extends="udm.BaseDeployable" virtaul="true">
      <property name="p" hidden="yes" requird="false"/></type></synthetic>`);
    expect(bad.diagnostics.map((d) => d.code).sort()).toEqual(["PW2013", "PW2013", "PW2014"]);
    expect(load(`<rules/>`).diagnostics.map((d) => d.code)).toEqual(["PW2011"]);
  });
});

describe("synthetic.xml reading", () => {
  const petclinic = `<synthetic ${ns}>
  <type type="tc.Server" extends="udm.BaseContainer" root="INFRASTRUCTURE">
    <property name="host" kind="ci" referenced-type="overthere.Host" as-containment="true"/>
    <property name="home" default="/opt/tomcat"/>
    <property name="port" kind="integer" default="8080" required="false"/>
  </type>
  <type type="tc.DeployedWar" extends="udm.BaseDeployedArtifact" deployable-type="tc.War" container-type="tc.Server">
    <generate-deployable type="tc.War" extends="udm.BaseDeployableFileArtifact" copy-default-values="true"/>
    <property name="contextRoot" default="/app"/>
    <property name="restart" kind="boolean" default="true"/>
    <property name="secret" password="true" hidden="true" default="x"/>
    <property name="server" kind="ci" referenced-type="tc.Server" required="false"/>
    <property name="mode" kind="enum" default="LAZY"><enum-values><value>EAGER</value><value>LAZY</value></enum-values></property>
    <property name="aliases" kind="set_of_string" default="a, b ,c"/>
    <property name="env" kind="map_string_string" default="id:name,location:"/>
    <method name="ping" label="Ping"/>
    <rule type="regex" pattern="^/" message="starts with a slash"/>
  </type>
  <type-modification type="udm.BaseContainer">
    <property name="team" required="false" category="Ownership"/>
  </type-modification>
</synthetic>`;

  it("reads properties with XL Deploy's defaults and converts default values", () => {
    const { registry, diagnostics } = load(petclinic);
    expect(diagnostics).toEqual([]);
    const home = registry.property("tc.Server", "home")!;
    expect(home).toMatchObject({ kind: "string", required: true, category: "Common", defaultValue: "/opt/tomcat" });
    expect(home.location).toEqual({ file: "ext/file1.xml", line: 4, column: 5 });
    expect(registry.property("tc.Server", "port")).toMatchObject({
      kind: "integer",
      required: false,
      defaultValue: 8080,
    });
    expect(registry.property("tc.Server", "host")).toMatchObject({
      asContainment: true,
      referencedType: "overthere.Host",
    });
    expect(registry.property("tc.DeployedWar", "aliases")?.defaultValue).toEqual(["a", "b", "c"]);
    expect(registry.property("tc.DeployedWar", "env")?.defaultValue).toEqual({ id: "name", location: "" });
    expect(registry.property("tc.DeployedWar", "mode")).toMatchObject({
      enumValues: ["EAGER", "LAZY"],
      defaultValue: "LAZY",
    });
    expect(registry.property("tc.DeployedWar", "restart")?.defaultValue).toBe(true);
    const war = registry.get("tc.DeployedWar")!;
    expect(war.methods).toEqual([{ name: "ping", label: "Ping" }]);
    expect(war.validationRules).toEqual([
      expect.objectContaining({ type: "regex", attributes: { pattern: "^/", message: "starts with a slash" } }),
    ]);
    expect(registry.rootOf("tc.Server")).toBe("Infrastructure");
  });

  it("applies a type-modification to the type and its subtypes", () => {
    const { registry } = load(petclinic);
    for (const type of ["udm.BaseContainer", "tc.Server", "overthere.SshHost"]) {
      expect(registry.property(type, "team")).toMatchObject({
        declaringType: "udm.BaseContainer",
        category: "Ownership",
      });
    }
  });

  it("generates the deployable with the deployed's visible, non-CI properties as strings", () => {
    const { registry } = load(petclinic);
    const war = registry.get("tc.War")!;
    expect(war).toMatchObject({ superType: "udm.BaseDeployableFileArtifact", generatedFrom: "tc.DeployedWar" });
    const own = Object.fromEntries(war.ownProperties.map((p) => [p.name, p]));
    expect(Object.keys(own)).toEqual(["contextRoot", "restart", "mode", "aliases", "env"]);
    expect(own.restart).toMatchObject({ kind: "string", required: false, defaultValue: "true" });
    expect(own.mode).toMatchObject({ kind: "string", defaultValue: "LAZY" });
    expect(own.mode!.enumValues).toBeUndefined();
    expect(own.aliases).toMatchObject({ kind: "set_of_string", defaultValue: ["a", "b", "c"] });
    // `placeholders` of the deployed artifact stays the deployable artifact's own set_of_string.
    expect(registry.property("tc.War", "placeholders")?.kind).toBe("set_of_string");
    expect(registry.isSubtypeOf("tc.War", "udm.Deployable")).toBe(true);
  });

  it("copies defaults only with copy-default-values", () => {
    const { registry } = load(`<synthetic ${ns}>
  <type type="x.D" extends="udm.BaseDeployed" deployable-type="x.S" container-type="overthere.Host">
    <generate-deployable type="x.S" extends="udm.BaseDeployable"/>
    <property name="timeout" kind="integer" default="5"/>
  </type></synthetic>`);
    expect(registry.property("x.S", "timeout")).toMatchObject({ kind: "string", description: "timeout (integer)" });
    expect(registry.property("x.S", "timeout")?.defaultValue).toBeUndefined();
  });

  it("does not depend on file order", () => {
    const sub = `<synthetic ${ns}><type type="b.Sub" extends="a.Base"><property name="extra" required="false"/></type></synthetic>`;
    const base = `<synthetic ${ns}><type type="a.Base" extends="udm.BaseContainer"><property name="home"/></type>
      <type-modification type="b.Sub"><property name="mod" required="false"/></type-modification></synthetic>`;
    const one = load(sub, base);
    const two = load(base, sub);
    expect(one.diagnostics).toEqual([]);
    const names = (r: typeof one) => r.registry.properties("b.Sub").map((p) => `${p.declaringType}.${p.name}`);
    expect(names(one)).toEqual(names(two));
    expect(names(one).slice(-3)).toEqual(["a.Base.home", "b.Sub.extra", "b.Sub.mod"]);
  });

  it("warns when a redeclared property silently becomes a string", () => {
    const { diagnostics } = load(`<synthetic ${ns}>
  <type type="x.Run" extends="generic.ExecutedScript" deployable-type="generic.Resource" container-type="generic.Container">
    <property name="createOrder" default="60" hidden="true"/>
  </type></synthetic>`);
    expect(diagnostics).toEqual([expect.objectContaining({ code: "PW2016", severity: "warning", line: 3 })]);
  });
});

describe("type hierarchy queries", () => {
  const mapping = `<synthetic ${ns}>
  <type type="m.Server" extends="udm.BaseContainer"/>
  <type type="m.SpecialServer" extends="m.Server"/>
  <type type="m.Spec" extends="udm.BaseDeployable"/>
  <type type="m.SpecialSpec" extends="m.Spec"/>
  <type type="m.OnServer" extends="udm.BaseDeployed" deployable-type="m.Spec" container-type="m.Server"/>
  <type type="m.OnSpecialServer" extends="udm.BaseDeployed" deployable-type="m.Spec" container-type="m.SpecialServer"/>
  <type type="m.SpecialOnServer" extends="udm.BaseDeployed" deployable-type="m.SpecialSpec" container-type="m.Server"/>
  <type type="m.Abstract" extends="udm.BaseDeployed" virtual="true" deployable-type="m.Spec" container-type="udm.Container"/>
  <type type="m.Inherits" extends="m.OnServer"/>
</synthetic>`;

  it("picks the most specific deployed type and reports ambiguity as several", () => {
    const { registry, diagnostics } = load(mapping);
    expect(diagnostics).toEqual([]);
    expect(registry.deployedTypesFor("m.Spec", "m.Server")).toEqual(["m.Inherits"]);
    expect(registry.deployedTypesFor("m.Spec", "m.SpecialServer")).toEqual(["m.OnSpecialServer"]);
    expect(registry.deployedTypesFor("m.SpecialSpec", "m.Server")).toEqual(["m.SpecialOnServer"]);
    expect(registry.deployedTypesFor("m.SpecialSpec", "m.SpecialServer")).toEqual([
      "m.OnSpecialServer",
      "m.SpecialOnServer",
    ]);
    expect(registry.deployedTypesFor("m.Spec", "overthere.SshHost")).toEqual([]);
  });

  it("inherits deployable-type and container-type from the supertype", () => {
    const { registry } = load(mapping);
    expect(registry.get("m.Inherits")).toMatchObject({ deployableType: "m.Spec", containerType: "m.Server" });
  });

  it("answers subtype questions through classes and interfaces", () => {
    const { registry } = load(mapping);
    expect(registry.isSubtypeOf("m.SpecialServer", "udm.BaseContainer")).toBe(true);
    expect(registry.isSubtypeOf("m.SpecialServer", "udm.Container")).toBe(true);
    expect(registry.isSubtypeOf("m.Server", "m.SpecialServer")).toBe(false);
    expect(registry.isSubtypeOf("overthere.SshHost", "overthere.HostContainer")).toBe(true);
    expect(registry.ancestors("m.SpecialServer").slice(0, 4)).toEqual([
      "m.SpecialServer",
      "m.Server",
      "udm.BaseContainer",
      "udm.BaseConfigurationItem",
    ]);
    expect(registry.concreteSubtypes("m.Server")).toEqual(["m.Server", "m.SpecialServer"]);
    expect(registry.concreteSubtypes("udm.Deployed")).not.toContain("m.Abstract");
  });
});

describe("built-in types", () => {
  it("read without any diagnostic", () => {
    expect(builtinTypes().flatMap((c) => c.diagnostics)).toEqual([]);
    expect(loadTypes([]).diagnostics).toEqual([]);
  });

  it("map generic deployeds onto any host container through the inherited container-type", () => {
    const { registry, diagnostics } = load(`<synthetic ${ns}>
  <type type="x.Run" extends="generic.ExecutedScript" deployable-type="x.Script">
    <generate-deployable type="x.Script" extends="generic.Resource"/>
  </type>
  <type type="x.Server" extends="generic.Container"/>
</synthetic>`);
    expect(diagnostics).toEqual([]);
    expect(registry.get("x.Run")?.containerType).toBe("overthere.HostContainer");
    expect(registry.deployedTypesFor("x.Script", "overthere.SshHost")).toEqual(["x.Run"]);
    expect(registry.deployedTypesFor("x.Script", "x.Server")).toEqual(["x.Run"]);
    expect(registry.deployedTypesFor("generic.Resource", "x.Server")).toEqual([]);
  });

  it("provide the base types plugins rely on", () => {
    const { registry } = loadTypes([]);
    expect(registry.property("udm.BaseContainer", "deploymentSubSubGroup")?.kind).toBe("integer");
    expect(registry.property("udm.DeployedApplication", "optimizePlan")?.defaultValue).toBe(true);
    expect(registry.property("udm.DeployedApplication", "orchestrator")?.kind).toBe("list_of_string");
    expect(registry.property("udm.Environment", "members")?.referencedType).toBe("udm.Container");
    expect(registry.property("overthere.SshHost", "os")?.enumValues).toEqual(["UNIX", "WINDOWS", "ZOS"]);
    expect(registry.property("overthere.CifsHost", "os")?.defaultValue).toBe("WINDOWS");
    expect(registry.property("generic.Container", "host")?.asContainment).toBe(true);
    expect(registry.property("generic.ExecutedScript", "createOrder")?.defaultValue).toBe(50);
    expect(registry.property("generic.CopiedArtifact", "destroyOrder")?.defaultValue).toBe(40);
    expect(registry.deployedTypesFor("file.File", "overthere.SshHost")).toEqual(["file.DeployedFile"]);
    expect(registry.deployedTypesFor("cmd.Command", "overthere.LocalHost")).toEqual(["cmd.DeployedCommand"]);
    expect(registry.get("generic.Container")?.virtual).toBe(true);
    expect(registry.get("udm.Deployable")?.interface).toBe(true);
  });
});
