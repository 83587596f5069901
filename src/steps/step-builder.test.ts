import { describe, expect, it } from "vitest";
import { rulesXml, testTypes } from "../../test/rules/rules-home.js";
import type { Delta, Operation } from "../delta/model.js";
import type { ConfigurationItem } from "../repository/model.js";
import type { RuleScope, SourceText, StepTemplate } from "../rules/model.js";
import { readRulesFile } from "../rules/rules-reader.js";
import { descriptionVerbs } from "./calculated-parameters.js";
import { buildStep, buildStepFromArguments, macroStepDescriptor, type StepBuildContext } from "./step-builder.js";
import { createStepRegistry, type StepCatalogue } from "./step-catalogue.js";

const types = testTypes();

const host: ConfigurationItem = { id: "Infrastructure/web", name: "web", type: "overthere.SshHost", values: {} };
const otherHost: ConfigurationItem = { id: "Infrastructure/db", name: "db", type: "overthere.SshHost", values: {} };
const server: ConfigurationItem = { id: "Infrastructure/web/srv", name: "srv", type: "test.Server", values: { host } };
const bareServer: ConfigurationItem = { id: "Infrastructure/srv2", name: "srv2", type: "test.Server", values: {} };
const file: ConfigurationItem = {
  id: "Infrastructure/web/srv/app",
  name: "app",
  type: "test.DeployedFile",
  values: { container: server },
};
const oldFile: ConfigurationItem = { ...file, values: { container: server, targetPath: "/old" } };
const thing: ConfigurationItem = {
  id: "Infrastructure/web/thing",
  name: "thing",
  type: "test.Thing",
  values: { container: host },
};
const repository = new Map([host, otherHost, server].map((ci) => [ci.id, ci]));

function delta(operation: Operation, deployed: ConfigurationItem, previous = deployed): Delta {
  return {
    id: deployed.id,
    operation,
    ...(operation !== "DESTROY" ? { deployed } : {}),
    ...(operation !== "CREATE" ? { previous } : {}),
    deployedOrPrevious: operation === "DESTROY" ? previous : deployed,
    changedProperties: [],
  };
}

/** Expressions the tests use, with the values Python would give. */
const expressionValues: Record<string, unknown> = {
  "deployed.container.host": host,
  "'db'": "db",
  "60": 60,
  '"60"': "60",
  "1.5": 1.5,
  None: null,
  "{'a': 1}": new Map([["a", 1]]),
  deployedApplication: { id: "Environments/Dev/App" },
};

function evaluate(expression: SourceText, extra?: Record<string, unknown>): unknown {
  const macro = /^macro\['(\w+)'\]$/.exec(expression.source);
  if (macro) return (extra?.macro as Record<string, unknown> | undefined)?.[macro[1]!];
  if (!(expression.source in expressionValues)) throw new Error(`no test value for ${expression.source}`);
  return expressionValues[expression.source];
}

function context(scope: RuleScope, d?: Delta, steps: StepCatalogue = createStepRegistry()): StepBuildContext {
  return {
    rule: "r",
    scope,
    ...(d ? { delta: d } : {}),
    types,
    steps,
    evaluate,
    resolveCi: (id) => repository.get(id),
  };
}

/** The first step of `<steps>` written in XML, as the rules reader gives it. */
function template(xml: string): StepTemplate {
  const read = readRulesFile(
    rulesXml(`<rule name="r" scope="plan"><steps>\n${xml}\n</steps></rule>`),
    "ext/xl-rules.xml",
  );
  const rule = read.rules[0]!;
  if (rule.kind !== "xml") throw new Error("expected an XML rule");
  return rule.steps[0]!;
}

function build(xml: string, scope: RuleScope = "deployed", d: Delta | undefined = delta("CREATE", file)) {
  const result = buildStep(template(xml), context(scope, d));
  if (!result.ok) throw new Error(result.diagnostics.map((x) => `${x.code} ${x.message}`).join("\n"));
  return result.step;
}

function problems(xml: string, scope: RuleScope = "deployed", d: Delta | undefined = delta("CREATE", file)) {
  const result = buildStep(template(xml), context(scope, d));
  return result.ok ? [] : result.diagnostics.map((x) => `${x.code} ${x.line}:${x.column} ${x.message}`);
}

describe("predefined steps: parameter conversion", () => {
  it("noop: order converted to an integer, description kept", () => {
    expect(build("<noop><order>61</order><description>hello</description></noop>")).toEqual({
      type: "noop",
      order: 61,
      description: "hello",
      parameters: {},
    });
  });

  it("wait: seconds converted; a bad number names rule, step and parameter", () => {
    expect(build("<wait><seconds>5</seconds></wait>").parameters).toEqual({ seconds: 5 });
    const result = buildStep(
      template("<wait><seconds>five</seconds></wait>"),
      context("deployed", delta("CREATE", file)),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({
      code: "PW5010",
      rule: "r",
      file: "ext/xl-rules.xml",
      line: 3,
      column: 7,
      message: "Cannot convert the string 'five' to integer for parameter 'seconds' of step wait",
    });
  });

  it("upload: booleans, calculated target-host and artifact", () => {
    expect(
      build("<upload><target-path>/t</target-path><create-target-path>TRUE</create-target-path></upload>"),
    ).toEqual({
      type: "upload",
      order: 70,
      description: "Create app on srv",
      parameters: { "target-host": host, artifact: file, "target-path": "/t", "create-target-path": true },
    });
  });

  it("delete: target-path text, target-host by id from the repository", () => {
    expect(
      build("<delete><target-path>/t</target-path><target-host>Infrastructure/db</target-host></delete>").parameters,
    ).toEqual({
      "target-host": otherHost,
      "target-path": "/t",
    });
    expect(
      problems("<delete><target-path>/t</target-path><target-host>Infrastructure/none</target-host></delete>"),
    ).toEqual(["PW5011 3:38 No configuration item 'Infrastructure/none' for parameter 'target-host' of step delete"]);
    expect(
      problems("<delete><target-path>/t</target-path><target-host>Infrastructure/web/srv</target-host></delete>"),
    ).toEqual([
      "PW5012 3:38 Parameter 'target-host' of step delete needs a overthere.Host, but Infrastructure/web/srv is a test.Server",
    ]);
  });

  it("template: map entries from sub-tags, text as strings, expressions as values", () => {
    const step = build(`<template><template-path>t.ftl</template-path><target-path>/t</target-path>
      <freemarker-context><name>x</name><app expression="true">deployedApplication</app></freemarker-context></template>`);
    expect(step.parameters["freemarker-context"]).toEqual({
      deployed: file,
      name: "x",
      app: { id: "Environments/Dev/App" },
    });
  });

  it("os-script: list from <value>, boolean, explicit target-host wins", () => {
    const step = build(`<os-script><script>s/run</script><upload-artifacts>false</upload-artifacts>
      <target-host expression="true">deployed.container.host</target-host>
      <classpath-resources><value>a.ftl</value><value>b</value></classpath-resources></os-script>`);
    expect(step.parameters).toEqual({
      "target-host": host,
      script: "s/run",
      "freemarker-context": { deployed: file },
      "classpath-resources": ["a.ftl", "b"],
      "upload-artifacts": false,
    });
  });

  it("powershell: powershell-context gets deployed and previousDeployed for MODIFY", () => {
    const step = build("<powershell><script>x.ps1</script></powershell>", "deployed", delta("MODIFY", file, oldFile));
    expect(step.parameters["powershell-context"]).toEqual({ deployed: file, previousDeployed: oldFile });
  });

  it("jython: script-path is an alias of script; DESTROY gives only previousDeployed", () => {
    const step = build(
      "<jython><script-path>x.py</script-path></jython>",
      "deployed",
      delta("DESTROY", oldFile, oldFile),
    );
    expect(step.parameters).toEqual({ script: "x.py", "jython-context": { previousDeployed: oldFile } });
  });

  it("manual: mail-to list, message template", () => {
    const step = build(
      "<manual><description>d</description><message-template>m.md</message-template><mail-to><value>a@b</value></mail-to></manual>",
      "plan",
      undefined,
    );
    expect(step).toMatchObject({ order: 50, parameters: { "message-template": "m.md", "mail-to": ["a@b"] } });
  });

  it("manual in plan scope needs its description", () => {
    expect(problems("<manual/>", "plan", undefined)).toEqual([
      "PW5020 3:1 Step manual needs parameter 'description', which cannot be calculated outside the deployed scope (this rule's scope is plan)",
    ]);
  });

  it("create-ci: the CI written as an element named after its type", () => {
    const step = build(
      `<create-ci><ci><overthere.SshHost><id>Infrastructure/new</id><os>UNIX</os></overthere.SshHost></ci></create-ci>`,
    );
    expect(step.parameters.ci).toEqual({
      id: "Infrastructure/new",
      name: "new",
      type: "overthere.SshHost",
      values: { os: "UNIX" },
    });
  });

  it("expressions must give the parameter's kind; None means not given", () => {
    expect(build('<wait><seconds expression="true">60</seconds></wait>').parameters.seconds).toBe(60);
    expect(build('<wait><seconds expression="true">"60"</seconds></wait>').parameters.seconds).toBe(60);
    expect(problems('<wait><seconds expression="true">1.5</seconds></wait>')).toEqual([
      "PW5010 3:7 Cannot convert the number 1.5 to integer for parameter 'seconds' of step wait",
    ]);
    expect(build('<noop><order expression="true">None</order></noop>').order).toBe(70);
    expect(problems('<wait><seconds expression="true">None</seconds></wait>')).toEqual([
      "PW5003 3:1 Step wait needs parameter 'seconds'",
    ]);
  });

  it("an unknown step type or parameter is reported", () => {
    expect(problems("<nope/>")).toEqual(["PW5001 3:1 Unknown step type <nope>"]);
    expect(problems("<noop><colour>red</colour></noop>")).toEqual(["PW5002 3:7 Step noop has no parameter 'colour'"]);
  });
});

describe("calculated parameters", () => {
  const orders: [RuleScope, Delta | undefined, number][] = [
    ["pre-plan", undefined, 50],
    ["plan", undefined, 50],
    ["post-plan", undefined, 50],
    ["deployed", delta("CREATE", file), 70],
    ["deployed", delta("MODIFY", file), 70],
    ["deployed", delta("NOOP", file), 70],
    ["deployed", delta("DESTROY", file), 30],
    ["deployed", delta("CREATE", thing), 60],
    ["deployed", delta("MODIFY", thing), 60],
    ["deployed", delta("NOOP", thing), 60],
    ["deployed", delta("DESTROY", thing), 40],
  ];
  for (const [scope, d, order] of orders) {
    it(`order is ${order} for ${scope} ${d ? `${d.operation} of ${d.deployedOrPrevious.type}` : ""}`, () => {
      expect(build("<noop><description>d</description></noop>", scope, d).order).toBe(order);
    });
  }

  it("an explicit order wins", () => {
    expect(build("<noop><order>99</order></noop>", "deployed", delta("DESTROY", file)).order).toBe(99);
  });

  it("description: verb by operation, deployed name, container name; DESTROY uses the previous deployed", () => {
    for (const operation of ["CREATE", "MODIFY", "NOOP"] as const) {
      expect(build("<noop/>", "deployed", delta(operation, file)).description).toBe(
        `${descriptionVerbs[operation]} app on srv`,
      );
    }
    const moved = { ...oldFile, name: "old-app", values: { container: bareServer } };
    expect(build("<noop/>", "deployed", delta("DESTROY", file, moved)).description).toBe("Destroy old-app on srv2");
  });

  it("target-host: the container when it is a host", () => {
    expect(
      build("<delete><target-path>/t</target-path></delete>", "deployed", delta("CREATE", thing)).parameters[
        "target-host"
      ],
    ).toBe(host);
  });

  it("target-host: the container's host property when it holds a host", () => {
    expect(build("<delete><target-path>/t</target-path></delete>").parameters["target-host"]).toBe(host);
  });

  it("target-host: the container of the previous deployed for DESTROY", () => {
    const previous = { ...thing, values: { container: otherHost } };
    const step = build("<delete><target-path>/t</target-path></delete>", "deployed", delta("DESTROY", thing, previous));
    expect(step.parameters["target-host"]).toBe(otherHost);
  });

  it("target-host: cannot be calculated for a container without a host, nor outside deployed scope", () => {
    const orphan = { ...file, values: { container: bareServer } };
    expect(problems("<delete><target-path>/t</target-path></delete>", "deployed", delta("CREATE", orphan))).toEqual([
      "PW5020 3:1 Step delete needs parameter 'target-host', which cannot be calculated because container Infrastructure/srv2 is not an overthere.Host and has no host",
    ]);
    expect(
      problems("<delete><description>d</description><target-path>/t</target-path></delete>", "post-plan", undefined),
    ).toEqual([
      "PW5020 3:1 Step delete needs parameter 'target-host', which cannot be calculated outside the deployed scope (this rule's scope is post-plan)",
    ]);
  });

  it("artifact: the deployed when it is an artifact, otherwise must be given", () => {
    expect(build("<upload><target-path>/t</target-path></upload>").parameters.artifact).toBe(file);
    expect(problems("<upload><target-path>/t</target-path></upload>", "deployed", delta("CREATE", thing))).toEqual([
      "PW5020 3:1 Step upload needs parameter 'artifact', which cannot be calculated because Infrastructure/web/thing (test.Thing) is not a udm.Artifact",
    ]);
  });

  it("contexts: CREATE adds deployed only; explicit entries win over calculated ones", () => {
    const step = build(`<os-script><script>s</script><freemarker-context>
      <previousDeployed expression="true">None</previousDeployed><deployed>mine</deployed></freemarker-context></os-script>`);
    expect(step.parameters["freemarker-context"]).toEqual({ deployed: "mine", previousDeployed: null });
  });

  it("contexts: NOOP adds both; outside deployed scope nothing is added", () => {
    expect(
      build("<jython><script>x.py</script></jython>", "deployed", delta("NOOP", file, oldFile)).parameters[
        "jython-context"
      ],
    ).toEqual({ deployed: file, previousDeployed: oldFile });
    expect(
      build("<jython><description>d</description><script>x.py</script></jython>", "plan", undefined).parameters,
    ).toEqual({ script: "x.py" });
  });
});

describe("steps from planning scripts", () => {
  const args = (name: string, values: Record<string, unknown>, d = delta("CREATE", file)) =>
    buildStepFromArguments(name, values, context("deployed", d));

  it("accepts underscores, dashes and camelCase for step and parameter names", () => {
    for (const [name, key] of [
      ["os_script", "target_host"],
      ["os-script", "target-host"],
      ["os_script", "targetHost"],
    ] as const) {
      const result = args(name, { script: "s", [key]: otherHost, freemarker_context: new Map([["x", 1]]) });
      expect(result).toEqual({
        ok: true,
        step: {
          type: "os-script",
          order: 70,
          description: "Create app on srv",
          parameters: { "target-host": otherHost, script: "s", "freemarker-context": { deployed: file, x: 1 } },
        },
      });
    }
  });

  it("reports unknown keywords, the same parameter twice and values of the wrong kind", () => {
    const codes = (result: ReturnType<typeof args>) => (result.ok ? [] : result.diagnostics.map((d) => d.code));
    expect(codes(args("noop", { colour: "red" }))).toEqual(["PW5002"]);
    expect(codes(args("os_script", { script: "s", target_host: host, targetHost: host }))).toEqual(["PW5004"]);
    expect(codes(args("wait", { seconds: true }))).toEqual(["PW5010"]);
    expect(codes(args("upload", { target_path: "/t", artifact: thing }))).toEqual(["PW5012"]);
    expect(codes(args("no_such_step", {}))).toEqual(["PW5001"]);
  });
});

describe("step macros", () => {
  const read = readRulesFile(
    rulesXml(`<step-macro name="kubectlApply">
  <parameters>
    <parameter name="resource" type="string"/>
    <parameter name="order" type="integer"/>
    <parameter name="targetHost" type="ci"/>
  </parameters>
  <steps>
    <os-script>
      <order expression="true">macro['order']</order>
      <target-host expression="true">macro['targetHost']</target-host>
      <script>k8s/apply</script>
      <freemarker-context><resource expression="true">macro['resource']</resource></freemarker-context>
    </os-script>
  </steps>
</step-macro>`),
    "ext/xl-rules.xml",
  );
  const steps = createStepRegistry();
  steps.add(macroStepDescriptor(read.macros[0]!));

  it("builds the macro's step with the `macro` dict; missing parameters are None and calculated", () => {
    const result = buildStep(
      template("<kubectlApply><resource>deployment</resource><order>55</order></kubectlApply>"),
      context("deployed", delta("CREATE", file), steps),
    );
    expect(result).toEqual({
      ok: true,
      step: {
        type: "os-script",
        order: 55,
        description: "Create app on srv",
        parameters: {
          "target-host": host,
          script: "k8s/apply",
          "freemarker-context": { deployed: file, resource: "deployment" },
        },
      },
    });
  });

  it("is called from scripts by its verbatim name and parameter names", () => {
    const result = buildStepFromArguments(
      "kubectlApply",
      { resource: "svc", targetHost: otherHost },
      context("deployed", delta("CREATE", file), steps),
    );
    expect(result.ok && result.step.parameters["target-host"]).toBe(otherHost);
    expect(result.ok && result.step.order).toBe(70);
  });

  it("converts macro parameters to their declared types", () => {
    const result = buildStep(
      template("<kubectlApply><order>soon</order></kubectlApply>"),
      context("deployed", delta("CREATE", file), steps),
    );
    expect(result.ok ? [] : result.diagnostics.map((d) => d.code)).toEqual(["PW5010"]);
  });
});
