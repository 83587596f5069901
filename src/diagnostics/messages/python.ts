import type { MessageSection } from "../catalogue.js";

/** PW6xxx — see the range table in ../catalogue.ts. */
export const pythonMessages: MessageSection = {};
