import { describe, expect, it } from "vitest";
import { fixtureTypes, updatePlan } from "../../test/fixtures/petclinic-plan.js";
import { renderDot } from "./dot-renderer.js";
import { renderMermaid } from "./mermaid-renderer.js";

// The update plan: 7 blocks; interleaved chains of 1, 1, 4, 0 and 1 steps (3 edges);
// the root serial block joins its 4 children (3 edges); the parallel block joins none.
const blockCount = 7;
const edgeCount = 6;

describe("renderDot", () => {
  const dot = renderDot(updatePlan, { types: fixtureTypes });

  it("draws a cluster per block and an edge per serial succession", () => {
    expect(dot.match(/subgraph cluster_/g)).toHaveLength(blockCount);
    expect(dot.match(/ -> /g)).toHaveLength(edgeCount);
    expect(dot).toMatch(/^digraph plan \{/);
    expect(dot.trimEnd().endsWith("}")).toBe(true);
  });

  it("joins serial children cluster to cluster", () => {
    expect(dot).toContain("s0 -> s1 [ltail=cluster_b1, lhead=cluster_b2];");
  });

  it("escapes quotes in labels and marks checkpoints", () => {
    expect(dot).toContain('label="50  Notify \\"#petclinic\\" <team> that 2.0 is live\\npetclinic.Notify"');
    expect(dot).toContain("checkpoint CREATE");
  });

  it("balances its braces", () => {
    expect(dot.split("{").length).toBe(dot.split("}").length);
  });
});

describe("renderMermaid", () => {
  const mermaid = renderMermaid(updatePlan, { types: fixtureTypes });

  it("draws a subgraph per block and an edge per serial succession", () => {
    expect(mermaid.startsWith("flowchart TB\n")).toBe(true);
    expect(mermaid.match(/^\s*subgraph /gm)).toHaveLength(blockCount);
    expect(mermaid.match(/^\s*end$/gm)).toHaveLength(blockCount);
    expect(mermaid.match(/ --> /g)).toHaveLength(edgeCount);
  });

  it("writes quotes, hashes and angle brackets as entity codes", () => {
    expect(mermaid).toContain("50 Notify #quot;#35;petclinic#quot; #lt;team#gt; that 2.0 is live");
  });

  it("classes step nodes by operation", () => {
    expect(mermaid).toContain("\n  class s1 create\n  class s2 destroy\n  class s3,s4 modify\n");
  });
});
