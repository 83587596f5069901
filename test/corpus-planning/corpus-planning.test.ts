import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Delta, DeltaSpecification, Operation } from "../../src/delta/model.js";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.js";
import { summarizePlan } from "../../src/plan/plan-summary.js";
import { loadPlanningHome, type PlanningHome } from "../../src/planning/planning-session.js";
import { createPythonRuntime } from "../../src/python/runtime.js";
import type { CiValue, ConfigurationItem } from "../../src/repository/model.js";
import type { PropertyDescriptor, TypeRegistry } from "../../src/types/model.js";
import { CorpusHomes, corpusDirectory, foldersHolding } from "../support/corpus.js";
import { planInOneBlock } from "../support/plan-in-one-block.js";

/**
 * Issue 6 acceptance: for every plugin of ../shared/corpus, a deployment with one deployed of
 * each concrete deployed type its synthetic.xml defines (on a synthesized container, made
 * from a synthesized deployable, required properties given plausible values) is planned as
 * CREATE, MODIFY and DESTROY with the plugin's own rules. The outcome of each plugin — steps
 * planned, or the diagnostic that stopped planning — is compared with
 * corpus-planning.baseline.txt (UPDATE_BASELINES=1 rewrites it). An internal error (a JS
 * exception instead of a diagnostic) fails the test.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = corpusDirectory;
const baselineFile = path.join(here, "corpus-planning.baseline.txt");
const operations: Operation[] = ["CREATE", "MODIFY", "DESTROY"];
const homes = new CorpusHomes();
/** The folder artifact of generic.ExecutedFolder deployeds (without one planning stops with PW8503): empty, so no scripts. */
const emptyFolder = mkdtempSync(path.join(tmpdir(), "corpus-folder-artifact-"));

afterAll(() => {
  homes.removeAll();
  rmSync(emptyFolder, { recursive: true, force: true });
});

/** The concrete deployed types the plugin's synthetic.xml defines. */
function deployedTypes(folder: string, types: TypeRegistry): string[] {
  const file = path.join(folder, "synthetic.xml");
  if (!existsSync(file)) return [];
  const text = readFileSync(file, "utf8").replace(/<!--[\s\S]*?-->/g, "");
  const names = [...text.matchAll(/<type\s[^>]*?type="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(names)]
    .filter((name) => types.has(name) && !types.get(name)!.virtual && types.isSubtypeOf(name, "udm.Deployed"))
    .sort();
}

/** Builds plausible CIs of any type: defaults, and a value of the right kind for each required property. */
class Synthesizer {
  private count = 0;

  constructor(private readonly types: TypeRegistry) {}

  concrete(type: string): string | undefined {
    const { types } = this;
    if (types.has("overthere.SshHost") && types.isSubtypeOf("overthere.SshHost", type)) return "overthere.SshHost";
    if (types.has(type) && !types.get(type)!.virtual) return type;
    return types.concreteSubtypes(type)[0];
  }

  instance(type: string, id: string, depth = 0): ConfigurationItem {
    const values: Record<string, CiValue> = {};
    for (const property of this.types.properties(type)) {
      const value = this.value(property, depth);
      if (value !== undefined) values[property.name] = value;
    }
    return { id, name: id.slice(id.lastIndexOf("/") + 1), type, values };
  }

  private value(property: PropertyDescriptor, depth: number): CiValue | undefined {
    if (property.defaultValue !== undefined && property.defaultValue !== null) return property.defaultValue as CiValue;
    // An optional boolean is a checkbox in XL Deploy: unticked, it reads as False.
    if (property.kind === "boolean") return false;
    if (!property.required && property.name !== "host") return undefined;
    switch (property.kind) {
      case "string":
        return property.password ? "secret" : `${property.name}-value`;
      case "integer":
        return 1;
      case "enum":
        return property.enumValues?.[0];
      case "date":
        return "2024-01-01T00:00:00Z";
      case "set_of_string":
      case "list_of_string":
        return [`${property.name}-item`];
      case "map_string_string":
        return { key: "value" };
      case "set_of_ci":
      case "list_of_ci":
        return [];
      case "ci": {
        const referenced = property.referencedType ? this.concrete(property.referencedType) : undefined;
        if (!referenced || depth > 3) return undefined;
        this.count += 1;
        return this.instance(referenced, `Infrastructure/stub-${this.count}/${property.name}`, depth + 1);
      }
    }
  }
}

interface Synthesized {
  deployeds: ConfigurationItem[];
  problems: string[];
}

/** One deployed per type, each on a container of its container type, made from its deployable. */
function synthesize(types: TypeRegistry, names: string[]): Synthesized {
  const synthesizer = new Synthesizer(types);
  const deployeds: ConfigurationItem[] = [];
  const problems: string[] = [];
  for (const [index, type] of names.entries()) {
    const definition = types.get(type)!;
    const containerType = definition.containerType ? synthesizer.concrete(definition.containerType) : undefined;
    if (!containerType) {
      problems.push(`${type}: no concrete container type for ${definition.containerType ?? "(none)"}`);
      continue;
    }
    const host = synthesizer.instance("overthere.SshHost", `Infrastructure/host-${index}`);
    const container =
      containerType === "overthere.SshHost" ? host : synthesizer.instance(containerType, `${host.id}/container`);
    if (container !== host && types.property(containerType, "host")) container.values.host = host;
    const deployed = synthesizer.instance(type, `${container.id}/${type.replaceAll(".", "-")}`);
    deployed.values.container = container;
    if (types.isSubtypeOf(type, "generic.ExecutedFolder")) {
      deployed.artifact = { path: emptyFolder, checksum: "synthesized" };
    }
    const deployableType = definition.deployableType ? synthesizer.concrete(definition.deployableType) : undefined;
    if (deployableType) {
      deployed.values.deployable = synthesizer.instance(deployableType, `Applications/App/1.0/${deployed.name}`);
    }
    deployeds.push(deployed);
  }
  return { deployeds, problems };
}

function delta(deployed: ConfigurationItem, operation: Operation, types: TypeRegistry): Delta {
  if (operation === "CREATE")
    return { id: deployed.id, operation, deployed, deployedOrPrevious: deployed, changedProperties: [] };
  if (operation === "DESTROY") {
    return { id: deployed.id, operation, previous: deployed, deployedOrPrevious: deployed, changedProperties: [] };
  }
  // MODIFY: the previous version differs in one string property, when there is one.
  const changed = types.properties(deployed.type).find((p) => p.kind === "string" && !p.hidden && !p.password);
  const previous = { ...deployed, values: { ...deployed.values } };
  if (changed) previous.values[changed.name] = `${changed.name}-old`;
  return {
    id: deployed.id,
    operation,
    previous,
    deployed,
    deployedOrPrevious: deployed,
    changedProperties: changed ? [changed.name] : [],
  };
}

/** "ok, N steps", or the first diagnostic that stopped planning; throws on an internal error. */
async function planOperation(home: PlanningHome, deployeds: ConfigurationItem[], operation: Operation) {
  const { types } = home.workspace;
  const environment: ConfigurationItem = { id: "Environments/Test", name: "Test", type: "udm.Environment", values: {} };
  const version: ConfigurationItem = {
    id: "Applications/App/1.0",
    name: "1.0",
    type: "udm.DeploymentPackage",
    values: {},
  };
  const application: ConfigurationItem = {
    id: "Environments/Test/App",
    name: "App",
    type: "udm.DeployedApplication",
    values: { environment, version },
  };
  const deltas = deployeds.map((deployed) => delta(deployed, operation, types));
  const specification: DeltaSpecification = {
    operation: operation === "MODIFY" ? "MODIFY" : operation === "DESTROY" ? "DESTROY" : "CREATE",
    deployedApplication: application,
    ...(operation !== "CREATE" ? { previousDeployedApplication: application } : {}),
    deployedOrPreviousApplication: application,
    deltas,
    rollback: false,
  };
  const result = await planInOneBlock(home, specification);
  if (result.plan) return `ok, ${summarizePlan(result.plan).steps} steps`;
  const first = result.diagnostics[0];
  if (!first) return "failed without a diagnostic";
  const where = first.file ? `${first.file}${first.line ? `:${first.line}` : ""} ` : "";
  return `failed: ${where}${first.code} ${first.message.replace(/\s+/g, " ").slice(0, 160)}`;
}

/** The Python runtime is shared (one interpreter load); its type registry follows the plugin planned. */
function switchableTypes(): { types: TypeRegistry; use(types: TypeRegistry): void } {
  let current: TypeRegistry | undefined;
  const types = new Proxy({} as TypeRegistry, {
    get(_, property: keyof TypeRegistry) {
      const value = current![property];
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
  return { types, use: (next) => (current = next) };
}

describe.skipIf(!existsSync(corpus))("planning every corpus plugin", () => {
  it("plans CREATE, MODIFY and DESTROY of each plugin's deployed types without an internal error", async () => {
    const switchable = switchableTypes();
    const python = createPythonRuntime({ types: switchable.types });
    const lines: string[] = [];
    const internal: string[] = [];
    const folders = foldersHolding(corpus, "xl-rules.xml");
    let clean = 0;
    for (const folder of folders) {
      const name = path.relative(corpus, folder);
      const home = loadPlanningHome(homes.homeFor(folder), { python });
      switchable.use(home.workspace.types);
      const types = deployedTypes(folder, home.workspace.types);
      const { deployeds, problems } = synthesize(home.workspace.types, types);
      const outcomes: string[] = [];
      for (const operation of operations) {
        try {
          outcomes.push(`${operation} ${await planOperation(home, deployeds, operation)}`);
        } catch (error) {
          // A DiagnosticError escaping the planner is as much a bug as any other exception.
          const detail = error instanceof DiagnosticError ? `DiagnosticError ${error.message}` : String(error);
          internal.push(`${name} ${operation}: ${detail}`);
          outcomes.push(`${operation} INTERNAL ERROR ${detail.slice(0, 160)}`);
        }
      }
      if (outcomes.every((outcome) => outcome.includes(" ok, "))) clean += 1;
      const rules = home.rules.all().filter((rule) => rule.kind !== "predefined").length;
      lines.push(`${name}: ${deployeds.length} deployeds of ${types.length} types, ${rules} rules`);
      for (const problem of problems) lines.push(`  not synthesized: ${problem}`);
      for (const outcome of outcomes) lines.push(`  ${outcome}`);
    }
    const withoutInternal = folders.length - new Set(internal.map((line) => line.split(" ")[0])).size;
    const summary = [
      `${withoutInternal} of ${folders.length} plugins plan CREATE, MODIFY and DESTROY without an internal error;`,
      `${clean} of ${folders.length} plan all three without any error.`,
    ].join(" ");
    const text = `${summary}\n${lines.join("\n")}\n`;
    if (process.env.UPDATE_BASELINES === "1") writeFileSync(baselineFile, text);
    expect(internal).toEqual([]);
    expect(text).toBe(readFileSync(baselineFile, "utf8"));
  }, 600_000);
});
