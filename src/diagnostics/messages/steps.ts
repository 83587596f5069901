import type { MessageSection } from "../catalogue.js";

/** PW5xxx — see the range table in ../catalogue.ts. */
export const stepsMessages: MessageSection = {};
