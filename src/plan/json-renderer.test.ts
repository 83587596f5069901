import { describe, expect, it } from "vitest";
import { databasePassword, fixtureTypes, undeployPlan, updatePlan } from "../../test/fixtures/petclinic-plan.js";
import { renderJson } from "./json-renderer.js";

// biome-ignore lint/suspicious/noExplicitAny: the assertions walk parsed JSON freely
type Json = Record<string, any>;

describe("renderJson", () => {
  const document: Json = JSON.parse(renderJson(updatePlan, { types: fixtureTypes }));
  const tomcatBlock = document.plan.blocks[2].blocks[0];

  it("writes the keys of format 1.0 in their documented order", () => {
    expect(Object.keys(document)).toEqual(["formatVersion", "deployment", "deltas", "plan", "summary"]);
    expect(document.formatVersion).toBe("1.0");
    expect(Object.keys(document.deployment)).toEqual([
      "operation",
      "rollback",
      "deployedApplication",
      "version",
      "previousVersion",
      "environment",
      "orchestrators",
    ]);
    expect(Object.keys(document.deltas[0])).toEqual(["id", "operation", "type", "container", "changedProperties"]);
    expect(Object.keys(document.plan)).toEqual(["kind", "description", "blocks"]);
    expect(Object.keys(tomcatBlock)).toEqual(["kind", "description", "deltas", "steps"]);
    expect(Object.keys(tomcatBlock.steps[0])).toEqual([
      "order",
      "description",
      "type",
      "rule",
      "scope",
      "deployed",
      "operation",
      "checkpoint",
      "parameters",
    ]);
    expect(Object.keys(document.summary)).toEqual(["steps", "blocks", "CREATE", "MODIFY", "DESTROY", "NOOP"]);
  });

  it("describes the deployment with ids", () => {
    expect(document.deployment).toEqual({
      operation: "MODIFY",
      rollback: false,
      deployedApplication: "Environments/Dev/PetClinic",
      version: "Applications/PetClinic/2.0",
      previousVersion: "Applications/PetClinic/1.0",
      environment: "Environments/Dev",
      orchestrators: ["sequential-by-deployment-group", "parallel-by-container"],
    });
    expect(document.deltas[2]).toEqual({
      id: "Infrastructure/web-1/tomcat/petclinic",
      operation: "MODIFY",
      type: "tomcat.WarModule",
      container: "Infrastructure/web-1/tomcat",
      changedProperties: ["contextRoot"],
    });
  });

  it("writes CI parameters as ids, maps as objects, sets and lists as arrays", () => {
    const step = document.plan.blocks[1].steps[0];
    expect(step.parameters["target-host"]).toBe("Infrastructure/db-1");
    expect(step.parameters["freemarker-context"]).toEqual({
      deployed: "Infrastructure/db-1/mysql/schema",
      password: "********",
    });
    expect(step.parameters.files).toEqual(["001-schema.sql", "002-data.sql"]);
    expect(tomcatBlock.steps[3].parameters.options).toEqual(["graceful"]);
  });

  it("masks password values, whole and inside longer text", () => {
    const step = document.plan.blocks[1].steps[0];
    expect(step.parameters["connect-string"]).toBe("mysql -u petclinic -p********");
    expect(tomcatBlock.steps[2].parameters["ssh-password"]).toBe("********");
    expect(JSON.stringify(document)).not.toContain(databasePassword);
  });

  it("gives steps outside deployed scope a null deployed and operation", () => {
    const step = document.plan.blocks[0].steps[0];
    expect(step).toMatchObject({ scope: "pre-plan", deployed: null, operation: null, checkpoint: null });
  });

  it("counts steps, interleaved blocks and deltas per operation", () => {
    expect(document.summary).toEqual({ steps: 7, blocks: 5, CREATE: 1, MODIFY: 1, DESTROY: 1, NOOP: 1 });
  });

  it("has no version when undeploying", () => {
    const undeploy: Json = JSON.parse(renderJson(undeployPlan, { types: fixtureTypes }));
    expect(undeploy.deployment.version).toBeNull();
    expect(undeploy.deployment.previousVersion).toBe("Applications/PetClinic/1.0");
    expect(undeploy.plan.kind).toBe("interleaved");
  });
});
