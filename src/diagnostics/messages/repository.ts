import type { MessageSection } from "../catalogue.js";

/** PW3xxx — see the range table in ../catalogue.ts. */
export const repositoryMessages: MessageSection = {};
