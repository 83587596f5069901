import { createColors } from "picocolors";
import type { Operation } from "../delta/model.js";
import type { Plan, PlanBlock, PlannedStep } from "./model.js";
import { summarizePlan, summaryLine } from "./plan-summary.js";
import { type PropertyLookup, SecretMask } from "./secret-mask.js";

export interface TextRenderOptions {
  /** Finds password properties, whose values are masked. */
  types: PropertyLookup;
  /** ANSI colour; the caller decides (terminal, NO_COLOR, --no-color). */
  color?: boolean;
}

/** The rule column starts here at the latest; longer lines push only their own rule name. */
const maximumRuleColumn = 96;

type Colors = ReturnType<typeof createColors>;

/** A line before colouring: its plain text decides the alignment, `paint` the colours. */
interface Line {
  plain: string;
  paint: (c: Colors) => string;
  rule?: string;
}

/**
 * The compact text tree (anchors §5.3): one line per block (kind, description) and per step
 * (order, description, checkpoint, dim rule name), tree guides, and the summary line.
 */
export function renderText(plan: Plan, options: TextRenderOptions): string {
  const c = createColors(options.color ?? false);
  const mask = SecretMask.forPlan(plan, options.types);
  const orderWidth = Math.max(2, widestOrder(plan.root));
  const lines: Line[] = [];
  collectBlock(plan.root, "", "", lines, { mask, orderWidth });

  let ruleColumn = 0;
  for (const line of lines) if (line.rule !== undefined) ruleColumn = Math.max(ruleColumn, displayWidth(line.plain));
  ruleColumn = Math.min(maximumRuleColumn, ruleColumn);
  const out = lines.map((line) => {
    const text = line.paint(c);
    if (line.rule === undefined) return text;
    const gap = Math.max(2, ruleColumn - displayWidth(line.plain) + 2);
    return `${text}${" ".repeat(gap)}${c.dim(line.rule)}`;
  });
  out.push("", paintSummary(summaryLine(summarizePlan(plan)), c));
  return `${out.join("\n")}\n`;
}

interface Layout {
  mask: SecretMask;
  orderWidth: number;
}

function collectBlock(block: PlanBlock, ownPrefix: string, childPrefix: string, lines: Line[], layout: Layout): void {
  const description = layout.mask.apply(block.description);
  lines.push({
    plain: `${ownPrefix}${block.kind}  ${description}`,
    paint: (c) => `${c.dim(ownPrefix)}${kindColor(block.kind, c)}  ${c.bold(description)}`,
  });
  if (block.kind === "interleaved") {
    const indent = `${childPrefix}  `;
    if (block.steps.length === 0) {
      lines.push({ plain: `${indent}(no steps)`, paint: (c) => `${c.dim(indent)}${c.dim("(no steps)")}` });
    }
    for (const step of block.steps) lines.push(stepLine(step, indent, layout));
    return;
  }
  block.blocks.forEach((child, index) => {
    const last = index === block.blocks.length - 1;
    collectBlock(
      child,
      `${childPrefix}${last ? "└─ " : "├─ "}`,
      `${childPrefix}${last ? "   " : "│  "}`,
      lines,
      layout,
    );
  });
}

function stepLine(step: PlannedStep, indent: string, layout: Layout): Line {
  const order = String(step.order).padStart(layout.orderWidth);
  const description = layout.mask.apply(step.description);
  const marker = checkpointMarker(step);
  return {
    plain: `${indent}${order}  ${description}${marker ? `  ${marker}` : ""}`,
    paint: (c) => `${c.dim(indent)}${c.yellow(order)}  ${description}${marker ? `  ${c.green(marker)}` : ""}`,
    rule: step.rule,
  };
}

/** `[checkpoint CREATE]`, with the name of an intermediate checkpoint when it has one. */
function checkpointMarker(step: PlannedStep): string | undefined {
  if (!step.checkpoint) return undefined;
  return step.checkpointName
    ? `[checkpoint ${step.checkpoint}: ${step.checkpointName}]`
    : `[checkpoint ${step.checkpoint}]`;
}

function kindColor(kind: PlanBlock["kind"], c: Colors): string {
  if (kind === "serial") return c.cyan(kind);
  if (kind === "parallel") return c.magenta(kind);
  return c.blue(kind);
}

const operationColors: Record<Operation, keyof Colors> = {
  CREATE: "green",
  MODIFY: "yellow",
  DESTROY: "red",
  NOOP: "dim",
};

function paintSummary(line: string, c: Colors): string {
  return line
    .replace(/^Plan:/, (m) => c.bold(m))
    .replace(/(\d+) (create|modify|destroy|noop)/g, (m, _n, word: string) => {
      const paint = c[operationColors[word.toUpperCase() as Operation]] as (s: string) => string;
      return paint(m);
    });
}

function widestOrder(block: PlanBlock): number {
  let widest = 0;
  if (block.kind === "interleaved")
    for (const step of block.steps) widest = Math.max(widest, String(step.order).length);
  else for (const child of block.blocks) widest = Math.max(widest, widestOrder(child));
  return widest;
}

/** Columns a string takes in a terminal; tree guides and most text are one column a code point. */
function displayWidth(text: string): number {
  let width = 0;
  for (const _ of text) width++;
  return width;
}
