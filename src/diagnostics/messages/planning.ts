import type { MessageSection } from "../catalogue.js";

/** PW8xxx — see the range table in ../catalogue.ts. */
export const planningMessages: MessageSection = {};
