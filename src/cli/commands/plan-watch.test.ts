import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchPlans } from "./plan.js";

const base = path.resolve(import.meta.dirname, "../../../test/scenarios/_base/demo");
const rules = (description: string) => `<rules xmlns="http://www.xebialabs.com/xl-deploy/xl-rules">
  <rule name="demo.Announce" scope="pre-plan">
    <steps><noop><description>${description}</description></noop></steps>
  </rule>
</rules>
`;

let home: string;
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe("plan --watch", () => {
  it("plans again soon after a rules file changes, and keeps the previous rules after a broken edit", async () => {
    home = mkdtempSync(path.join(os.tmpdir(), "planwright-watch-"));
    cpSync(base, home, { recursive: true });
    const rulesFile = path.join(home, "ext", "xl-rules.xml");
    writeFileSync(rulesFile, rules("First version"));
    const out: string[] = [];
    const err: string[] = [];
    const writeOut = process.stdout.write;
    const writeErr = process.stderr.write;
    process.stdout.write = ((chunk: string) => out.push(chunk) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => err.push(chunk) > 0) as typeof process.stderr.write;
    let stop = () => {};
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const request = { kind: "deploy", packageId: "Applications/Shop/1.0", environmentId: "Environments/Dev" } as const;
    const options = { format: "text", color: false } as const;
    const watching = watchPlans(home, request, options, until);
    try {
      await waitFor(() => out.join("").includes("First version"), 5000);
      const changed = Date.now();
      writeFileSync(rulesFile, rules("Second version"));
      await waitFor(() => out.join("").includes("Second version"), 5000);
      expect(Date.now() - changed).toBeLessThan(500);
      out.length = 0;
      writeFileSync(rulesFile, rules("<broken"));
      await waitFor(() => err.join("").includes("planning with the previous rules"), 5000);
      expect(err.join("")).toMatch(/ext\/xl-rules\.xml:\d+:\d+ error PW1001/);
      await waitFor(() => out.join("").includes("Second version"), 5000);
      writeFileSync(rulesFile, rules("Third version"));
      await waitFor(() => out.join("").includes("Third version"), 5000);
    } finally {
      stop();
      await watching;
      process.stdout.write = writeOut;
      process.stderr.write = writeErr;
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
