import type { GraphCluster, GraphNode } from "./block-graph.js";
import { blockGraph, isCluster } from "./block-graph.js";
import type { Plan } from "./model.js";
import { type PropertyLookup, SecretMask } from "./secret-mask.js";

export interface MermaidRenderOptions {
  /** Finds password properties, whose values are masked. */
  types: PropertyLookup;
}

/** A Mermaid flowchart: a subgraph per block, a node per step, edges for serial order. */
export function renderMermaid(plan: Plan, options: MermaidRenderOptions): string {
  const mask = SecretMask.forPlan(plan, options.types);
  const graph = blockGraph(plan);
  const lines = ["flowchart TB"];
  writeCluster(graph.root, "  ", lines, mask);
  for (const edge of graph.edges) lines.push(`  ${edge.from.id} --> ${edge.to.id}`);
  lines.push(
    "  classDef create fill:#e6f4ea,stroke:#34a853",
    "  classDef modify fill:#fff4d6,stroke:#f9ab00",
    "  classDef destroy fill:#fde7e9,stroke:#ea4335",
    "  classDef noop fill:#f1f3f4,stroke:#9aa0a6",
  );
  const byOperation = new Map<string, string[]>();
  collectStepNodes(graph.root, (node) => {
    const operation = node.step?.operation;
    if (!operation) return;
    const ids = byOperation.get(operation) ?? [];
    ids.push(node.id);
    byOperation.set(operation, ids);
  });
  for (const [operation, ids] of byOperation) lines.push(`  class ${ids.join(",")} ${operation.toLowerCase()}`);
  return `${lines.join("\n")}\n`;
}

function writeCluster(cluster: GraphCluster, indent: string, lines: string[], mask: SecretMask): void {
  lines.push(
    `${indent}subgraph ${cluster.id}[${quote(`${cluster.block.kind}: ${mask.apply(cluster.block.description)}`)}]`,
  );
  for (const child of cluster.children) {
    if (isCluster(child)) writeCluster(child, `${indent}  `, lines, mask);
    else lines.push(`${indent}  ${nodeStatement(child, mask)}`);
  }
  lines.push(`${indent}end`);
}

function nodeStatement(node: GraphNode, mask: SecretMask): string {
  const step = node.step;
  if (!step) return `${node.id}[${quote("(no steps)")}]`;
  const label = [
    `${step.order} ${mermaidText(mask.apply(step.description))}`,
    `<small>${mermaidText(step.rule)}</small>`,
  ];
  if (step.checkpoint) label.push(`<b>checkpoint ${step.checkpoint}</b>`);
  return `${node.id}["${label.join("<br/>")}"]`;
}

function collectStepNodes(cluster: GraphCluster, visit: (node: GraphNode) => void): void {
  for (const child of cluster.children) {
    if (isCluster(child)) collectStepNodes(child, visit);
    else visit(child);
  }
}

function quote(text: string): string {
  return `"${mermaidText(text)}"`;
}

/** Mermaid entity codes for what would end a label or be read as markup. */
function mermaidText(text: string): string {
  return text
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/\r?\n/g, "<br/>");
}
