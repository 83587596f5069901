import type { Delta } from "../delta/model.js";
import { lastSegment, parentId } from "../repository/ids.js";
import { type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import { describeGroup } from "./descriptions.js";
import type { OrchestrationBlock, OrchestrationInput, Orchestrator } from "./model.js";

/** Deltas that go into one interleaved block, with the words that describe the group. */
export interface DeltaGroup {
  qualifier: string;
  deltas: Delta[];
}

/**
 * An orchestrator that splits a leaf's deltas into groups (listed in deployment order) and
 * returns a serial or parallel block of one interleaved block per group. Serial order is
 * reversed for an undeployment (reference §2.1). A leaf without deltas stays as it is, so
 * plan-scope rules still get their interleaved block.
 */
export function groupingOrchestrator(
  name: string,
  kind: "serial" | "parallel",
  groups: (input: OrchestrationInput) => DeltaGroup[],
): Orchestrator {
  return {
    name,
    orchestrate(input: OrchestrationInput): OrchestrationBlock {
      if (input.deltas.length === 0) return { kind: "interleaved", description: input.description, deltas: [] };
      const ordered = inDeploymentOrder(input, groups(input), kind);
      return {
        kind,
        description: input.description,
        blocks: ordered.map((group) => ({
          kind: "interleaved",
          description: describeGroup(input, group.qualifier),
          deltas: group.deltas,
        })),
      };
    },
  };
}

export function inDeploymentOrder<T>(input: OrchestrationInput, items: T[], kind: "serial" | "parallel"): T[] {
  return kind === "serial" && input.specification.operation === "DESTROY" ? [...items].reverse() : items;
}

/** Groups items by a key, keeping their order inside each group; groups in first-seen order. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The container of a delta's deployed (reference §2.3: `deployedOrPrevious.container`). */
export function containerOf(delta: Delta): ConfigurationItem | undefined {
  const container = delta.deployedOrPrevious.values.container;
  return isConfigurationItem(container) ? container : undefined;
}

/** Container id and name; a deployed without a container is grouped under its id's parent. */
export function containerKey(delta: Delta): { id: string; name: string } {
  const container = containerOf(delta);
  if (container) return { id: container.id, name: container.name };
  const id = parentId(delta.id);
  return { id, name: lastSegment(id) };
}

/** Text comparison by code unit, so the order never depends on the locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
