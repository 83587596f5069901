import type { LogLevel } from "../../planning/script-logger.js";

/**
 * Where planning scripts' `logger` and `print` output goes: stderr, so that stdout stays
 * data. Debug messages only with PLANWRIGHT_DEBUG set (XL Deploy's logback level, in spirit).
 */
export function scriptLog(level: LogLevel, message: string): void {
  if (level === "debug" && !process.env.PLANWRIGHT_DEBUG) return;
  process.stderr.write(`[${level}] ${message.endsWith("\n") ? message.slice(0, -1) : message}\n`);
}
