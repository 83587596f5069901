import type { Operation } from "../delta/model.js";
import type { GraphCluster, GraphNode } from "./block-graph.js";
import { blockGraph, isCluster } from "./block-graph.js";
import type { Plan } from "./model.js";
import { summarizePlan, summaryLine } from "./plan-summary.js";
import { type PropertyLookup, SecretMask } from "./secret-mask.js";

export interface DotRenderOptions {
  /** Finds password properties, whose values are masked. */
  types: PropertyLookup;
}

const operationFill: Record<Operation, string> = {
  CREATE: "#e6f4ea",
  MODIFY: "#fff4d6",
  DESTROY: "#fde7e9",
  NOOP: "#f1f3f4",
};

const kindColor = { serial: "#1a73e8", parallel: "#9334e6", interleaved: "#5f6368" } as const;

/** Graphviz: a cluster per block, a node per step, edges for serial order. */
export function renderDot(plan: Plan, options: DotRenderOptions): string {
  const mask = SecretMask.forPlan(plan, options.types);
  const graph = blockGraph(plan);
  const lines = [
    "digraph plan {",
    `  graph [compound=true, rankdir=TB, fontname="Helvetica", fontsize=12, labelloc=t, label=${quote(summaryLine(summarizePlan(plan)))}];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];',
    '  edge [arrowsize=0.6, color="#5f6368"];',
  ];
  writeCluster(graph.root, "  ", lines, mask);
  for (const edge of graph.edges) {
    const from = isCluster(edge.from) ? edge.from.lastNode : edge.from;
    const to = isCluster(edge.to) ? edge.to.firstNode : edge.to;
    const attributes = [
      isCluster(edge.from) ? `ltail=cluster_${edge.from.id}` : undefined,
      isCluster(edge.to) ? `lhead=cluster_${edge.to.id}` : undefined,
    ].filter((a) => a !== undefined);
    lines.push(`  ${from.id} -> ${to.id}${attributes.length > 0 ? ` [${attributes.join(", ")}]` : ""};`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function writeCluster(cluster: GraphCluster, indent: string, lines: string[], mask: SecretMask): void {
  const block = cluster.block;
  lines.push(`${indent}subgraph cluster_${cluster.id} {`);
  lines.push(
    `${indent}  label=${quote(`${block.kind}: ${mask.apply(block.description)}`)}; style=rounded; color="${kindColor[block.kind]}";`,
  );
  for (const child of cluster.children) {
    if (isCluster(child)) writeCluster(child, `${indent}  `, lines, mask);
    else lines.push(`${indent}  ${nodeStatement(child, mask)}`);
  }
  lines.push(`${indent}}`);
}

function nodeStatement(node: GraphNode, mask: SecretMask): string {
  const step = node.step;
  if (!step) return `${node.id} [label="(no steps)", style="dashed"];`;
  const label = [`${step.order}  ${mask.apply(step.description)}`, step.rule];
  if (step.checkpoint) label.push(`checkpoint ${step.checkpoint}`);
  const attributes = [`label=${quote(label.join("\n"))}`];
  if (step.operation) attributes.push(`fillcolor="${operationFill[step.operation]}"`);
  if (step.checkpoint) attributes.push("penwidth=2");
  return `${node.id} [${attributes.join(", ")}];`;
}

/** A DOT double-quoted string; newlines become centred line breaks. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}
