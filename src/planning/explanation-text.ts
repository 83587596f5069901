import type pc from "picocolors";
import type { ExplainedBlock, ExplainedStep, Explanation, RuleOutcome } from "./explanation.js";

type Colors = ReturnType<typeof pc.createColors>;

/**
 * `planwright explain`'s text: per block the deltas and block rules that were considered, each
 * rule's outcome and reason, then every step with the rule that made it. The diagnostics are
 * not part of it: they go to stderr. In pieces of one delta (or block rules) each, to be
 * written as they come: 10,000 deltas × 100 rules make some 100 MB of text.
 */
export function* explanationTextChunks(explanation: Explanation, c: Colors): Generator<string> {
  let considered = false;
  for (const block of explanation.blocks) {
    const groups: [string, RuleOutcome[]][] = [
      ...block.deltas.map((d): [string, RuleOutcome[]] => [`${d.id}  ${d.operation} ${d.type}`, d.rules]),
      [ruleHeadings[block.scope], block.rules],
    ];
    let headed = false;
    for (const [heading, rules] of groups) {
      if (rules.length === 0) continue;
      const lines = headed ? [] : [c.bold(block.description)];
      headed = true;
      lines.push(`  ${heading}`);
      for (const outcome of rules) {
        const label = outcome.outcome === "fired" ? c.green("fired     ") : c.yellow(outcome.outcome.padEnd(10));
        lines.push(`    ${label} ${outcome.rule.name}  ${c.dim(reason(outcome))}`);
      }
      yield `${lines.join("\n")}\n`;
    }
    considered ||= headed;
  }
  if (!considered) yield "No rule was considered.\n";
  yield `\n${stepLines(explanation.steps, c).join("\n")}\n`;
}

const ruleHeadings: Record<ExplainedBlock["scope"], string> = {
  "pre-plan": "pre-plan rules",
  orchestration: "plan rules",
  "post-plan": "post-plan rules",
};

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
