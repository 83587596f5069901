import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Delta, DeltaSpecification, Operation } from "../../src/delta/model.js";
import type { PlanBlock } from "../../src/plan/model.js";
import { planDeployment } from "../../src/planning/planner.js";
import { loadPlanningHome, type PlanningHome } from "../../src/planning/planning-session.js";
import type { CiValue, ConfigurationItem } from "../../src/repository/model.js";
import { createStepConstruction } from "../../src/steps/step-construction.js";
import type { TypeRegistry } from "../../src/types/model.js";
import { CorpusHomes, corpusDirectory, foldersHolding } from "../support/corpus.js";

/**
 * Issue 7 acceptance: for every corpus plugin whose synthetic.xml defines concrete deployed
 * types extending the generic, file or cmd base types, a CREATE and a DESTROY of one
 * synthesized deployed of each such type (on a synthesized container) plan at least one step.
 * The plugin's own xl-rules.xml is loaded for its disable-rules; its rules are switched off,
 * since the corpus holds no planning scripts and they are not what is measured. The per-plugin
 * outcome, with the cause of each type that plans nothing, is compared with
 * corpus-plugins.baseline.txt (UPDATE_BASELINES=1 rewrites it). Target: ≥ 90% of plugins pass.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = corpusDirectory;
const baselineFile = path.join(here, "corpus-plugins.baseline.txt");
const bases = ["generic.AbstractDeployed", "file.DeployedArtifactOnHost", "cmd.DeployedCommand"];
const homes = new CorpusHomes();

afterAll(() => homes.removeAll());

function ownTypes(folder: string, types: TypeRegistry): string[] {
  const text = readFileSync(path.join(folder, "synthetic.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");
  const names = [...text.matchAll(/<type\s[^>]*?type="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(names)]
    .filter((name) => types.has(name) && !types.get(name)!.virtual)
    .filter((name) => bases.some((base) => types.isSubtypeOf(name, base)))
    .sort();
}

/**
 * Causes that are the plugin's own choice, not a gap of Planwright: a blank script or
 * preserveExistingFiles (no step by the reference), a predefined rule the plugin's
 * xl-rules.xml disables (replaced by its script rules), a folder deployed without folder, a
 * container type from a plugin outside the corpus.
 */
const byDesign = [
  "is blank",
  "disabled by its xl-rules.xml",
  "preserveExistingFiles",
  "no folder artifact",
  "no concrete container type",
];

let sequence = 0;

/** A CI of `type` with every default, and a placeholder for each required property without one. */
function instance(type: string, id: string, types: TypeRegistry, depth = 0): ConfigurationItem {
  const values: Record<string, CiValue> = {};
  for (const property of types.properties(type)) {
    if (property.defaultValue !== undefined) values[property.name] = property.defaultValue as CiValue;
    else if (!property.required) continue;
    else if (property.kind === "string") values[property.name] = `${property.name}-value`;
    else if (property.kind === "integer") values[property.name] = 1;
    else if (property.kind === "boolean") values[property.name] = false;
    else if (property.kind === "enum" && property.enumValues?.[0]) values[property.name] = property.enumValues[0];
    else if (property.kind === "ci" && property.referencedType && depth < 3) {
      const referenced = concrete(property.referencedType, types);
      if (referenced) values[property.name] = instance(referenced, `${id}-${property.name}`, types, depth + 1);
    }
  }
  return { id, name: id.slice(id.lastIndexOf("/") + 1), type, values };
}

function concrete(type: string, types: TypeRegistry): string | undefined {
  if (types.has("overthere.SshHost") && types.isSubtypeOf("overthere.SshHost", type)) return "overthere.SshHost";
  return types.concreteSubtypes(type)[0];
}

function containerType(type: string, types: TypeRegistry): string | undefined {
  for (const ancestor of types.ancestors(type)) {
    const found = types.get(ancestor)?.containerType;
    if (found) return found;
  }
  return undefined;
}

function countSteps(block: PlanBlock): number {
  return block.kind === "interleaved" ? block.steps.length : block.blocks.reduce((n, b) => n + countSteps(b), 0);
}

/** Steps of one CREATE or DESTROY of a synthesized deployed of `type`, or why there are none. */
async function plan(home: PlanningHome, type: string, operation: "CREATE" | "DESTROY"): Promise<string | undefined> {
  const { types, repository } = home.workspace;
  const target = containerType(type, types);
  const containerTypeName = target ? concrete(target, types) : undefined;
  if (!containerTypeName) return `no concrete container type for ${target ?? "(none)"}`;
  sequence += 1;
  const container = instance(containerTypeName, `Infrastructure/host-${sequence}/container`, types);
  const deployed = instance(type, `${container.id}/deployed`, types);
  deployed.values.container = container;
  const environment = instance("udm.Environment", "Environments/Test", types);
  const application: ConfigurationItem = {
    id: "Environments/Test/App",
    name: "App",
    type: "udm.DeployedApplication",
    values: { environment },
  };
  const delta: Delta =
    operation === "CREATE"
      ? { id: deployed.id, operation, deployed, deployedOrPrevious: deployed, changedProperties: [] }
      : { id: deployed.id, operation, previous: deployed, deployedOrPrevious: deployed, changedProperties: [] };
  const specification: DeltaSpecification = {
    operation,
    deployedApplication: application,
    deployedOrPreviousApplication: application,
    deltas: [delta],
    rollback: false,
  };
  const result = await planDeployment({
    specification,
    orchestration: { kind: "interleaved", description: "corpus", deltas: [delta] },
    orchestrators: [],
    rules: home.rules,
    stepRegistry: home.steps,
    steps: createStepConstruction({ steps: home.steps, types, repository }),
    types,
    repository,
    python: home.python,
  });
  if (!result.plan) {
    const first = result.diagnostics[0];
    return first ? `${first.code} ${first.message.slice(0, 140)}` : "no plan";
  }
  if (countSteps(result.plan.root) > 0) return undefined;
  return emptyCause(home, type, operation, deployed);
}

function emptyCause(home: PlanningHome, type: string, operation: Operation, deployed: ConfigurationItem): string {
  const { types } = home.workspace;
  const disabled = home.rules
    .all()
    .filter((rule) => rule.kind === "predefined" && rule.disabled && rule.conditions.types.includes(type))
    .filter((rule) => rule.conditions.operations.includes(operation));
  if (disabled.length > 0) return `no step: ${disabled.map((r) => r.name).join(", ")} disabled by its xl-rules.xml`;
  if (types.isSubtypeOf(type, "generic.ExecutedFolder")) return "no step: no folder artifact to list scripts from";
  if (operation === "DESTROY" && deployed.values.preserveExistingFiles === true) {
    return "no step: preserveExistingFiles keeps the copied files";
  }
  const script = operation === "CREATE" ? "createScript" : "destroyScript";
  if (types.isSubtypeOf(type, "generic.ExecutedScript") && !String(deployed.values[script] ?? "").trim()) {
    return `no step: ${script} is blank`;
  }
  return "no step";
}

describe.skipIf(!existsSync(corpus))("corpus plugins built on generic, file and cmd", () => {
  it("plan at least one step for a CREATE and a DESTROY of each such deployed type", async () => {
    const lines: string[] = [];
    let relevant = 0;
    let passing = 0;
    let explained = 0;
    for (const folder of foldersHolding(corpus, "synthetic.xml")) {
      const home = loadPlanningHome(homes.homeFor(folder));
      // The corpus has no planning scripts: measure the predefined rules, with the file's disable-rules.
      for (const rule of home.rules.all()) if (rule.kind !== "predefined") home.rules.disable(rule.name, rule.location);
      const deployedTypes = ownTypes(folder, home.workspace.types);
      if (deployedTypes.length === 0) continue;
      relevant += 1;
      const failures: string[] = [];
      for (const type of deployedTypes) {
        for (const operation of ["CREATE", "DESTROY"] as const) {
          const cause = await plan(home, type, operation).catch((error: unknown) => `internal error: ${String(error)}`);
          if (cause) failures.push(`    ${type} ${operation}: ${cause}`);
        }
      }
      const name = path.relative(corpus, folder).split(path.sep)[0];
      if (failures.length === 0) passing += 1;
      if (failures.every((failure) => byDesign.some((cause) => failure.includes(cause)))) explained += 1;
      lines.push(`${failures.length === 0 ? "ok  " : "FAIL"} ${name} (${deployedTypes.length} types)`, ...failures);
    }
    const summary = [
      `${passing} of ${relevant} plugins plan a step for every CREATE and DESTROY;`,
      `${explained} of ${relevant} do or plan none only where the plugin itself says so`,
    ].join(" ");
    const text = `${summary}\n${lines.join("\n")}\n`;
    if (process.env.UPDATE_BASELINES === "1") writeFileSync(baselineFile, text);
    expect(text).toBe(readFileSync(baselineFile, "utf8"));
    expect(explained / relevant).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
