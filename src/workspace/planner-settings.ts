import { readFileSync } from "node:fs";
import path from "node:path";
import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseDuration } from "./duration.js";
import { type HoconObject, hoconLookup, parseHocon } from "./hocon.js";
import { defaultPlannerSettings, type PlannerSettings } from "./model.js";

export interface PlannerSettingsResult {
  settings: PlannerSettings;
  diagnostics: Diagnostic[];
}

/** `<home>/conf/planner.conf` into settings; a missing file means the defaults. */
export function loadPlannerSettings(home: string): PlannerSettingsResult {
  const file = path.join(home, "conf", "planner.conf");
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      return { settings: { ...defaultPlannerSettings }, diagnostics: [] };
    return {
      settings: { ...defaultPlannerSettings },
      diagnostics: [
        diagnostic("PW1006", { path: "conf/planner.conf", detail: String(error) }, { file: "conf/planner.conf" }),
      ],
    };
  }
  return readPlannerSettings(source, "conf/planner.conf");
}

/**
 * Reads planner settings from HOCON text. Known keys: `xl.file-watch.interval` (0 = never
 * rescan) and Planwright's `xl.python.time-limit` (must be positive). Unknown keys are ignored,
 * as XL Deploy ignores them; a bad value keeps the default and is reported at its position.
 */
export function readPlannerSettings(source: string, file: string): PlannerSettingsResult {
  const { root, diagnostics } = parseHocon(source, file);
  const settings: PlannerSettings = { ...defaultPlannerSettings };
  const interval = durationAt(root, "xl.file-watch.interval", file, diagnostics);
  if (interval !== undefined) settings.fileWatchIntervalMs = interval;
  const timeLimit = durationAt(root, "xl.python.time-limit", file, diagnostics);
  if (timeLimit === 0) {
    const value = hoconLookup(root, "xl.python.time-limit")!;
    diagnostics.push(
      diagnostic("PW1012", { key: "xl.python.time-limit" }, { file, line: value.line, column: value.column }),
    );
  } else if (timeLimit !== undefined) settings.pythonTimeLimitMs = timeLimit;
  return { settings, diagnostics };
}

function durationAt(root: HoconObject, key: string, file: string, diagnostics: Diagnostic[]): number | undefined {
  const value = hoconLookup(root, key);
  if (value === undefined) return undefined;
  const text = value.kind === "scalar" ? value.text : value.kind === "object" ? "{ ... }" : "[ ... ]";
  const milliseconds = value.kind === "scalar" ? parseDuration(value.text) : undefined;
  if (milliseconds === undefined) {
    diagnostics.push(diagnostic("PW1011", { key, value: text }, { file, line: value.line, column: value.column }));
  }
  return milliseconds;
}
