import type { StepMacro } from "../rules/model.js";

/** Kinds of step parameters (reference §1.3, Java types of the Steps Reference). */
export type StepParameterKind = "string" | "integer" | "boolean" | "enum" | "ci" | "map" | "list" | "object";

export interface StepParameterDescriptor {
  /** Kebab-case, as in XML (`target-host`). */
  name: string;
  kind: StepParameterKind;
  required: boolean;
  /** Filled in by the planner when the rule did not give a value (manual, "Calculated step parameters"). */
  calculated: boolean;
  defaultValue?: unknown;
  enumValues?: string[];
  /** For kind ci: the type the value must be. */
  ciType?: string;
  /** Other accepted names (`script-path` for jython's `script`). */
  aliases?: string[];
  description?: string;
}

export interface StepDescriptor {
  /** Kebab-case step name (`os-script`). */
  name: string;
  description: string;
  parameters: StepParameterDescriptor[];
  /** "builtin" or where it was defined (a plugin, a step-macro's file). */
  source: string;
  /** Set when the step is a `<step-macro>`: building it builds the macro's one inner step. */
  macro?: StepMacro;
}

/** A step after parameter conversion and calculation: plain data the plan holds. */
export interface Step {
  type: string;
  description: string;
  order: number;
  /** Every other parameter, kebab-case keys, converted values. CIs stay CI objects. */
  parameters: Record<string, unknown>;
}

export interface StepRegistry {
  get(name: string): StepDescriptor | undefined;
  all(): StepDescriptor[];
  /** Python spelling (`os_script`, `wait_for_ssh`) or camelCase → registered kebab name. */
  resolveName(name: string): string | undefined;
}
