import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

/**
 * `explain --format json` of the PetClinic example, initial 1.0 and update 1.0 → 2.0, against
 * baselines (`UPDATE_BASELINES=1` rewrites them), and joined with `plan --format json`: every
 * block and step place the explanation names is that block or step in the plan.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const home = path.resolve(here, "../../examples/petclinic");

const requests: Record<string, string[]> = {
  "initial-1.0": ["--package", "Applications/PetClinic/1.0", "--environment", "Environments/Dev"],
  "update-1.0-2.0": [
    "--package",
    "Applications/PetClinic/2.0",
    "--environment",
    "Environments/Dev",
    "--from",
    "Applications/PetClinic/1.0",
  ],
};

interface ExplainedRule {
  name: string;
  fired: boolean;
  steps: string[];
}

interface ExplainDocument {
  explainFormat: string;
  blocks: {
    description: string;
    planPath: string | null;
    deltas: { rules: ExplainedRule[] }[];
    rules: ExplainedRule[];
  }[];
  steps: { planPath: string; rule: string; description: string; order: number }[];
}

function expectBaseline(file: string, actual: string): void {
  if (process.env.UPDATE_BASELINES === "1" || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

/** The value a JSON pointer names in `document`. */
function resolve(document: unknown, pointer: string): Record<string, unknown> {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], document) as Record<string, unknown>;
}

describe("explain --format json of the PetClinic example", () => {
  for (const [name, args] of Object.entries(requests)) {
    it(`explains ${name} like its baseline`, async () => {
      const run = await runCli(["explain", "--home", home, ...args, "--format", "json"]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expectBaseline(path.join(here, `petclinic-explain-${name}.baseline.json`), run.stdout);
    });

    it(`names the blocks and steps of the plan JSON for ${name}`, async () => {
      const explained = JSON.parse((await runCli(["explain", "--home", home, ...args, "--format", "json"])).stdout);
      const plan = JSON.parse((await runCli(["plan", "--home", home, ...args, "--format", "json"])).stdout);
      const explanation = explained as ExplainDocument;
      expect(explanation.explainFormat).toBe("1.0");
      const planStepCount = plan.summary.steps as number;
      expect(explanation.steps).toHaveLength(planStepCount);
      for (const step of explanation.steps) {
        expect(resolve(plan, step.planPath)).toMatchObject({
          rule: step.rule,
          description: step.description,
          order: step.order,
        });
      }
      for (const block of explanation.blocks) {
        const rules = [...block.rules, ...block.deltas.flatMap((d) => d.rules)];
        const pointers = rules.flatMap((rule) => rule.steps);
        for (const pointer of pointers) {
          expect(pointer.startsWith(`${block.planPath}/`), `${pointer} lies in ${block.planPath}`).toBe(true);
          expect(rules.find((rule) => rule.steps.includes(pointer))!.name).toBe(resolve(plan, pointer).rule);
        }
        if (block.planPath !== null) expect(resolve(plan, block.planPath).description).toBe(block.description);
      }
      const pointed = explanation.blocks.flatMap((b) =>
        [...b.rules, ...b.deltas.flatMap((d) => d.rules)].flatMap((r) => r.steps),
      );
      expect(new Set(pointed).size).toBe(planStepCount);
    });
  }
});
