import type { TypeRegistry } from "../types/model.js";
import { parentId } from "./ids.js";
import type { ConfigurationItem, Repository } from "./model.js";

/**
 * The repository held in memory, indexed by id, parent id and type. Lookups by type are
 * answered from the per-type index over the concrete subtypes and cached, so repeated
 * `findByType` calls during planning cost one map lookup.
 */
export class InMemoryRepository implements Repository {
  private readonly byId = new Map<string, ConfigurationItem>();
  private readonly byParent = new Map<string, ConfigurationItem[]>();
  private readonly byType = new Map<string, ConfigurationItem[]>();
  private readonly byTypeWithSubtypes = new Map<string, ConfigurationItem[]>();
  private readonly sorted: ConfigurationItem[];

  constructor(
    items: Iterable<ConfigurationItem>,
    private readonly types: TypeRegistry,
  ) {
    for (const item of items) this.byId.set(item.id, item);
    this.sorted = [...this.byId.values()].sort(byId);
    for (const item of this.sorted) {
      push(this.byParent, parentId(item.id), item);
      push(this.byType, item.type, item);
    }
  }

  get(id: string): ConfigurationItem | undefined {
    return this.byId.get(id);
  }

  exists(id: string): boolean {
    return this.byId.has(id);
  }

  children(id: string): ConfigurationItem[] {
    return [...(this.byParent.get(id) ?? [])];
  }

  findByType(type: string): ConfigurationItem[] {
    let found = this.byTypeWithSubtypes.get(type);
    if (!found) {
      const names = new Set([type, ...this.types.concreteSubtypes(type)]);
      found = [...names].flatMap((name) => this.byType.get(name) ?? []).sort(byId);
      this.byTypeWithSubtypes.set(type, found);
    }
    return [...found];
  }

  all(): ConfigurationItem[] {
    return [...this.sorted];
  }
}

function byId(a: ConfigurationItem, b: ConfigurationItem): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
