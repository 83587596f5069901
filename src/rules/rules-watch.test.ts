import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rulesXml, testTypes, writeHome } from "../../test/rules/rules-home.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { createStepRegistry } from "../steps/step-catalogue.js";
import { loadClasspath } from "../workspace/classpath.js";
import type { Classpath } from "../workspace/model.js";
import { loadRules } from "./load-rules.js";
import { watchRules } from "./rules-watch.js";

const rule = (name: string) =>
  `<rule name="${name}" scope="plan"><planning-script-path>p.py</planning-script-path></rule>`;
const intervalMs = 40;

function watchedHome() {
  const home = writeHome({ "ext/xl-rules.xml": rulesXml(rule("first")), "ext/p.py": "pass\n" });
  const types = testTypes();
  const load = (classpath: Classpath) => loadRules({ classpath, types, steps: createStepRegistry() });
  const classpath = () => loadClasspath(home).classpath;
  const changes: string[][] = [];
  const errors: Diagnostic[][] = [];
  const watch = watchRules(load(classpath()), {
    intervalMs,
    classpath,
    load,
    onChange: (loaded) => changes.push(loaded.rules.all().map((r) => r.name)),
    onError: (diagnostics) => errors.push(diagnostics),
  });
  return { home, watch, changes, errors };
}

/** Resolves once `condition` holds, or fails after `limitMs`. */
async function within(limitMs: number, condition: () => boolean): Promise<number> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - start;
}

describe("rescanning the rules", () => {
  it("takes an edited rules file into account within the interval", async () => {
    const { home, watch, changes } = watchedHome();
    try {
      writeFileSync(path.join(home, "ext/xl-rules.xml"), rulesXml(rule("first") + rule("second")));
      // One interval, plus slack for a loaded machine.
      await within(intervalMs * 10, () => changes.length === 1);
      expect(changes).toEqual([["first", "second"]]);
      expect(watch.current().rules.get("second")).toBeDefined();
    } finally {
      watch.stop();
    }
  });

  it("keeps the previous rules when the edit has errors, reports them once, then takes the fix", async () => {
    const { home, watch, changes, errors } = watchedHome();
    try {
      const before = watch.current();
      writeFileSync(path.join(home, "ext/xl-rules.xml"), rulesXml(`${rule("first")}<rule name="broken"`));
      await within(intervalMs * 10, () => errors.length === 1);
      expect(errors[0]!.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(["PW1001 ext/xl-rules.xml:3"]);
      expect(watch.current()).toBe(before);
      await new Promise((resolve) => setTimeout(resolve, intervalMs * 3));
      expect(errors.length).toBe(1);
      expect(changes).toEqual([]);

      writeFileSync(path.join(home, "ext/xl-rules.xml"), rulesXml(rule("fixed")));
      await within(intervalMs * 10, () => changes.length === 1);
      expect(
        watch
          .current()
          .rules.all()
          .map((r) => r.name),
      ).toEqual(["fixed"]);
    } finally {
      watch.stop();
    }
  });

  it("rescans when a planning script changes, and never with interval 0", () => {
    const home = writeHome({ "ext/xl-rules.xml": rulesXml(rule("first")), "ext/p.py": "pass\n" });
    const types = testTypes();
    let loads = 0;
    const load = (classpath: Classpath) => {
      loads++;
      return loadRules({ classpath, types, steps: createStepRegistry() });
    };
    const classpath = () => loadClasspath(home).classpath;
    const watch = watchRules(load(classpath()), { intervalMs: 0, classpath, load });
    expect(watch.rescan()).toBe(false);
    writeFileSync(path.join(home, "ext/p.py"), "print 'changed'\n");
    expect(watch.rescan()).toBe(true);
    expect(loads).toBe(2);
    watch.stop();
  });
});
