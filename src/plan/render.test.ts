import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  databasePassword,
  fixtureTypes,
  sshPassword,
  undeployPlan,
  updatePlan,
} from "../../test/fixtures/petclinic-plan.js";
import { type PlanFormat, planFormats, renderPlan } from "./render.js";

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), "testdata");
const extensions: Record<PlanFormat, string> = { text: "txt", json: "json", dot: "dot", mermaid: "mmd" };

/** Golden files: `UPDATE_BASELINES=1 npx vitest run src/plan` rewrites them; review the diff. */
function expectBaseline(name: string, actual: string): void {
  const file = path.join(testdata, name);
  if (process.env.UPDATE_BASELINES === "1" || !existsSync(file)) {
    mkdirSync(testdata, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("every format", () => {
  for (const format of planFormats) {
    it(`renders the update plan as ${format} like its baseline`, () => {
      expectBaseline(
        `petclinic-update.baseline.${extensions[format]}`,
        renderPlan(updatePlan, format, { types: fixtureTypes }),
      );
    });

    it(`never prints a password in ${format}`, () => {
      const output = renderPlan(updatePlan, format, { types: fixtureTypes, color: true });
      expect(output).not.toContain(databasePassword);
      expect(output).not.toContain(sshPassword);
    });
  }

  it("renders the undeploy plan as text like its baseline", () => {
    expectBaseline("petclinic-undeploy.baseline.txt", renderPlan(undeployPlan, "text", { types: fixtureTypes }));
  });
});
