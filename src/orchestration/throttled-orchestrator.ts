import { diagnostic } from "../diagnostics/catalogue.js";
import { type CiValue, isConfigurationItem } from "../repository/model.js";
import { byContainer } from "./builtin-orchestrators.js";
import { describeGroup } from "./descriptions.js";
import { inDeploymentOrder } from "./grouping.js";
import type { OrchestrationBlock, OrchestrationInput, Orchestrator } from "./model.js";

/**
 * `parallel-by-container-throttled` (after the community orchestrator, reference §2.2): the
 * containers, alphabetical by name, in batches of `maxContainersInParallel` (a property of
 * the deployed application, or of the package, which copies to it); the batches run one after
 * another, the containers of a batch in parallel. Without the property it is
 * parallel-by-container. Declare the property in synthetic.xml:
 * `<type-modification type="udm.DeployedApplication"><property name="maxContainersInParallel" kind="integer" required="false"/></type-modification>`
 * (and the same on udm.Version to set it from the package).
 */
export const parallelByContainerThrottled: Orchestrator = {
  name: "parallel-by-container-throttled",
  orchestrate(input: OrchestrationInput): OrchestrationBlock {
    if (input.deltas.length === 0) return { kind: "interleaved", description: input.description, deltas: [] };
    const containers = byContainer(input).map((group) => ({
      kind: "interleaved" as const,
      description: describeGroup(input, group.qualifier),
      deltas: group.deltas,
    }));
    const limit = batchSize(input);
    if (limit === undefined || limit >= containers.length) {
      return { kind: "parallel", description: input.description, blocks: containers };
    }
    const batches: OrchestrationBlock[] = [];
    for (let start = 0; start < containers.length; start += limit) {
      batches.push({
        kind: "parallel",
        description: describeGroup(input, `batch ${batches.length + 1}`),
        blocks: containers.slice(start, start + limit),
      });
    }
    return { kind: "serial", description: input.description, blocks: inDeploymentOrder(input, batches, "serial") };
  },
};

function batchSize(input: OrchestrationInput): number | undefined {
  const application = input.specification.deployedOrPreviousApplication;
  const version = application.values.version;
  let value: CiValue | undefined = application.values.maxContainersInParallel;
  if (value === undefined && isConfigurationItem(version)) {
    value = version.values.maxContainersInParallel;
  }
  if (value === undefined || value === "") return undefined;
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
  if (Number.isInteger(number) && number >= 1) return number;
  input.report(
    diagnostic("PW7032", {
      deployedApplication: application.id,
      value: String(value),
      fallback: "parallel-by-container",
    }),
  );
  return undefined;
}
