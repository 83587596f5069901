import type { MessageSection } from "../catalogue.js";

/** PW4xxx — see the range table in ../catalogue.ts. */
export const rulesMessages: MessageSection = {};
