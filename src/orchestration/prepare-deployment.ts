import { analyzeSpecification } from "../delta/analyze.js";
import type { DeltaSpecification } from "../delta/model.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DeploymentRequest, DeploymentSpecification, SpecificationContext } from "../specification/model.js";
import { specify } from "../specification/specify.js";
import type { OrchestrationBlock } from "./model.js";
import { orchestrate } from "./orchestrate.js";
import { OrchestratorRegistry } from "./orchestrator-registry.js";

/** Everything the planner needs before rules fire. */
export interface PreparedDeployment {
  specification: DeploymentSpecification;
  deltaSpecification: DeltaSpecification;
  /** The orchestrators applied, in order (empty = default). */
  orchestrators: string[];
  orchestration: OrchestrationBlock;
}

export interface PreparationContext extends SpecificationContext {
  /** Defaults to the built-in orchestrators. */
  orchestrators?: OrchestratorRegistry;
}

/** Specification → delta analysis → orchestration for one request; stops at the first stage with errors. */
export function prepareDeployment(
  request: DeploymentRequest,
  context: PreparationContext,
): { deployment?: PreparedDeployment; diagnostics: Diagnostic[] } {
  const specified = specify(request, context);
  if (!specified.specification) return { diagnostics: specified.diagnostics };
  const { specification } = specified;
  const deltaSpecification = analyzeSpecification(specification, context.types);
  const registry = context.orchestrators ?? OrchestratorRegistry.withBuiltins();
  const orchestrated = orchestrate(deltaSpecification, specification.orchestrators, registry);
  const diagnostics = [...specified.diagnostics, ...orchestrated.diagnostics];
  if (!orchestrated.orchestration) return { diagnostics };
  return {
    deployment: {
      specification,
      deltaSpecification,
      orchestrators: specification.orchestrators,
      orchestration: orchestrated.orchestration,
    },
    diagnostics,
  };
}
