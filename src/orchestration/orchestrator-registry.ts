import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { builtinOrchestrators } from "./builtin-orchestrators.js";
import type { Orchestrator } from "./model.js";
import { parallelByContainerThrottled } from "./throttled-orchestrator.js";

/**
 * The orchestrators known by name. Plugins add their own with `register` (DESIGN: custom
 * orchestrators are TypeScript/JavaScript modules that export an `Orchestrator`).
 */
export class OrchestratorRegistry {
  private readonly byName = new Map<string, Orchestrator>();

  /** A registry with XL Deploy's 14 orchestrators and Planwright's own. */
  static withBuiltins(): OrchestratorRegistry {
    const registry = new OrchestratorRegistry();
    for (const orchestrator of [...builtinOrchestrators(), parallelByContainerThrottled])
      registry.register(orchestrator);
    return registry;
  }

  /** Adds an orchestrator; a name that is taken gives a diagnostic (PW7031) and keeps the first. */
  register(orchestrator: Orchestrator): Diagnostic | undefined {
    if (this.byName.has(orchestrator.name)) return diagnostic("PW7031", { name: orchestrator.name });
    this.byName.set(orchestrator.name, orchestrator);
    return undefined;
  }

  get(name: string): Orchestrator | undefined {
    return this.byName.get(name);
  }

  /** Registered names, sorted. */
  names(): string[] {
    return [...this.byName.keys()].sort();
  }
}
