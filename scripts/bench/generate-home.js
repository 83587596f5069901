// Writes a Planwright home for the benchmark (issue 6, item 8): N deployeds over N/10
// containers (ten per host) and 100 rules — 90 XML rules with expression conditions and
// descriptions, 10 script rules — in every scope, against ten deployed types. With
// `scriptRules: false` the ten script rules become XML rules that add the same steps, which is
// the mix of DESIGN §6 ("XML rules with expressions").
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const deployableTypes = 10;
export const containersPerHost = 10;

/** Creates the home under `directory` and returns the request to plan. */
export function generateHome(directory, deployeds, { scriptRules = true } = {}) {
  const containers = Math.max(1, Math.round(deployeds / deployableTypes));
  const hosts = Math.max(1, Math.ceil(containers / containersPerHost));
  write(directory, "ext/synthetic.xml", syntheticXml());
  write(directory, "ext/xl-rules.xml", rulesXml(scriptRules));
  if (scriptRules) for (const [file, text] of Object.entries(scripts())) write(directory, `ext/${file}`, text);
  write(directory, "repository/infrastructure.yaml", infrastructureYaml(hosts, containers));
  write(directory, "repository/environments.yaml", environmentYaml(containers));
  write(directory, "repository/applications.yaml", applicationYaml());
  return {
    home: directory,
    packageId: "Applications/Bench/1.0",
    environmentId: "Environments/Bench",
    deployeds: containers * deployableTypes,
    containers,
  };
}

function write(home, file, text) {
  const target = path.join(home, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}

function syntheticXml() {
  const types = [];
  for (let k = 0; k < deployableTypes; k++) {
    types.push(`  <type type="bench.Module${k}" extends="udm.BaseDeployable">
    <property name="contextRoot" required="false"/>
    <property name="weight" kind="integer" required="false" default="1"/>
  </type>
  <type type="bench.DeployedModule${k}" extends="udm.BaseDeployed" deployable-type="bench.Module${k}" container-type="bench.Server">
    <property name="contextRoot" required="false"/>
    <property name="weight" kind="integer" required="false" default="1"/>
  </type>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">
  <type type="bench.Server" extends="udm.BaseContainer">
    <property name="host" kind="ci" referenced-type="overthere.Host" as-containment="true"/>
    <property name="port" kind="integer" default="8080"/>
  </type>
${types.join("\n")}
</synthetic>
`;
}

const description = (verb) =>
  `<description expression="true">"${verb} %s on %s" % (deployed.name, deployed.container.name)</description>`;

/** Eight XML rules per deployed type: the operations, with and without expressions. */
function deployedTypeRules(k) {
  const type = `bench.DeployedModule${k}`;
  const conditions = (operations, expression) =>
    `<conditions><type>${type}</type>${operations.map((o) => `<operation>${o}</operation>`).join("")}${
      expression ? `<expression>${expression}</expression>` : ""
    }</conditions>`;
  return [
    `<rule name="bench.m${k}.deploy" scope="deployed">${conditions(["CREATE"])}
    <steps><os-script>${description("Deploy")}<script>bench/deploy</script></os-script></steps></rule>`,
    `<rule name="bench.m${k}.heavy" scope="deployed">${conditions(["CREATE"], "deployed.weight &gt; 5")}
    <steps><noop><order expression="true">60 + deployed.weight</order>${description("Warm up")}</noop></steps></rule>`,
    `<rule name="bench.m${k}.context" scope="deployed">${conditions(["CREATE"], "deployed.contextRoot.startswith('/app')")}
    <steps><noop><description expression="true">'Check context root %s of %s' % (deployed.contextRoot, deployed.name)</description></noop></steps></rule>`,
    `<rule name="bench.m${k}.even-port" scope="deployed">${conditions(["CREATE"], "deployed.container.port % 2 == 0")}
    <steps><wait><order>65</order><description>Wait for the port</description><seconds>1</seconds></wait></steps></rule>`,
    `<rule name="bench.m${k}.modify" scope="deployed">${conditions(["MODIFY"])}
    <steps><os-script>${description("Stop")}<order>45</order><script>bench/stop</script></os-script><checkpoint completed="DESTROY"/>
    <os-script>${description("Start")}<script>bench/start</script></os-script><checkpoint completed="CREATE"/></steps></rule>`,
    `<rule name="bench.m${k}.destroy" scope="deployed">${conditions(["DESTROY"])}
    <steps><os-script>${description("Remove")}<script>bench/remove</script></os-script></steps></rule>`,
    `<rule name="bench.m${k}.noop" scope="deployed">${conditions(["NOOP"], "deployed.weight == 0")}
    <steps><noop>${description("Verify")}</noop></steps></rule>`,
    `<rule name="bench.m${k}.unix" scope="deployed">${conditions(["CREATE", "MODIFY"], "deployed.container.host.os == 'UNIX' and deployed.weight &lt; 9")}
    <steps><os-script>${description("Configure")}<order>72</order><script>bench/configure</script></os-script></steps></rule>`,
  ];
}

function rulesXml(scriptRules) {
  const rules = [];
  for (let k = 0; k < deployableTypes; k++) rules.push(...deployedTypeRules(k));
  for (let i = 0; i < 4; i++) {
    rules.push(`<rule name="bench.any.${i}" scope="deployed"><conditions><type>udm.BaseDeployed</type><operation>CREATE</operation>
    <expression>deployed.name == 'module-${i}'</expression></conditions>
    <steps><noop><order>${80 + i}</order><description expression="true">'Audit %s' % deployed.id</description></noop></steps></rule>`);
  }
  for (const scope of ["plan", "pre-plan", "post-plan"]) {
    rules.push(`<rule name="bench.${scope}.always" scope="${scope}">
    <steps><noop><description>Always (${scope})</description></noop></steps></rule>`);
    rules.push(`<rule name="bench.${scope}.bench-only" scope="${scope}"><conditions>
    <expression>deployedApplication.environment.name == 'Bench'</expression></conditions>
    <steps><noop><order>55</order><description expression="true">'Environment %s (${scope})' % deployedApplication.environment.name</description></noop></steps></rule>`);
  }
  rules.push(...(scriptRules ? scriptRuleXml() : scriptRuleEquivalents()));
  return `<?xml version="1.0" encoding="UTF-8"?>
<rules xmlns="http://www.xebialabs.com/xl-deploy/xl-rules">
  ${rules.join("\n  ")}
</rules>
`;
}

function scriptRuleXml() {
  const rules = [];
  for (let k = 0; k < 7; k++) {
    rules.push(`<rule name="bench.script.m${k}" scope="deployed"><conditions><type>bench.DeployedModule${k}</type><operation>CREATE</operation></conditions>
    <planning-script-path>bench/register.py</planning-script-path></rule>`);
  }
  for (const scope of ["plan", "pre-plan", "post-plan"]) {
    rules.push(
      `<rule name="bench.script.${scope}" scope="${scope}"><planning-script-path>bench/${scope}.py</planning-script-path></rule>`,
    );
  }
  return rules;
}

/** XML rules with the conditions and steps of the script rules below. */
function scriptRuleEquivalents() {
  const rules = [];
  for (let k = 0; k < 7; k++) {
    rules.push(`<rule name="bench.script.m${k}" scope="deployed"><conditions><type>bench.DeployedModule${k}</type><operation>CREATE</operation>
    <expression>deployed.weight &gt;= 2</expression></conditions>
    <steps><noop><order>75</order><description expression="true">"Register %s in the service catalogue" % deployed.name</description></noop></steps></rule>`);
  }
  const steps = {
    plan: `<order>95</order><description expression="true">"Smoke test %d deployeds" % len(deltas.deltas)</description>`,
    "pre-plan": `<order>5</order><description expression="true">"Announce %d changes" % len(specification.deltas)</description>`,
    "post-plan": `<order>99</order><description expression="true">"Report on %s" % deployedApplication.name</description>`,
  };
  for (const [scope, step] of Object.entries(steps)) {
    rules.push(`<rule name="bench.script.${scope}" scope="${scope}"><steps><noop>${step}</noop></steps></rule>`);
  }
  return rules;
}

function scripts() {
  return {
    "bench/register.py": `if deployed.weight >= 2:
    context.addStep(steps.noop(description="Register %s in the service catalogue" % deployed.name, order=75))
`,
    "bench/plan.py": `names = [d.deployedOrPrevious.name for d in deltas.deltas]
if names:
    context.addStep(steps.noop(description="Smoke test %d deployeds" % len(names), order=95))
`,
    "bench/pre-plan.py": `context.addStep(steps.noop(description="Announce %d changes" % len(specification.deltas), order=5))
`,
    "bench/post-plan.py": `context.addStep(steps.noop(description="Report on %s" % deployedApplication.name, order=99))
`,
  };
}

function infrastructureYaml(hosts, containers) {
  const lines = ["apiVersion: xl-deploy/v1", "kind: Infrastructure", "spec:"];
  for (let h = 0; h < hosts; h++) {
    lines.push(
      `- name: Infrastructure/host-${pad(h)}`,
      "  type: overthere.SshHost",
      "  os: UNIX",
      `  address: 10.${(h >> 8) & 255}.${h & 255}.1`,
      "  username: deployer",
      "  password: bench-secret",
      "  children:",
    );
    for (let c = h * containersPerHost; c < Math.min(containers, (h + 1) * containersPerHost); c++) {
      lines.push(
        `  - name: server-${pad(c)}`,
        "    type: bench.Server",
        `    port: ${8000 + (c % 100)}`,
        `    deploymentGroup: ${1 + (c % 3)}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

function environmentYaml(containers) {
  const lines = [
    "apiVersion: xl-deploy/v1",
    "kind: Environments",
    "spec:",
    "- name: Environments/Bench",
    "  type: udm.Environment",
    "  members:",
  ];
  for (let c = 0; c < containers; c++)
    lines.push(`  - Infrastructure/host-${pad(Math.floor(c / containersPerHost))}/server-${pad(c)}`);
  return `${lines.join("\n")}\n`;
}

function applicationYaml() {
  const lines = [
    "apiVersion: xl-deploy/v1",
    "kind: Applications",
    "spec:",
    "- name: Applications/Bench",
    "  type: udm.Application",
    "  children:",
    "  - name: '1.0'",
    "    type: udm.DeploymentPackage",
    "    orchestrator:",
    "    - sequential-by-deployment-group",
    "    - parallel-by-container",
    "    deployables:",
  ];
  for (let k = 0; k < deployableTypes; k++) {
    lines.push(
      `    - name: module-${k}`,
      `      type: bench.Module${k}`,
      `      contextRoot: /app${k}`,
      `      weight: ${k}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function pad(n) {
  return String(n).padStart(4, "0");
}
