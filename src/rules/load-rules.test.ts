import { describe, expect, it } from "vitest";
import { loadHome, rulesXml, writeHome } from "../../test/rules/rules-home.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** Loads ext/xl-rules.xml with the given rules and returns the diagnostics as `code line:col`. */
function problems(body: string, extra: Record<string, string> = {}): string[] {
  const home = writeHome({ "ext/xl-rules.xml": rulesXml(body), ...extra });
  return loadHome(home).diagnostics.map(where);
}

function where(d: Diagnostic): string {
  return `${d.code} ${d.file}:${d.line}:${d.column}`;
}

const file = "ext/xl-rules.xml";

describe("rules validation", () => {
  it("accepts a correct XML rule and a correct script rule", () => {
    const body = `<rule name="a" scope="deployed">
  <conditions><type>test.DeployedFile</type><operation>CREATE</operation><expression>deployed.name</expression></conditions>
  <steps><noop><order>60</order><description>x</description></noop></steps>
</rule>
<rule name="b" scope="post-plan"><planning-script-path>scripts/b.py</planning-script-path></rule>`;
    expect(problems(body, { "ext/scripts/b.py": "pass\n" })).toEqual([]);
  });

  it("reports a missing scope", () => {
    expect(problems(`<rule name="a"><steps><noop/></steps></rule>`)).toEqual([`PW4011 ${file}:2:1`]);
  });

  it("reports an unknown scope", () => {
    expect(problems(`<rule name="a" scope="global"><steps><noop/></steps></rule>`)).toEqual([`PW4012 ${file}:2:1`]);
  });

  it("requires type and operation in deployed scope", () => {
    expect(problems(`<rule name="a" scope="deployed">\n  <conditions/>\n  <steps><noop/></steps></rule>`)).toEqual([
      `PW4020 ${file}:3:3`,
      `PW4021 ${file}:3:3`,
    ]);
  });

  it("rejects type and operation outside deployed scope", () => {
    const body = `<rule name="a" scope="plan">
  <conditions>
    <type>test.DeployedFile</type>
    <operation>CREATE</operation>
  </conditions>
  <planning-script-path>p.py</planning-script-path></rule>`;
    expect(problems(body, { "ext/p.py": "" })).toEqual([`PW4022 ${file}:4:5`, `PW4022 ${file}:5:5`]);
  });

  it("rejects unknown condition types and types that are not deployeds", () => {
    const body = `<rule name="a" scope="deployed">
  <conditions>
    <type>test.Nope</type>
    <type>test.Server</type>
    <type>test.SpecialFile</type>
    <operation>CREATE</operation>
  </conditions>
  <steps><noop/></steps></rule>`;
    expect(problems(body)).toEqual([`PW4023 ${file}:4:5`, `PW4024 ${file}:5:5`]);
  });

  it("warns when a condition type's plugin is missing, so it is no deployed", () => {
    const body = `<rule name="a" scope="deployed">
  <conditions>
    <type>test.Orphan</type>
    <operation>CREATE</operation>
  </conditions>
  <steps><noop/></steps></rule>`;
    const synthetic = `<synthetic><type type="test.Orphan" extends="was.Module" deployable-type="udm.Deployable" container-type="udm.Container"/></synthetic>`;
    const found = loadHome(writeHome({ [file]: rulesXml(body) }), undefined, synthetic).diagnostics;
    expect(found.map(where)).toEqual([`PW4028 ${file}:4:5`]);
    expect(found[0]!.message).toContain("extends was.Module, which no loaded plugin defines");
  });

  it("rejects unknown operations", () => {
    const body = `<rule name="a" scope="deployed">
  <conditions><type>test.Thing</type>
    <operation>create</operation><operation>MODIFY</operation></conditions>
  <steps><noop/></steps></rule>`;
    expect(problems(body)).toEqual([`PW4025 ${file}:4:5`]);
  });

  it("requires exactly one of steps and planning-script-path", () => {
    const both = `<rule name="a" scope="plan"><steps><noop><description>d</description></noop></steps>
  <planning-script-path>p.py</planning-script-path></rule>`;
    expect(problems(both, { "ext/p.py": "" })).toEqual([`PW4030 ${file}:3:3`]);
    expect(problems(`<rule name="a" scope="plan"/>`)).toEqual([`PW4031 ${file}:2:1`]);
  });

  it("reports a planning script that is not on the classpath, escapes it, or is not Python", () => {
    const body = `<rule name="a" scope="plan">
  <planning-script-path>missing.py</planning-script-path></rule>
<rule name="b" scope="plan">
  <planning-script-path>../outside.py</planning-script-path></rule>
<rule name="c" scope="plan">
  <planning-script-path>deploy.sh.ftl</planning-script-path></rule>`;
    const found = problems(body, { "ext/deploy.sh.ftl": "echo" });
    expect(found).toEqual([`PW4032 ${file}:3:3`, `PW1005 ${file}:5:3`, `PW4033 ${file}:7:3`]);
  });

  it("finds planning scripts in plugins as well as in ext", () => {
    const body = `<rule name="a" scope="plan"><planning-script-path>lib/p.py</planning-script-path></rule>`;
    expect(problems(body, { "plugins/lib-plugin/lib/p.py": "pass" })).toEqual([]);
  });

  it("reports unknown step types, unknown parameters and missing required parameters", () => {
    const body = `<rule name="a" scope="deployed">
  <conditions><type>test.DeployedFile</type><operation>CREATE</operation></conditions>
  <steps>
    <fly-away/>
    <wait>
      <minutes>3</minutes>
    </wait>
    <upload><target-path>/tmp</target-path></upload>
  </steps></rule>`;
    expect(problems(body)).toEqual([
      `PW5001 ${file}:5:5`,
      `PW5002 ${file}:7:7`,
      `PW5003 ${file}:6:5`,
      // upload's artifact and target-host are calculated in deployed scope: no problem.
    ]);
  });

  it("reports parameters that cannot be calculated outside the deployed scope", () => {
    const body = `<rule name="a" scope="pre-plan">
  <steps>
    <os-script><script>x</script></os-script>
  </steps></rule>`;
    const found = loadHome(writeHome({ [file]: rulesXml(body) })).diagnostics;
    expect(found.map(where)).toEqual([`PW5020 ${file}:4:5`, `PW5020 ${file}:4:5`]);
    expect(found.map((d) => d.message)).toEqual([
      "Step os-script needs parameter 'description', which cannot be calculated outside the deployed scope (this rule's scope is pre-plan)",
      "Step os-script needs parameter 'target-host', which cannot be calculated outside the deployed scope (this rule's scope is pre-plan)",
    ]);
  });

  it("reports literal values that do not convert to the parameter's kind", () => {
    const body = `<rule name="a" scope="deployed">
  <conditions><type>test.DeployedFile</type><operation>CREATE</operation></conditions>
  <steps>
    <wait><order>soon</order><seconds>5</seconds></wait>
    <upload><target-path>/t</target-path><create-target-path>yes</create-target-path></upload>
    <wait><seconds><value>1</value></seconds></wait>
    <os-script><script>s</script><classpath-resources><file>a</file></classpath-resources></os-script>
  </steps></rule>`;
    expect(problems(body)).toEqual([
      `PW5010 ${file}:5:11`,
      `PW5010 ${file}:6:42`,
      `PW5005 ${file}:7:11`,
      `PW5006 ${file}:8:34`,
    ]);
  });

  it("checks checkpoints: scope, count, MODIFY pairs, completed values, position", () => {
    const rule = (name: string, scope: string, operations: string, steps: string) =>
      `<rule name="${name}" scope="${scope}">${
        scope === "deployed" ? `<conditions><type>test.Thing</type>${operations}</conditions>` : ""
      }<steps>${steps}</steps></rule>`;
    const create = "<operation>CREATE</operation>";
    const modify = "<operation>MODIFY</operation>";
    const step = "<noop/>";
    const cases: [string, string[]][] = [
      [rule("a", "plan", "", `<noop><description>d</description></noop>\n<checkpoint/>`), [`PW4040 ${file}:3:1`]],
      [rule("a", "deployed", create, `${step}<checkpoint/>${step}\n<checkpoint/>`), [`PW4041 ${file}:3:1`]],
      [
        rule(
          "a",
          "deployed",
          modify,
          `${step}<checkpoint completed="DESTROY"/>${step}<checkpoint completed="CREATE"/>`,
        ),
        [],
      ],
      [rule("a", "deployed", modify, `${step}<checkpoint/>${step}\n<checkpoint/>`), [`PW4045 ${file}:3:1`]],
      [
        rule("a", "deployed", modify, `${step}<checkpoint/>${step}<checkpoint/>${step}\n<checkpoint/>`),
        [`PW4042 ${file}:3:1`],
      ],
      [rule("a", "deployed", create, `${step}\n<checkpoint completed="MODIFY"/>`), [`PW4043 ${file}:3:1`]],
      [rule("a", "deployed", create, `\n<checkpoint/>${step}`), [`PW4044 ${file}:3:1`]],
    ];
    for (const [body, expected] of cases) expect(problems(body), body).toEqual(expected);
  });

  it("reports rules without a name and unexpected elements", () => {
    const body = `<rule scope="plan"/>
<rule name="a" scope="plan"><planning-script-path>p.py</planning-script-path><planning-script/></rule>
<rulez/>`;
    expect(problems(body, { "ext/p.py": "" })).toEqual([
      `PW4010 ${file}:2:1`,
      `PW4003 ${file}:3:78`,
      `PW4003 ${file}:4:1`,
    ]);
  });

  it("keeps rule names as written, spaces included", () => {
    const home = writeHome({
      [file]: rulesXml(
        `<rule name="Example rule " scope="plan"><planning-script-path>p.py</planning-script-path></rule>`,
      ),
      "ext/p.py": "",
    });
    expect(
      loadHome(home)
        .rules.all()
        .map((r) => r.name),
    ).toEqual(["Example rule "]);
  });

  it("accepts every namespace of DESIGN §3 and none, and warns about others", () => {
    for (const namespace of [
      "http://www.xebialabs.com/deployit/xl-rules",
      "http://www.xebialabs.com/xl-deploy/rules",
      "http://www.xebialabs.com/deploy/xl-rules",
    ]) {
      const home = writeHome({ [file]: `<rules xmlns="${namespace}"/>` });
      expect(loadHome(home).diagnostics).toEqual([]);
    }
    expect(loadHome(writeHome({ [file]: "<rules/>" })).diagnostics).toEqual([]);
    expect(loadHome(writeHome({ [file]: '<rules xmlns="urn:other"/>' })).diagnostics.map(where)).toEqual([
      `PW4002 ${file}:1:1`,
    ]);
    expect(loadHome(writeHome({ [file]: "<rule/>" })).diagnostics.map(where)).toEqual([`PW4001 ${file}:1:1`]);
  });

  it("keeps the exact position of expressions", () => {
    const body = `<rule name="a" scope="deployed">
  <conditions><type>test.Thing</type><operation>CREATE</operation>
    <expression>
        deployed.name == 'x'
    </expression></conditions>
  <steps><noop><description expression="true">"d"</description></noop></steps></rule>`;
    const rule = loadHome(writeHome({ [file]: rulesXml(body) })).rules.get("a")!;
    expect(rule.conditions.expression).toEqual({
      source: "deployed.name == 'x'",
      location: { file, line: 5, column: 9 },
    });
    expect(rule.kind === "xml" && rule.steps[0]!.parameters[0]).toMatchObject({
      form: "expression",
      expression: { source: '"d"', location: { file, line: 7, column: 47 } },
    });
  });
});

describe("rule registry across files", () => {
  it("reports a duplicate name in two files, naming both places", () => {
    const rule = `<rule name="dup" scope="plan"><planning-script-path>p.py</planning-script-path></rule>`;
    const home = writeHome({
      "ext/xl-rules.xml": rulesXml(rule),
      "ext/p.py": "",
      "plugins/a-plugin/xl-rules.xml": rulesXml(`\n${rule}`),
    });
    const loaded = loadHome(home);
    // Plugins register before ext/, so the ext rule is the duplicate.
    expect(loaded.diagnostics.map(where)).toEqual([`PW4013 ${file}:2:1`]);
    expect(loaded.diagnostics[0]!.message).toBe("Rule name 'dup' is already used at plugins/a-plugin/xl-rules.xml:3:1");
    expect(loaded.rules.get("dup")!.location.file).toBe("plugins/a-plugin/xl-rules.xml");
  });

  it("applies disable-rule written before the rule and in another file; warns about unknown names", () => {
    const home = writeHome({
      "plugins/a/xl-rules.xml": rulesXml(`<disable-rule name="late"/>\n<disable-rule name="ghost"/>`),
      "ext/xl-rules.xml": rulesXml(
        `<disable-rule name="same-file"/>
<rule name="same-file" scope="plan"><planning-script-path>p.py</planning-script-path></rule>
<rule name="late" scope="plan"><planning-script-path>p.py</planning-script-path></rule>
<rule name="kept" scope="plan"><planning-script-path>p.py</planning-script-path></rule>`,
      ),
      "ext/p.py": "",
    });
    const loaded = loadHome(home);
    expect(loaded.diagnostics.map(where)).toEqual([`PW4050 plugins/a/xl-rules.xml:3:1`]);
    expect(loaded.diagnostics[0]!.severity).toBe("warning");
    expect(loaded.rules.all().map((r) => [r.name, r.disabled])).toEqual([
      ["same-file", true],
      ["late", true],
      ["kept", false],
    ]);
    expect(loaded.rules.rulesFor("plan").map((r) => r.name)).toEqual(["kept"]);
  });

  it("registers plugins by name, then ext/, in document order", () => {
    const rule = (name: string) =>
      `<rule name="${name}" scope="plan"><planning-script-path>p.py</planning-script-path></rule>`;
    const home = writeHome({
      "ext/xl-rules.xml": rulesXml(rule("e1") + rule("e2")),
      "ext/p.py": "",
      "plugins/b/xl-rules.xml": rulesXml(rule("b1")),
      "plugins/a/xl-rules.xml": rulesXml(rule("a2") + rule("a1")),
    });
    const loaded = loadHome(home);
    expect(loaded.rules.all().map((r) => [r.name, r.order])).toEqual([
      ["a2", 0],
      ["a1", 1],
      ["b1", 2],
      ["e1", 3],
      ["e2", 4],
    ]);
  });
});

describe("step macros", () => {
  const macro = `<step-macro name="kubectlApply">
  <parameters>
    <parameter name="resource" type="string"/>
    <parameter name="when" type="date"/>
  </parameters>
  <steps><os-script><script>k</script><freemarker-context><r expression="true">macro['resource']</r></freemarker-context></os-script></steps>
</step-macro>`;

  it("are registered as steps that rules of any file can use, with verbatim parameter names", () => {
    const home = writeHome({
      "plugins/k8s/xl-rules.xml": rulesXml(macro),
      [file]: rulesXml(`<rule name="a" scope="deployed">
  <conditions><type>test.Thing</type><operation>CREATE</operation></conditions>
  <steps><kubectlApply><resource>svc</resource><colour>red</colour></kubectlApply></steps></rule>`),
    });
    const loaded = loadHome(home);
    expect(loaded.steps.get("kubectlApply")?.parameters.map((p) => p.name)).toEqual(["resource", "when"]);
    expect(loaded.diagnostics.map(where)).toEqual(["PW4061 plugins/k8s/xl-rules.xml:5:5", `PW5002 ${file}:4:48`]);
  });

  it("must have exactly one step and a name no other step has", () => {
    const home = writeHome({
      [file]: rulesXml(`<step-macro name="noop"><steps><noop/></steps></step-macro>
<step-macro name="two"><steps><noop/><noop/></steps></step-macro>`),
    });
    expect(loadHome(home).diagnostics.map(where)).toEqual([`PW4060 ${file}:3:24`, `PW5030 ${file}:2:1`]);
  });
});
