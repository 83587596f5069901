import type { Delta } from "../delta/model.js";
import { type HostObject, hostObject } from "../python/host-object.js";

/** The `deltas` binding of plan-scope rules: the deltas of one interleaved block (`deltas.deltas`). */
export class DeltasBinding implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName = "Deltas";

  constructor(readonly deltas: readonly Delta[]) {}

  pyGetAttr(name: string): unknown {
    if (name === "deltas") return [...this.deltas];
    if (name === "getDeltas") return () => [...this.deltas];
    return undefined;
  }
}
