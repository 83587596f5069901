import type { DeltaSpecification } from "../delta/model.js";
import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { defaultOrchestration } from "./builtin-orchestrators.js";
import type { OrchestrationBlock, Orchestrator } from "./model.js";
import type { OrchestratorRegistry } from "./orchestrator-registry.js";

export interface OrchestrationResult {
  /** Undefined when an orchestrator is unknown or failed. */
  orchestration?: OrchestrationBlock;
  diagnostics: Diagnostic[];
}

/**
 * Applies the named orchestrators in order (reference §2.4): the first splits the default
 * interleaved block; each later one replaces every interleaved leaf of the tree so far by
 * its own grouping of that leaf's deltas. No names → the default single interleaved block.
 */
export function orchestrate(
  specification: DeltaSpecification,
  names: readonly string[],
  registry: OrchestratorRegistry,
): OrchestrationResult {
  const diagnostics: Diagnostic[] = [];
  const orchestrators: Orchestrator[] = [];
  for (const name of names) {
    // XL Deploy 4.x's explicit name for no orchestration (reference §2.2, removed in 5.0).
    if (name === "default") continue;
    const orchestrator = registry.get(name);
    if (orchestrator) orchestrators.push(orchestrator);
    else diagnostics.push(diagnostic("PW7030", { name, known: registry.names().join(", ") }));
  }
  if (diagnostics.length > 0) return { diagnostics };
  const report = (d: Diagnostic) => diagnostics.push(d);
  let tree = defaultOrchestration(specification);
  for (const orchestrator of orchestrators) {
    try {
      tree = refine(tree, orchestrator, specification, report);
    } catch (error) {
      diagnostics.push(
        diagnostic("PW7033", {
          name: orchestrator.name,
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
      return { diagnostics };
    }
  }
  return { orchestration: tree, diagnostics };
}

function refine(
  block: OrchestrationBlock,
  orchestrator: Orchestrator,
  specification: DeltaSpecification,
  report: (diagnostic: Diagnostic) => void,
): OrchestrationBlock {
  if (block.kind === "interleaved") {
    return orchestrator.orchestrate({ specification, deltas: block.deltas, description: block.description, report });
  }
  return { ...block, blocks: block.blocks.map((child) => refine(child, orchestrator, specification, report)) };
}
