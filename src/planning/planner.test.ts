import { describe, expect, it } from "vitest";
import type { Delta, DeltaSpecification, Operation } from "../delta/model.js";
import { diagnostic } from "../diagnostics/catalogue.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import type { OrchestrationBlock } from "../orchestration/model.js";
import type { PlanBlock, PlannedStep } from "../plan/model.js";
import type { CompiledExpression, CompiledScript, PythonRuntime } from "../python/api.js";
import { type HostObject, PyKeywords } from "../python/host-object.js";
import type { ConfigurationItem, Repository } from "../repository/model.js";
import type { Rule, RuleScope, SourceText, StepTemplate } from "../rules/model.js";
import { RuleRegistry } from "../rules/rule-registry.js";
import type { StepDescriptor, StepRegistry } from "../steps/model.js";
import type { TypeRegistry } from "../types/model.js";
import { type PlanningInput, planDeployment, type RuleEvaluation } from "./planner.js";
import type { StepConstruction } from "./step-construction.js";

// A stand-in Python runtime: "sources" are keys of a table of JS functions over the bindings,
// so these tests pin the planner's behaviour independently of the Python stage.
type PyFunction = (bindings: Record<string, unknown>) => unknown;
function fakePython(table: Record<string, PyFunction>): PythonRuntime {
  const lookup = (source: SourceText) => {
    const fn = table[source.source];
    if (!fn) throw new Error(`no fake for ${source.source}`);
    return fn;
  };
  return {
    compileExpression: (text) => ({ source: text, fastPath: true }),
    compileScript: (text) => ({ source: text }),
    needsInterpreter: () => false,
    load: async () => {},
    interpreterLoaded: false,
    evaluate: (compiled: CompiledExpression, bindings) => lookup(compiled.source)(bindings),
    evaluateForDisplay: (compiled: CompiledExpression, bindings) => {
      const value = lookup(compiled.source)(bindings);
      return { type: typeof value === "string" ? "unicode" : "int", repr: JSON.stringify(value), json: value };
    },
    runScript: (compiled: CompiledScript, bindings) => {
      lookup(compiled.source)(bindings);
    },
  };
}

const ancestry: Record<string, string[]> = {
  "test.War": ["test.War", "udm.BaseDeployedArtifact", "udm.BaseDeployed", "udm.Deployed"],
  "test.Datasource": ["test.Datasource", "udm.BaseDeployed", "udm.Deployed"],
};
const types = {
  has: (name: string) => name in ancestry,
  ancestors: (name: string) => ancestry[name] ?? [name],
  isSubtypeOf: (name: string, ancestor: string) => (ancestry[name] ?? [name]).includes(ancestor),
} as unknown as TypeRegistry;

const stepRegistry: StepRegistry = {
  get: (name) => ({ name, description: "", parameters: [], source: "builtin" }) as StepDescriptor,
  all: () => [],
  resolveName: (name) => name.replaceAll("_", "-"),
};

// Steps: description and order from the parameters, else calculated as the manual says.
const construction: StepConstruction = {
  fromTemplate(template, site, evaluate) {
    const values: Record<string, unknown> = {};
    for (const p of template.parameters)
      values[p.name] = p.form === "expression" ? evaluate(p.expression) : p.form === "text" ? p.text : null;
    return this.fromScript(template.type, values, site);
  },
  fromScript(type, parameters, site) {
    const { description, order, ...rest } = parameters;
    const calculatedOrder = site.scope !== "deployed" ? 50 : site.delta?.operation === "DESTROY" ? 40 : 60;
    return {
      type,
      description: String(description ?? `${site.delta?.operation} ${site.delta?.deployedOrPrevious.name}`),
      order: order === undefined ? calculatedOrder : Number(order),
      parameters: rest,
    };
  },
};

const repository = {
  get: () => undefined,
  exists: () => false,
  children: () => [],
  findByType: () => [],
  all: () => [],
} as Repository;

function ci(id: string, type: string, values: ConfigurationItem["values"] = {}): ConfigurationItem {
  return { id, name: id.split("/").at(-1)!, type, values };
}

function delta(id: string, type: string, operation: Operation): Delta {
  const item = ci(id, type);
  return {
    id,
    operation,
    ...(operation !== "CREATE" ? { previous: item } : {}),
    ...(operation !== "DESTROY" ? { deployed: item } : {}),
    deployedOrPrevious: item,
    changedProperties: [],
  };
}

const at = { file: "ext/xl-rules.xml", line: 3, column: 5 };
let order = 0;
function src(source: string): SourceText {
  return { source, location: at };
}
function xmlRule(
  name: string,
  scope: RuleScope,
  steps: StepTemplate[],
  conditions: Partial<Rule["conditions"]> = {},
): Rule {
  return {
    kind: "xml",
    name,
    scope,
    steps,
    conditions: { types: [], operations: [], ...conditions },
    location: at,
    disabled: false,
    order: order++,
  };
}
function scriptRule(
  name: string,
  scope: RuleScope,
  script: string,
  conditions: Partial<Rule["conditions"]> = {},
): Rule {
  return {
    kind: "script",
    name,
    scope,
    scriptPath: `${name}.py`,
    script: src(script),
    conditions: { types: [], operations: [], ...conditions },
    location: at,
    disabled: false,
    order: order++,
  };
}
function noop(
  description: string,
  extra: StepTemplate["parameters"] = [],
  checkpoint?: StepTemplate["checkpoint"],
): StepTemplate {
  return {
    type: "noop",
    parameters: [{ form: "text", name: "description", text: description, location: at }, ...extra],
    location: at,
    ...(checkpoint ? { checkpoint } : {}),
  };
}
function orderParam(value: number): StepTemplate["parameters"][number] {
  return { form: "text", name: "order", text: String(value), location: at };
}

function input(
  deltas: Delta[],
  rules: Rule[],
  table: Record<string, PyFunction> = {},
  orchestration?: OrchestrationBlock,
): PlanningInput {
  const application = ci("Environments/Dev/App", "udm.DeployedApplication", { optimizePlan: true });
  const specification: DeltaSpecification = {
    operation: "CREATE",
    deployedApplication: application,
    deployedOrPreviousApplication: application,
    deltas,
    rollback: false,
  };
  return {
    specification,
    orchestration: orchestration ?? {
      kind: "interleaved",
      description: "Deploying App 1.0 on environment Dev",
      deltas,
    },
    orchestrators: [],
    rules: registry(rules),
    stepRegistry,
    steps: construction,
    types,
    repository,
    python: fakePython(table),
  };
}

function registry(rules: Rule[]): RuleRegistry {
  const result = new RuleRegistry(types);
  for (const rule of rules) {
    const disabled = rule.disabled;
    result.register(rule);
    if (disabled) result.disable(rule.name, at);
  }
  return result;
}

function steps(block: PlanBlock | undefined): PlannedStep[] {
  if (!block) return [];
  return block.kind === "interleaved" ? block.steps : block.blocks.flatMap(steps);
}

const web = delta("Infrastructure/h/tomcat/web", "test.War", "CREATE");
const ds = delta("Infrastructure/h/tomcat/ds", "test.Datasource", "CREATE");

describe("planDeployment", () => {
  it("contributes per delta in block order, deployed rules in registration order, then plan rules; then stable-sorts by order", async () => {
    const rules = [
      xmlRule("plan.Stop", "plan", [noop("stop", [orderParam(10)])]),
      xmlRule("Deploy", "deployed", [noop("deploy")], { types: ["udm.BaseDeployed"], operations: ["CREATE"] }),
      xmlRule("Artifact", "deployed", [noop("artifact")], {
        types: ["udm.BaseDeployedArtifact"],
        operations: ["CREATE"],
      }),
      xmlRule("plan.Check", "plan", [noop("check")]),
    ];
    const { plan, diagnostics } = await planDeployment(input([web, ds], rules));
    expect(diagnostics).toEqual([]);
    expect(steps(plan?.root).map((s) => `${s.order} ${s.description} ${s.rule} ${s.deployed ?? "-"}`)).toEqual([
      "10 stop plan.Stop -",
      "50 check plan.Check -",
      "60 deploy Deploy Infrastructure/h/tomcat/web",
      "60 artifact Artifact Infrastructure/h/tomcat/web",
      "60 deploy Deploy Infrastructure/h/tomcat/ds",
    ]);
  });

  it("puts pre-plan steps in a first block and post-plan steps in a last block", async () => {
    const rules = [
      xmlRule("post", "post-plan", [noop("after", [orderParam(1)])]),
      xmlRule("pre", "pre-plan", [noop("before", [orderParam(99)])]),
      xmlRule("Deploy", "deployed", [noop("deploy")], { types: ["udm.Deployed"], operations: ["CREATE"] }),
    ];
    const { plan } = await planDeployment(input([web], rules));
    const root = plan!.root;
    expect(root.kind).toBe("serial");
    expect(
      root.kind === "serial" && root.blocks.map((b) => `${b.description}: ${steps(b).map((s) => s.description)}`),
    ).toEqual(["Pre-plan steps: before", "Deploying App 1.0 on environment Dev: deploy", "Post-plan steps: after"]);
  });

  it("applies a rule only when the operation matches and the expression is True", async () => {
    const rules = [
      xmlRule("OnlyDestroy", "deployed", [noop("x")], { types: ["udm.Deployed"], operations: ["DESTROY"] }),
      xmlRule("Named", "deployed", [noop("named")], {
        types: ["udm.Deployed"],
        operations: ["CREATE"],
        expression: src("deployed.name == 'web'"),
      }),
    ];
    const table = {
      "deployed.name == 'web'": (b: Record<string, unknown>) => (b.deployed as ConfigurationItem).name === "web",
    };
    const { plan } = await planDeployment(input([web, ds], rules, table));
    expect(steps(plan?.root).map((s) => `${s.description} ${s.deployed}`)).toEqual([
      "named Infrastructure/h/tomcat/web",
    ]);
  });

  it("fails planning with PW8001 when a condition is not a Boolean, and returns no plan", async () => {
    const rules = [
      xmlRule("NotBool", "deployed", [noop("x")], {
        types: ["udm.Deployed"],
        operations: ["CREATE"],
        expression: src("1"),
      }),
    ];
    const result = await planDeployment(input([web], rules, { "1": () => 1 }));
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: "PW8001", rule: "NotBool", file: "ext/xl-rules.xml", line: 3, column: 5 }),
    ]);
    expect(result.diagnostics[0]!.message).toContain("returned int 1");
  });

  it("stops at a failing rule, keeps the runtime's diagnostic and names the rule", async () => {
    const rules = [scriptRule("Broken", "plan", "boom", {})];
    const failing = {
      boom: () => {
        throw new DiagnosticError([
          diagnostic("PW8002", { rule: "Broken", detail: "ZeroDivisionError" }, { file: "ext/Broken.py", line: 2 }),
        ]);
      },
    };
    const result = await planDeployment(input([web], rules, failing));
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: "Broken", file: "ext/Broken.py", line: 2 })]);
  });

  it("marks XML checkpoints with the completed operation, and gives other deltas the implicit one on their last step", async () => {
    const modifyWeb = delta("Infrastructure/h/tomcat/web", "test.War", "MODIFY");
    const rules = [
      xmlRule(
        "ModifyWar",
        "deployed",
        [
          noop("delete", [orderParam(30)], { completed: "DESTROY", location: at }),
          noop("upload", [orderParam(70)], { completed: "CREATE", location: at }),
        ],
        { types: ["test.War"], operations: ["MODIFY"] },
      ),
      xmlRule("Ds", "deployed", [noop("ds late", [orderParam(80)]), noop("ds early", [orderParam(20)])], {
        types: ["test.Datasource"],
        operations: ["CREATE"],
      }),
    ];
    const { plan } = await planDeployment(input([modifyWeb, ds], rules));
    expect(steps(plan?.root).map((s) => `${s.order} ${s.description} ${s.checkpoint}`)).toEqual([
      "20 ds early null",
      "30 delete DESTROY",
      "70 upload CREATE",
      "80 ds late CREATE",
    ]);
  });

  it("gives scripts the planning context: addStep, addStepWithCheckpoint with an operation, shared attributes", async () => {
    const call = (object: unknown, method: string, ...args: unknown[]) =>
      ((object as HostObject).pyGetAttr(method) as (...a: unknown[]) => unknown)(...args);
    const table: Record<string, PyFunction> = {
      "first(context, steps, delta)": (b) => {
        call(b.context, "setAttribute", "seen", ["web"]);
        const step = call(b.steps, "noop", new PyKeywords({ description: "first", order: 10 }));
        call(b.context, "addStepWithCheckpoint", step, b.delta, "DESTROY");
      },
      "second(context, steps, deltas, delta)": (b) => {
        const seen = call(b.context, "getAttribute", "seen") as string[];
        call(b.context, "addStep", call(b.steps, "noop", new PyKeywords({ description: `after ${seen.join()}` })));
        expect("delta" in b).toBe(false);
        expect((b.deltas as HostObject).pyGetAttr("deltas")).toEqual([web]);
      },
    };
    const rules = [
      scriptRule("First", "deployed", "first(context, steps, delta)", { types: ["test.War"], operations: ["CREATE"] }),
      scriptRule("Second", "plan", "second(context, steps, deltas, delta)"),
    ];
    const { plan, diagnostics } = await planDeployment(input([web], rules, table));
    expect(diagnostics).toEqual([]);
    expect(steps(plan?.root).map((s) => `${s.order} ${s.description} ${s.rule} ${s.scope} ${s.checkpoint}`)).toEqual([
      "10 first First deployed DESTROY",
      "50 after web Second plan null",
    ]);
  });

  it("reports a script step added to the context that is not a step", async () => {
    const table: Record<string, PyFunction> = {
      "bad(context)": (b) => ((b.context as HostObject).pyGetAttr("addStep") as (s: unknown) => void)("text"),
    };
    const result = await planDeployment(input([web], [scriptRule("Bad", "pre-plan", "bad(context)")], table));
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "PW8002", rule: "Bad" })]);
    expect(result.diagnostics[0]!.message).toContain("context.addStep expects a step");
  });

  it("keeps the structure when optimizePlan is false, and simplifies it otherwise", async () => {
    const orchestration: OrchestrationBlock = {
      kind: "parallel",
      description: "all",
      blocks: [{ kind: "interleaved", description: "web only", deltas: [web] }],
    };
    const rules = [
      xmlRule("Deploy", "deployed", [noop("deploy")], { types: ["udm.Deployed"], operations: ["CREATE"] }),
    ];
    const simplified = await planDeployment(input([web], rules, {}, orchestration));
    expect(simplified.plan!.root.kind).toBe("interleaved");
    const kept = await planDeployment({ ...input([web], rules, {}, orchestration), optimizePlan: false });
    expect(kept.plan!.root.kind).toBe("parallel");
  });

  it("traces every rule considered with the first condition that failed", async () => {
    const disabled = {
      ...xmlRule("Off", "deployed", [noop("x")], { types: ["udm.Deployed"], operations: ["CREATE"] }),
      disabled: true,
    };
    const rules = [
      disabled,
      xmlRule("WrongType", "deployed", [noop("x")], { types: ["test.Datasource"], operations: ["CREATE"] }),
      xmlRule("WrongOp", "deployed", [noop("x")], { types: ["test.War"], operations: ["MODIFY"] }),
      xmlRule("False", "deployed", [noop("x")], {
        types: ["test.War"],
        operations: ["CREATE"],
        expression: src("False"),
      }),
      xmlRule("Fires", "deployed", [noop("x"), noop("y")], { types: ["test.War"], operations: ["CREATE"] }),
    ];
    const seen: RuleEvaluation[] = [];
    await planDeployment({ ...input([web], rules, { False: () => false }), trace: (e) => seen.push(e) });
    expect(seen.map((e) => `${e.rule.name} ${e.outcome} ${e.steps ?? ""}`.trim())).toEqual([
      "Off disabled",
      "WrongType type",
      "WrongOp operation",
      "False expression",
      "Fires fired 2",
    ]);
  });
});
