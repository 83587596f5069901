import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic, SourceLocation } from "../diagnostics/diagnostic.js";
import type { StepDescriptor, StepParameterDescriptor, StepParameterKind, StepRegistry } from "./model.js";
import { predefinedSteps } from "./predefined-steps.js";
import { camelToKebab, nameCandidates } from "./step-names.js";

/** What a plugin gives to declare a custom step type; names may be camelCase (Java style). */
export interface CustomStepDefinition {
  name: string;
  description?: string;
  parameters: (Partial<StepParameterDescriptor> & { name: string; kind: StepParameterKind })[];
}

const parameterKinds: ReadonlySet<StepParameterKind> = new Set([
  "string",
  "integer",
  "boolean",
  "enum",
  "ci",
  "map",
  "list",
  "object",
]);

/**
 * The step registry: predefined steps, custom steps from plugins and step macros. Lookups
 * accept every spelling of step-names.ts; `extend()` gives a copy that a rules load adds
 * its macros to, so a rescan starts again from the plugins' steps.
 */
export class StepCatalogue implements StepRegistry {
  private readonly byName = new Map<string, StepDescriptor>();
  /** Spelling as asked → registered name (or undefined); every step built looks its type up. */
  private readonly resolved = new Map<string, string | undefined>();

  constructor(descriptors: Iterable<StepDescriptor> = []) {
    for (const descriptor of descriptors) this.byName.set(descriptor.name, descriptor);
  }

  get(name: string): StepDescriptor | undefined {
    const resolved = this.resolveName(name);
    return resolved === undefined ? undefined : this.byName.get(resolved);
  }

  all(): StepDescriptor[] {
    return [...this.byName.values()];
  }

  resolveName(name: string): string | undefined {
    if (this.resolved.has(name)) return this.resolved.get(name);
    const found = nameCandidates(name).find((candidate) => this.byName.has(candidate));
    this.resolved.set(name, found);
    return found;
  }

  /** Adds a fully formed descriptor; a name already taken is a PW5030 error. */
  add(descriptor: StepDescriptor, at: Partial<SourceLocation> = {}): Diagnostic | undefined {
    const existing = this.byName.get(descriptor.name);
    if (existing) {
      return diagnostic("PW5030", { step: descriptor.name, source: existing.source }, at);
    }
    this.byName.set(descriptor.name, descriptor);
    this.resolved.clear();
    return undefined;
  }

  /**
   * The plugin API for custom step types: camelCase parameter names are dashed as Java step
   * parameters are, and `description` and `order` are added when missing (every step has them).
   */
  registerStep(definition: CustomStepDefinition, source: string): Diagnostic[] {
    const problems: Diagnostic[] = [];
    const parameters: StepParameterDescriptor[] = [];
    for (const given of definition.parameters) {
      if (!parameterKinds.has(given.kind)) {
        problems.push(diagnostic("PW5031", { step: definition.name, parameter: given.name, kind: given.kind }));
        continue;
      }
      parameters.push({ required: false, calculated: false, ...given, name: camelToKebab(given.name) });
    }
    for (const standard of ["order", "description"] as const) {
      if (!parameters.some((p) => p.name === standard)) {
        parameters.unshift({
          name: standard,
          kind: standard === "order" ? "integer" : "string",
          required: true,
          calculated: true,
        });
      }
    }
    if (problems.length > 0) return problems;
    const added = this.add({
      name: definition.name,
      description: definition.description ?? "",
      parameters,
      source,
    });
    return added ? [added] : [];
  }

  /** A copy with the same steps; additions to it leave this one unchanged. */
  extend(): StepCatalogue {
    return new StepCatalogue(this.byName.values());
  }
}

const parameterIndexes = new WeakMap<StepDescriptor, Map<string, StepParameterDescriptor>>();

/** A parameter of a step by any of its spellings or aliases (`target_host`, `targetHost`, `script-path`). */
export function stepParameter(step: StepDescriptor, name: string): StepParameterDescriptor | undefined {
  let index = parameterIndexes.get(step);
  if (!index) {
    index = new Map();
    for (const p of step.parameters) {
      index.set(p.name, p);
      for (const alias of p.aliases ?? []) if (!index.has(alias)) index.set(alias, p);
    }
    parameterIndexes.set(step, index);
  }
  const known = index.get(name);
  if (known) return known;
  for (const candidate of nameCandidates(name)) {
    const found = index.get(candidate);
    if (found) {
      index.set(name, found); // the next lookup of this spelling is direct
      return found;
    }
  }
  return undefined;
}

/** A registry with the predefined steps of reference §1.3. */
export function createStepRegistry(): StepCatalogue {
  return new StepCatalogue(predefinedSteps);
}
