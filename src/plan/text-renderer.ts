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

/** Rule names align after the widest step line up to this width; longer lines push only their own. */
const maximumRuleColumn = 96;

type Colors = ReturnType<typeof createColors>;

/** A line as printed, with its plain width (which decides where the rule column starts). */
interface Line {
  text: string;
  width: number;
  rule?: string;
}

/**
 * The compact text tree (anchors §5.3): one line per block (kind, description) and per step
 * (order, description, checkpoint, dim rule name), tree guides, and the summary line.
 */
export function renderText(plan: Plan, options: TextRenderOptions): string {
  const color = options.color ?? false;
  const c = createColors(color);
  const layout: Layout = {
    c,
    color,
    mask: SecretMask.forPlan(plan, options.types),
    orderWidth: Math.max(2, widestOrder(plan.root)),
  };
  const lines: Line[] = [];
  collectBlock(plan.root, "", "", lines, layout);

  let ruleColumn = 0;
  for (const line of lines) {
    if (line.rule !== undefined && line.width > ruleColumn && line.width <= maximumRuleColumn) ruleColumn = line.width;
  }
  const out: string[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    out[i] =
      line.rule === undefined
        ? line.text
        : `${line.text}${" ".repeat(Math.max(2, ruleColumn - line.width + 2))}${c.dim(line.rule)}`;
  }
  out.push("", paintSummary(summaryLine(summarizePlan(plan)), c));
  return `${out.join("\n")}\n`;
}

interface Layout {
  c: Colors;
  /** Colours cost a second string per line; most output is not to a terminal. */
  color: boolean;
  mask: SecretMask;
  orderWidth: number;
}

function collectBlock(block: PlanBlock, ownPrefix: string, childPrefix: string, lines: Line[], layout: Layout): void {
  const { c, color } = layout;
  const description = layout.mask.apply(block.description);
  const plain = `${ownPrefix}${block.kind}  ${description}`;
  lines.push({
    text: color ? `${c.dim(ownPrefix)}${kindColor(block.kind, c)}  ${c.bold(description)}` : plain,
    width: displayWidth(plain),
  });
  if (block.kind === "interleaved") {
    const indent = `${childPrefix}  `;
    if (block.steps.length === 0) {
      const empty = `${indent}(no steps)`;
      lines.push({ text: color ? `${c.dim(indent)}${c.dim("(no steps)")}` : empty, width: displayWidth(empty) });
    }
    for (const step of block.steps) lines.push(stepLine(step, indent, layout));
    return;
  }
  const last = block.blocks.length - 1;
  for (let index = 0; index <= last; index++) {
    const ownGuide = index === last ? "└─ " : "├─ ";
    const childGuide = index === last ? "   " : "│  ";
    collectBlock(block.blocks[index], childPrefix + ownGuide, childPrefix + childGuide, lines, layout);
  }
}

function stepLine(step: PlannedStep, indent: string, layout: Layout): Line {
  const { c, color } = layout;
  const order = String(step.order).padStart(layout.orderWidth);
  const description = layout.mask.apply(step.description);
  const marker = checkpointMarker(step);
  const plain = `${indent}${order}  ${description}${marker ? `  ${marker}` : ""}`;
  return {
    text: color ? `${c.dim(indent)}${c.yellow(order)}  ${description}${marker ? `  ${c.green(marker)}` : ""}` : plain,
    width: displayWidth(plain),
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

/** Columns a string takes in a terminal: one per code point (tree guides included). */
function displayWidth(text: string): number {
  let width = text.length;
  // Only astral characters (two UTF-16 units, one column) need a second look.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) width--;
  }
  return width;
}
