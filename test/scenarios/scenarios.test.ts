import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

/**
 * Whole-scenario tests: each folder here with a `request.json` holds a `home/` and a
 * `request.json` naming a shared base home from `_base/` (copied first, then `home/` on top)
 * and the command lines to run. Each run's exit code, stdout and stderr are compared with
 * `baseline.<name>.txt`; plans also with their JSON in `baseline.<name>.json`.
 * UPDATE_BASELINES=1 rewrites the baselines (review them before committing).
 */
interface ScenarioRequest {
  name: string;
  args: string[];
}

interface Scenario {
  base?: string;
  requests: ScenarioRequest[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const update = process.env.UPDATE_BASELINES === "1";
const temporary: string[] = [];

afterAll(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

const cases = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(here, entry.name, "request.json")))
  .map((entry) => entry.name)
  .sort();

describe.each(cases)("scenario %s", (name) => {
  const folder = path.join(here, name);
  const scenario = JSON.parse(readFileSync(path.join(folder, "request.json"), "utf8")) as Scenario;

  it.each(scenario.requests.map((request) => [request.name, request] as const))("%s", async (_, request) => {
    const home = buildHome(folder, scenario.base);
    const text = await run([...request.args, "--home", home, "--no-color"], home);
    compare(path.join(folder, `baseline.${request.name}.txt`), text.report);
    if (request.args[0] === "plan" && !request.args.includes("--format") && text.exitCode === 0) {
      const json = await run([...request.args, "--home", home, "--format", "json"], home);
      expect(json.exitCode).toBe(0);
      compare(path.join(folder, `baseline.${request.name}.json`), json.stdout);
    }
  });
});

function buildHome(folder: string, base: string | undefined): string {
  const home = mkdtempSync(path.join(os.tmpdir(), "planwright-scenario-"));
  temporary.push(home);
  if (base) cpSync(path.join(here, "_base", base), home, { recursive: true });
  if (existsSync(path.join(folder, "home"))) cpSync(path.join(folder, "home"), home, { recursive: true });
  return home;
}

/** Runs the CLI in this process, capturing what it writes. */
async function run(args: string[], home: string) {
  const { code: exitCode, stdout: rawOut, stderr: rawErr } = await runCli(args);
  const stdout = rawOut.replaceAll(home, "<home>");
  const stderr = rawErr.replaceAll(home, "<home>");
  const shownArgs = args.filter((arg, i) => arg !== home && args[i - 1] !== "--home" && arg !== "--home");
  const report = `$ planwright ${shownArgs.join(" ")}\nexit ${exitCode}\n--- stdout\n${stdout}--- stderr\n${stderr}`;
  return { exitCode, stdout, report };
}

function compare(file: string, actual: string): void {
  if (update) {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${path.basename(file)} is missing; run with UPDATE_BASELINES=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}
