import type { MessageSection } from "../catalogue.js";

/** PW9xxx — the command line, and the last-resort report of an internal error. */
export const cliMessages: MessageSection = {
  PW9999: {
    severity: "error",
    message: "Internal error: {detail}",
    hint: "This is a bug in Planwright; please report it with the command you ran.",
  },
};
