import type { Delta, DeltaSpecification } from "../delta/model.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** The orchestration tree (manual, "Orchestration"): leaves are always interleaved. */
export type OrchestrationBlock = CompositeOrchestrationBlock | InterleavedOrchestrationBlock;

export interface CompositeOrchestrationBlock {
  kind: "serial" | "parallel";
  description: string;
  blocks: OrchestrationBlock[];
}

export interface InterleavedOrchestrationBlock {
  kind: "interleaved";
  description: string;
  deltas: Delta[];
}

/**
 * Turns a set of deltas into a tree. Combination (reference §2.4) calls a later orchestrator
 * on each interleaved leaf of the tree built so far, so `orchestrate` receives the leaf's
 * deltas and description context, not the whole specification only.
 */
export interface Orchestrator {
  name: string;
  orchestrate(input: OrchestrationInput): OrchestrationBlock;
}

export interface OrchestrationInput {
  specification: DeltaSpecification;
  /** The deltas of the leaf being refined (all deltas for the first orchestrator). */
  deltas: Delta[];
  /** Description of the leaf being refined, for nesting descriptions. */
  description: string;
  /** Where an orchestrator reports a problem with its settings (a catalogue diagnostic). */
  report: (diagnostic: Diagnostic) => void;
}
