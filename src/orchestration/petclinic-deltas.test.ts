import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { DeploymentRequest } from "../specification/model.js";
import { loadWorkspace } from "../workspace/load-workspace.js";
import type { OrchestrationBlock } from "./model.js";
import { prepareDeployment } from "./prepare-deployment.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const home = path.resolve(here, "../../examples/petclinic");
const baselineFile = path.join(here, "petclinic-deltas.baseline.txt");

const scenarios: [string, DeploymentRequest][] = [
  ["initial 1.0", { kind: "deploy", packageId: "Applications/PetClinic/1.0", environmentId: "Environments/Dev" }],
  [
    "update 1.0 -> 2.0, by deployment group then container",
    {
      kind: "deploy",
      packageId: "Applications/PetClinic/2.0",
      environmentId: "Environments/Dev",
      fromPackageId: "Applications/PetClinic/1.0",
      orchestrators: ["sequential-by-deployment-group", "parallel-by-container"],
    },
  ],
  [
    "redeploy 2.0 over 2.0",
    {
      kind: "deploy",
      packageId: "Applications/PetClinic/2.0",
      environmentId: "Environments/Dev",
      fromPackageId: "Applications/PetClinic/2.0",
    },
  ],
  [
    "undeploy 1.0, sequential by container",
    {
      kind: "undeploy",
      deployedApplicationId: "Environments/Dev/PetClinic",
      fromPackageId: "Applications/PetClinic/1.0",
      orchestrators: ["sequential-by-container"],
    },
  ],
];

function outline(block: OrchestrationBlock, indent = "  "): string[] {
  if (block.kind === "interleaved") {
    return [`${indent}interleaved: ${block.description}`, ...block.deltas.map((d) => `${indent}  ${d.id}`)];
  }
  return [`${indent}${block.kind}: ${block.description}`, ...block.blocks.flatMap((b) => outline(b, `${indent}  `))];
}

describe.skipIf(!existsSync(home))("examples/petclinic deltas", () => {
  const workspace = loadWorkspace(home);

  it("loads without problems", () => {
    expect(workspace.diagnostics).toEqual([]);
  });

  it("gives the pinned deltas and orchestration for initial, update, redeploy and undeploy", () => {
    const lines: string[] = [];
    for (const [title, request] of scenarios) {
      const { deployment, diagnostics } = prepareDeployment(request, workspace);
      expect(diagnostics, title).toEqual([]);
      const { deltaSpecification, orchestration } = deployment!;
      lines.push(`== ${title}: ${deltaSpecification.operation} ${deltaSpecification.deployedApplication.id}`);
      for (const delta of deltaSpecification.deltas) {
        const changed = delta.changedProperties.length > 0 ? ` (${delta.changedProperties.join(", ")})` : "";
        lines.push(`  ${delta.operation.padEnd(7)} ${delta.id} ${delta.deployedOrPrevious.type}${changed}`);
      }
      lines.push(...outline(orchestration));
    }
    const actual = `${lines.join("\n")}\n`;
    if (process.env.UPDATE_BASELINES === "1" || !existsSync(baselineFile)) writeFileSync(baselineFile, actual);
    expect(actual).toBe(readFileSync(baselineFile, "utf8"));
  });

  it("has all four operations in the 1.0 -> 2.0 update and only NOOP when nothing changed", () => {
    const operations = (request: DeploymentRequest) =>
      new Set(prepareDeployment(request, workspace).deployment!.deltaSpecification.deltas.map((d) => d.operation));
    expect([...operations(scenarios[1][1])].sort()).toEqual(["CREATE", "DESTROY", "MODIFY", "NOOP"]);
    expect([...operations(scenarios[2][1])]).toEqual(["NOOP"]);
  });
});
