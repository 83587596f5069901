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
};
