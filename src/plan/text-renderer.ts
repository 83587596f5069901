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

interface Layout {
  c: Colors;
  /** Colours cost a second string per line; most output is not to a terminal. */
  color: boolean;
  mask: SecretMask;
  orderWidth: number;
  /** Where rule names start; found by a first pass that only measures. */
  ruleColumn: number;
}

/**
 * The compact text tree (anchors §5.3): one line per block (kind, description) and per step
 * (order, description, checkpoint, dim rule name), tree guides, and the summary line.
 * Two passes over the tree — measure, then write into one growing string — so that a plan of
 * 50,000 steps costs no per-line objects.
 */
export function renderText(plan: Plan, options: TextRenderOptions): string {
  const color = options.color ?? false;
  const c = createColors(color);
  const mask = SecretMask.forPlan(plan, options.types);
  const orderWidth = Math.max(2, widestOrder(plan.root));
  const ruleColumn = widestStepLine(plan.root, 0, mask, orderWidth);
  const layout: Layout = { c, color, mask, orderWidth, ruleColumn };
  const text = writeBlock(plan.root, "", "", "", layout);
  return `${text}\n${paintSummary(summaryLine(summarizePlan(plan)), c)}\n`;
}

/** The widest step line (without its rule) up to the maximum rule column. */
function widestStepLine(block: PlanBlock, depth: number, mask: SecretMask, orderWidth: number): number {
  let widest = 0;
  if (block.kind === "interleaved") {
    // Steps sit under the block's children guides (3 columns a level) plus 2 columns.
    const fixed = depth * 3 + 2 + orderWidth + 2;
    for (const step of block.steps) {
      const width = fixed + displayWidth(oneLine(mask.apply(step.description))) + markerWidth(step);
      if (width > widest && width <= maximumRuleColumn) widest = width;
    }
    return widest;
  }
  for (const child of block.blocks) widest = Math.max(widest, widestStepLine(child, depth + 1, mask, orderWidth));
  return widest;
}

function writeBlock(block: PlanBlock, ownPrefix: string, childPrefix: string, text: string, layout: Layout): string {
  const { c, color } = layout;
  const description = oneLine(layout.mask.apply(block.description));
  text += color
    ? `${c.dim(ownPrefix)}${kindColor(block.kind, c)}  ${c.bold(description)}\n`
    : `${ownPrefix}${block.kind}  ${description}\n`;
  if (block.kind === "interleaved") {
    const indent = `${childPrefix}  `;
    if (block.steps.length === 0) text += color ? `${c.dim(`${indent}(no steps)`)}\n` : `${indent}(no steps)\n`;
    for (const step of block.steps) text = writeStep(step, indent, text, layout);
    return text;
  }
  const last = block.blocks.length - 1;
  for (let index = 0; index <= last; index++) {
    const ownGuide = index === last ? "└─ " : "├─ ";
    const childGuide = index === last ? "   " : "│  ";
    text = writeBlock(block.blocks[index], childPrefix + ownGuide, childPrefix + childGuide, text, layout);
  }
  return text;
}

function writeStep(step: PlannedStep, indent: string, text: string, layout: Layout): string {
  const { c, color } = layout;
  const order = String(step.order).padStart(layout.orderWidth);
  const description = oneLine(layout.mask.apply(step.description));
  const marker = checkpointMarker(step);
  const width = displayWidth(indent) + order.length + 2 + displayWidth(description) + markerWidth(step);
  const gap = " ".repeat(Math.max(2, layout.ruleColumn - width + 2));
  if (!color) return `${text}${indent}${order}  ${description}${marker ? `  ${marker}` : ""}${gap}${step.rule}\n`;
  const painted = marker ? `  ${c.green(marker)}` : "";
  return `${text}${c.dim(indent)}${c.yellow(order)}  ${description}${painted}${gap}${c.dim(step.rule)}\n`;
}

/** `[checkpoint CREATE]`, with the name of an intermediate checkpoint when it has one. */
function checkpointMarker(step: PlannedStep): string | undefined {
  if (!step.checkpoint) return undefined;
  return step.checkpointName
    ? `[checkpoint ${step.checkpoint}: ${step.checkpointName}]`
    : `[checkpoint ${step.checkpoint}]`;
}

/** Columns of the checkpoint marker with the two spaces before it; 0 without one. */
function markerWidth(step: PlannedStep): number {
  const marker = checkpointMarker(step);
  return marker ? 2 + displayWidth(marker) : 0;
}

/** One line per step and block, whatever an expression put in a description. */
function oneLine(text: string): string {
  return text.includes("\n") ? text.replace(/\s*\r?\n\s*/g, " ") : text;
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
