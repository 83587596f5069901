import type { Plan, PlanBlock, PlannedStep } from "./model.js";

/**
 * The plan as nested clusters of step nodes with the edges of its serial order, shared by
 * the DOT and Mermaid renderers. Steps of an interleaved block run one after another; the
 * children of a serial block too, so one edge joins each child to the next (cluster to
 * cluster, which keeps the edge count linear); children of a parallel block are unjoined.
 */
export interface GraphCluster {
  id: string;
  block: PlanBlock;
  children: (GraphCluster | GraphNode)[];
  /** Some node inside, where edges into and out of the cluster attach. */
  firstNode: GraphNode;
  lastNode: GraphNode;
}

export interface GraphNode {
  id: string;
  /** Undefined for the placeholder of an interleaved block without steps. */
  step?: PlannedStep;
}

export interface GraphEdge {
  from: GraphNode | GraphCluster;
  to: GraphNode | GraphCluster;
}

export interface BlockGraph {
  root: GraphCluster;
  edges: GraphEdge[];
}

export function isCluster(item: GraphCluster | GraphNode): item is GraphCluster {
  return "children" in item;
}

export function blockGraph(plan: Plan): BlockGraph {
  const edges: GraphEdge[] = [];
  let clusters = 0;
  let nodes = 0;
  const build = (block: PlanBlock): GraphCluster => {
    const id = `b${clusters++}`;
    if (block.kind === "interleaved") {
      const children: GraphNode[] =
        block.steps.length === 0 ? [{ id: `s${nodes++}` }] : block.steps.map((step) => ({ id: `s${nodes++}`, step }));
      for (let i = 1; i < children.length; i++) edges.push({ from: children[i - 1], to: children[i] });
      return { id, block, children, firstNode: children[0], lastNode: children[children.length - 1] };
    }
    const children = block.blocks.map(build);
    if (block.kind === "serial") {
      for (let i = 1; i < children.length; i++) edges.push({ from: children[i - 1], to: children[i] });
    }
    if (children.length === 0) {
      const placeholder: GraphNode = { id: `s${nodes++}` };
      return { id, block, children: [placeholder], firstNode: placeholder, lastNode: placeholder };
    }
    return {
      id,
      block,
      children,
      firstNode: children[0].firstNode,
      lastNode: children[children.length - 1].lastNode,
    };
  };
  const root = build(plan.root);
  return { root, edges };
}
