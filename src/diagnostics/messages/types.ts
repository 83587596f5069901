import type { MessageSection } from "../catalogue.js";

/** PW2xxx — see the range table in ../catalogue.ts. */
export const typesMessages: MessageSection = {};
