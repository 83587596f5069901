import type { MessageSection } from "../catalogue.js";

/** PW7xxx — see the range table in ../catalogue.ts. */
export const deltaMessages: MessageSection = {};
