import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration.js";
import { hoconLookup, parseHocon } from "./hocon.js";
import { loadPlannerSettings, readPlannerSettings } from "./planner-settings.js";

const file = "conf/planner.conf";

describe("planner.conf", () => {
  it.each([
    ["nested objects", "xl {\n  file-watch {\n    interval = 5 seconds\n  }\n}\n"],
    ["dotted keys", "xl.file-watch.interval = 5 seconds\n"],
    ["colon separator", "xl.file-watch.interval: 5 seconds"],
    ["braced root and quoted key", '{ "xl" { file-watch.interval : "5 seconds" } }'],
    ["mixed and merged objects", "xl { python.time-limit = 3s }\nxl.file-watch { interval = 5000 }\n"],
    ["comments", "# header\nxl { // watch\n  file-watch.interval = 5s # five\n}\n"],
    ["comma-separated fields", "xl { file-watch { interval = 5 seconds, other = x }, z = [1, 2] }"],
  ])("reads xl.file-watch.interval from %s", (_name, source) => {
    const { settings, diagnostics } = readPlannerSettings(source, file);
    expect(diagnostics).toEqual([]);
    expect(settings.fileWatchIntervalMs).toBe(5000);
  });

  it("keeps the defaults for an empty file and ignores unknown keys", () => {
    expect(readPlannerSettings("", file)).toEqual({
      settings: { fileWatchIntervalMs: 0, pythonTimeLimitMs: 10_000 },
      diagnostics: [],
    });
    expect(readPlannerSettings("akka.loglevel = DEBUG\nxl.unknown { a = 1 }", file).diagnostics).toEqual([]);
  });

  it("reads the Python time limit", () => {
    expect(readPlannerSettings("xl.python.time-limit = 1 minute", file).settings.pythonTimeLimitMs).toBe(60_000);
  });

  it("later values override earlier ones", () => {
    const source = "xl.file-watch.interval = 1s\nxl { file-watch { interval = 2s } }";
    expect(readPlannerSettings(source, file).settings.fileWatchIntervalMs).toBe(2000);
  });

  it("reports a bad duration at the value and keeps the default", () => {
    const { settings, diagnostics } = readPlannerSettings("xl {\n  file-watch.interval = 5 fortnights\n}", file);
    expect(settings.fileWatchIntervalMs).toBe(0);
    expect(diagnostics).toMatchObject([
      {
        code: "PW1011",
        severity: "error",
        file,
        line: 2,
        column: 25,
        message: expect.stringContaining("5 fortnights"),
      },
    ]);
  });

  it("refuses a zero Python time limit", () => {
    const { settings, diagnostics } = readPlannerSettings("xl.python.time-limit = 0s", file);
    expect(settings.pythonTimeLimitMs).toBe(10_000);
    expect(diagnostics).toMatchObject([{ code: "PW1012", line: 1, column: 24 }]);
  });

  it.each([
    ["a missing closing brace", "xl {\n  file-watch.interval = 5s\n", 3, 1],
    ["a key without a value", "xl.file-watch.interval 5s", 1, 24],
    ["an unterminated string", 'xl.file-watch.interval = "5s\n', 1, 26],
    ["a stray closing bracket", "xl = 1 ]", 1, 8],
  ])("reports %s with its position", (_name, source, line, column) => {
    const { diagnostics } = readPlannerSettings(source, file);
    expect(diagnostics).toMatchObject([{ code: "PW1010", severity: "error", file, line, column }]);
  });

  it("warns about includes and substitutions", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a HOCON substitution, not a template
    const { diagnostics } = readPlannerSettings('include "other.conf"\nxl.a = ${HOME}\n', file);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ["PW1013", "warning", 1],
      ["PW1013", "warning", 2],
    ]);
  });

  it("loads conf/planner.conf from a home, and the defaults without one", () => {
    const home = mkdtempSync(path.join(tmpdir(), "planwright-conf-"));
    expect(loadPlannerSettings(home).settings.fileWatchIntervalMs).toBe(0);
    mkdirSync(path.join(home, "conf"));
    writeFileSync(path.join(home, "conf", "planner.conf"), "xl.file-watch.interval = 2 seconds\n");
    expect(loadPlannerSettings(home)).toEqual({
      settings: { fileWatchIntervalMs: 2000, pythonTimeLimitMs: 10_000 },
      diagnostics: [],
    });
  });
});

describe("HOCON values", () => {
  it("keeps strings, concatenation, escapes and arrays", () => {
    const { root, diagnostics } = parseHocon(
      'a = "x\\ty"\nb = hello  world  \nc = "quoted" tail\nd = [1, "two", { e = 3 }]\n"f.g" = 1',
      "x.conf",
    );
    expect(diagnostics).toEqual([]);
    expect(hoconLookup(root, "a")).toMatchObject({ text: "x\ty", quoted: true });
    expect(hoconLookup(root, "b")).toMatchObject({ text: "hello  world", quoted: false });
    expect(hoconLookup(root, "c")).toMatchObject({ text: "quoted tail", quoted: false });
    const d = hoconLookup(root, "d");
    expect(d?.kind === "array" && d.items.map((item) => item.kind)).toEqual(["scalar", "scalar", "object"]);
    expect(root.fields.get("f.g")).toMatchObject({ text: "1" });
  });
});

describe("durations", () => {
  it.each([
    ["5 seconds", 5000],
    ["500 ms", 500],
    ["2s", 2000],
    ["1 minute", 60_000],
    ["1.5 minutes", 90_000],
    ["250", 250],
    ["0 seconds", 0],
    ["1h", 3_600_000],
    ["2 days", 172_800_000],
  ])("%s is %i ms", (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each(["", "seconds", "-5 s", "5 fortnights", "five seconds", "5 s s"])("rejects '%s'", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
