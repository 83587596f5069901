import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderPlan } from "../../src/plan/render.js";
import { loadPlanningHome, planRequest } from "../../src/planning/planning-session.js";
import type { DeploymentRequest } from "../../src/specification/model.js";

/**
 * What `npm run demo` prints (and the README shows): the example's plans for the initial
 * deployment of 1.0 and the update 1.0 → 2.0. `UPDATE_BASELINES=1` rewrites the baselines.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const home = path.resolve(here, "../../examples/petclinic");

const requests: Record<string, DeploymentRequest> = {
  "initial-1.0": {
    kind: "deploy",
    packageId: "Applications/PetClinic/1.0",
    environmentId: "Environments/Dev",
  },
  "update-1.0-2.0": {
    kind: "deploy",
    packageId: "Applications/PetClinic/2.0",
    environmentId: "Environments/Dev",
    fromPackageId: "Applications/PetClinic/1.0",
  },
};

function expectBaseline(file: string, actual: string): void {
  if (process.env.UPDATE_BASELINES === "1" || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("the PetClinic demo", () => {
  const planningHome = loadPlanningHome(home);

  it("loads without diagnostics", () => {
    expect(planningHome.diagnostics).toEqual([]);
  });

  for (const [name, request] of Object.entries(requests)) {
    it(`plans ${name} like its baseline`, async () => {
      const result = await planRequest(planningHome, request);
      expect(result.diagnostics).toEqual([]);
      const text = renderPlan(result.plan!, "text", { types: planningHome.workspace.types });
      expectBaseline(path.join(here, `petclinic-${name}.baseline.txt`), text);
    });
  }

  it("is shown in the README as it is", () => {
    const readme = readFileSync(path.resolve(here, "../../README.md"), "utf8");
    for (const name of Object.keys(requests)) {
      expect(readme).toContain(readFileSync(path.join(here, `petclinic-${name}.baseline.txt`), "utf8").trimEnd());
    }
  });

  it("plans 1.0 without the Python interpreter, so the cold plan stays fast", async () => {
    const fresh = loadPlanningHome(home);
    await planRequest(fresh, requests["initial-1.0"]);
    expect(fresh.python.interpreterLoaded).toBe(false);
  });
});
