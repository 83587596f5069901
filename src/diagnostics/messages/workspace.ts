import type { MessageSection } from "../catalogue.js";

/** PW1xxx — the home, the classpath, XML files in general and planner.conf. */
export const workspaceMessages: MessageSection = {
  PW1001: {
    severity: "error",
    message: "Malformed XML: {detail}",
    hint: "Fix the XML syntax; the position points at the first character the parser could not accept.",
  },
  PW1002: {
    severity: "warning",
    message: "XML declaration is not at the start of the file",
    hint: "Move `<?xml ...?>` to the very first line, before any comment.",
  },
  PW1003: {
    severity: "error",
    message: "Home directory {home} does not exist or is not a directory",
    hint: "Pass an existing directory with --home, set PLANWRIGHT_HOME, or run from the home directory.",
  },
  PW1004: {
    severity: "error",
    message: "Plugin archive {archive} is not a readable zip file ({detail}); it is skipped",
    hint: "A .jar, .xldp or .zip under plugins/ must be a zip archive; rebuild it or remove it.",
  },
  PW1005: {
    severity: "error",
    message: "Path '{path}' escapes the classpath",
    hint: "Classpath paths are relative to a classpath root (ext/ or a plugin) and may not start with '/' or climb out with '..'.",
  },
  PW1006: {
    severity: "error",
    message: "Cannot read {path}: {detail}",
    hint: "Check that the file exists and is readable.",
  },
  PW1010: {
    severity: "error",
    message: "planner.conf syntax error: {detail}",
    hint: "planner.conf is HOCON, e.g. `xl { file-watch { interval = 5 seconds } }` or `xl.file-watch.interval = 5 seconds`.",
  },
  PW1011: {
    severity: "error",
    message: "'{value}' is not a valid duration for {key}",
    hint: "Write a non-negative number with an optional unit: `500 ms`, `2s`, `5 seconds`, `1 minute`, `1h` (a bare number means milliseconds).",
  },
  PW1012: {
    severity: "error",
    message: "{key} must be greater than zero",
    hint: "Give a positive duration, e.g. `10 seconds`.",
  },
  PW1013: {
    severity: "warning",
    message: "planner.conf: {feature} is not supported and is ignored",
    hint: "Planwright reads a subset of HOCON: objects, dotted keys, strings, numbers, durations, arrays and comments.",
  },
};
