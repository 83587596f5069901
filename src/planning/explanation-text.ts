import type pc from "picocolors";
import type { ExplainedBlock, ExplainedStep, Explanation, RuleOutcome } from "./explanation.js";

type Colors = ReturnType<typeof pc.createColors>;

/**
 * `planwright explain`'s text: per block the deltas and block rules that were considered, each
 * rule's outcome and reason, then every step with the rule that made it. Empty when planning
 * failed (the diagnostics say why, on stderr).
 */
export function renderExplanationText(explanation: Explanation, c: Colors): string {
  if (!explanation.planned) return "";
  return [...blockLines(explanation.blocks, c), "", ...stepLines(explanation.steps, c)].join("\n");
}

const ruleHeadings: Record<ExplainedBlock["scope"], string> = {
  "pre-plan": "pre-plan rules",
  orchestration: "plan rules",
  "post-plan": "post-plan rules",
};

function blockLines(blocks: ExplainedBlock[], c: Colors): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    const groups: [string, RuleOutcome[]][] = [
      ...block.deltas.map((d): [string, RuleOutcome[]] => [`${d.id}  ${d.operation} ${d.type}`, d.rules]),
      [ruleHeadings[block.scope], block.rules],
    ];
    const shown = groups.filter(([, rules]) => rules.length > 0);
    if (shown.length === 0) continue;
    lines.push(c.bold(block.description));
    for (const [heading, rules] of shown) {
      lines.push(`  ${heading}`);
      for (const outcome of rules) {
        const label = outcome.outcome === "fired" ? c.green("fired     ") : c.yellow(outcome.outcome.padEnd(10));
        lines.push(`    ${label} ${outcome.rule.name}  ${c.dim(reason(outcome))}`);
      }
    }
  }
  if (lines.length === 0) lines.push("No rule was considered.");
  return lines;
}

/** Why a rule fired or not, in the words of its conditions. */
function reason(outcome: RuleOutcome): string {
  const { failed } = outcome;
  if (!failed) return outcome.stepCount === 1 ? "added 1 step" : `added ${outcome.stepCount} steps`;
  switch (failed.condition) {
    case "disabled":
      return "disabled by a disable-rule";
    case "type":
      return `type: needs ${failed.expected.join(" or ")}; deployed is ${failed.actual}`;
    case "operation":
      return `operation: needs ${failed.expected.join(" or ")}; delta is ${failed.actual}`;
    case "expression":
      return `expression: ${failed.expression} was ${failed.value}`;
  }
}

function stepLines(steps: ExplainedStep[], c: Colors): string[] {
  if (steps.length === 0) return ["No steps."];
  return [
    c.bold("Steps"),
    ...steps.map((step) => {
      const origin = [step.scope, step.deployed, step.operation].filter(Boolean).join(", ");
      return `  ${String(step.order).padStart(3)}  ${step.description}  ${c.dim(`← ${step.rule} (${origin})`)}`;
    }),
  ];
}
