import { renderDot } from "./dot-renderer.js";
import { renderJson } from "./json-renderer.js";
import { renderMermaid } from "./mermaid-renderer.js";
import type { Plan } from "./model.js";
import type { PropertyLookup } from "./secret-mask.js";
import { renderText } from "./text-renderer.js";

export const planFormats = ["text", "json", "dot", "mermaid"] as const;
export type PlanFormat = (typeof planFormats)[number];

export interface RenderOptions {
  /** Finds password properties, whose values are masked in every format. */
  types: PropertyLookup;
  /** ANSI colour, text format only. */
  color?: boolean;
}

/** `plan --format …` (DESIGN §2.3): the plan as the chosen format's text. */
export function renderPlan(plan: Plan, format: PlanFormat, options: RenderOptions): string {
  switch (format) {
    case "text":
      return renderText(plan, options);
    case "json":
      return renderJson(plan, options);
    case "dot":
      return renderDot(plan, options);
    case "mermaid":
      return renderMermaid(plan, options);
  }
}
