import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
const scriptRule = `<rules xmlns="http://www.xebialabs.com/xl-deploy/xl-rules">
  <rule name="demo.Scripted" scope="pre-plan">
    <planning-script-path>planning/announce.py</planning-script-path>
  </rule>
</rules>
`;
const script = (description: string) => `context.addStep(steps.noop(description = "${description}", order = 10))\n`;
/** A home plugin module whose post-plan processor adds one step with this description. */
const pluginModule = (description: string) => `export default {
  postPlanProcessors: [
    {
      className: "com.acme.Announcer",
      method: "announce",
      process(planning) {
        planning.addStep({ type: "noop", parameters: { description: "${description}" } });
      },
    },
  ],
};
`;

let home: string;
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** A copy of the demo home with these files added, watched like `plan --watch` does, capturing its output. */
async function watching(files: Record<string, string>, test: (session: WatchSession) => Promise<void>) {
  home = mkdtempSync(path.join(os.tmpdir(), "planwright-watch-"));
  cpSync(base, home, { recursive: true });
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(home, file)), { recursive: true });
    writeFileSync(path.join(home, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  const session: WatchSession = {
    out: [],
    err: [],
    write,
    stdout: () => session.out.join(""),
    stderr: () => session.err.join(""),
  };
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  process.stdout.write = ((chunk: string) => session.out.push(chunk) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => session.err.push(chunk) > 0) as typeof process.stderr.write;
  let stop = () => {};
  const until = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const request = { kind: "deploy", packageId: "Applications/Shop/1.0", environmentId: "Environments/Dev" } as const;
  const options = { format: "text", color: false } as const;
  const watch = watchPlans(home, request, options, until);
  try {
    await test(session);
  } finally {
    stop();
    await watch;
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

interface WatchSession {
  out: string[];
  err: string[];
  write(file: string, text: string): void;
  stdout(): string;
  stderr(): string;
}

describe("plan --watch", () => {
  it("plans again soon after a rules file changes, and keeps the previous rules after a broken edit", async () => {
    await watching({ "ext/xl-rules.xml": rules("First version") }, async (session) => {
      await waitFor(() => session.stdout().includes("First version"));
      const changed = Date.now();
      session.write("ext/xl-rules.xml", rules("Second version"));
      await waitFor(() => session.stdout().includes("Second version"));
      expect(Date.now() - changed).toBeLessThan(500);
      session.out.length = 0;
      session.err.length = 0;
      session.write("ext/xl-rules.xml", rules("<broken"));
      await waitFor(() => session.stderr().includes("planning with the previous ones"));
      await waitFor(() => session.stdout().includes("Second version"));
      // Reported once for the edit, not again by the plan made with the previous rules.
      expect(session.stderr().match(/ext\/xl-rules\.xml:\d+:\d+ error PW1001/g)).toHaveLength(1);
      session.write("ext/xl-rules.xml", rules("Third version"));
      await waitFor(() => session.stdout().includes("Third version"));
    });
  });

  it("checks on planner.conf's xl.file-watch.interval instead of at once when it is set", async () => {
    const files = {
      "ext/xl-rules.xml": rules("First version"),
      "conf/planner.conf": "xl.file-watch.interval = 1500 milliseconds\n",
    };
    await watching(files, async (session) => {
      await waitFor(() => session.stdout().includes("First version"));
      const changed = Date.now();
      session.write("ext/xl-rules.xml", rules("Second version"));
      await waitFor(() => session.stdout().includes("Second version"));
      // The first check comes one interval after the watch started, just before the first plan.
      expect(Date.now() - changed).toBeGreaterThan(700);
    });
  });

  it("notices rules files that are added and removed, and a changed planning script", async () => {
    const files = { "ext/xl-rules.xml": scriptRule, "ext/planning/announce.py": script("Scripted first") };
    await watching(files, async (session) => {
      await waitFor(() => session.stdout().includes("Scripted first"));
      session.write("ext/planning/announce.py", script("Scripted second"));
      await waitFor(() => session.stdout().includes("Scripted second"));
      session.write("plugins/extra/xl-rules.xml", rules("From the added rules file"));
      await waitFor(() => session.stdout().includes("From the added rules file"));
      session.out.length = 0;
      rmSync(path.join(home, "plugins/extra/xl-rules.xml"));
      await waitFor(() => session.stdout().includes("Scripted second"));
      expect(session.stdout()).not.toContain("From the added rules file");
    });
  });

  it("notices a changed Python module that a planning script imports", async () => {
    const files = {
      "ext/xl-rules.xml": scriptRule,
      "ext/planning/announce.py":
        "from planning import wording\ncontext.addStep(steps.noop(description = wording.TEXT, order = 10))\n",
      "ext/planning/__init__.py": "",
      "ext/planning/wording.py": 'TEXT = "Imported first"\n',
    };
    await watching(files, async (session) => {
      await waitFor(() => session.stdout().includes("Imported first"), 30_000);
      session.write("ext/planning/wording.py", 'TEXT = "Imported second"\n');
      await waitFor(() => session.stdout().includes("Imported second"));
    });
  });

  it("imports a changed plugin module again, and keeps the last good modules while one is broken", async () => {
    await watching({ "plugins/acme/index.mjs": pluginModule("Module first") }, async (session) => {
      await waitFor(() => session.stdout().includes("Module first"));
      const changed = Date.now();
      session.write("plugins/acme/index.mjs", pluginModule("Module second"));
      await waitFor(() => session.stdout().includes("Module second"));
      expect(Date.now() - changed).toBeLessThan(500);

      session.out.length = 0;
      session.write("plugins/acme/index.mjs", `throw new Error("the acme licence key is missing");\n`);
      await waitFor(() => session.stdout().includes("Module second"));
      expect(session.stderr()).toContain(
        "plugins/acme/index.mjs error PW8501: The plugin module plugins/acme/index.mjs could not be loaded: the acme licence key is missing",
      );
      expect(session.stderr()).toContain("planning with the previous ones");

      session.err.length = 0;
      session.out.length = 0;
      session.write("plugins/acme/index.mjs", "export default { postPlanProcessors: 'none' };\n");
      await waitFor(() => session.stderr().includes("PW8502"));
      expect(session.stderr()).toContain("`postPlanProcessors` must be an array");
      await waitFor(() => session.stdout().includes("Module second"));

      session.write("plugins/acme/index.mjs", pluginModule("Module third"));
      await waitFor(() => session.stdout().includes("Module third"));
    });
  });

  it("imports a changed CommonJS plugin module again", async () => {
    const commonJs = (description: string) => pluginModule(description).replace("export default", "module.exports =");
    await watching({ "plugins/acme/index.js": commonJs("CommonJS first") }, async (session) => {
      await waitFor(() => session.stdout().includes("CommonJS first"));
      session.write("plugins/acme/index.js", commonJs("CommonJS second"));
      await waitFor(() => session.stdout().includes("CommonJS second"));
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
