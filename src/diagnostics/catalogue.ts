import type { Diagnostic, Severity, SourceLocation } from "./diagnostic.js";
import { cliMessages } from "./messages/cli.js";
import { deltaMessages } from "./messages/delta.js";
import { planningMessages } from "./messages/planning.js";
import { pythonMessages } from "./messages/python.js";
import { repositoryMessages } from "./messages/repository.js";
import { rulesMessages } from "./messages/rules.js";
import { stepsMessages } from "./messages/steps.js";
import { typesMessages } from "./messages/types.js";
import { workspaceMessages } from "./messages/workspace.js";

/**
 * One entry of the catalogue. `message` and `hint` may hold `{name}` placeholders filled
 * from the arguments given to `diagnostic()`.
 */
export interface MessageDefinition {
  severity: Severity;
  message: string;
  hint?: string;
}

export type MessageSection = Record<string, MessageDefinition>;

/**
 * Code ranges: PW1xxx workspace and planner.conf, PW2xxx types and synthetic.xml,
 * PW3xxx repository YAML, PW4xxx xl-rules.xml and the rule registry, PW5xxx steps and
 * parameters, PW6xxx Python, PW7xxx specification, delta and orchestration,
 * PW8xxx planning, PW9xxx command line. Each range lives in its own file of `messages/`.
 */
const sections: MessageSection[] = [
  workspaceMessages,
  typesMessages,
  repositoryMessages,
  rulesMessages,
  stepsMessages,
  pythonMessages,
  deltaMessages,
  planningMessages,
  cliMessages,
];

export const catalogue: Readonly<Record<string, MessageDefinition>> = mergeSections(sections);

function mergeSections(all: MessageSection[]): Record<string, MessageDefinition> {
  const merged: Record<string, MessageDefinition> = {};
  for (const section of all) {
    for (const [code, definition] of Object.entries(section)) {
      if (merged[code]) throw new Error(`diagnostic code ${code} is defined twice`);
      merged[code] = definition;
    }
  }
  return merged;
}

export type MessageArguments = Record<string, string | number | boolean | undefined | null>;

export interface DiagnosticContext extends Partial<SourceLocation> {
  rule?: string;
}

/** Builds a catalogue diagnostic. An unknown code is a bug in Planwright, so it throws. */
export function diagnostic(code: string, args: MessageArguments = {}, at: DiagnosticContext = {}): Diagnostic {
  const definition = catalogue[code];
  if (!definition) throw new Error(`unknown diagnostic code ${code}`);
  const result: Diagnostic = {
    code,
    severity: definition.severity,
    message: fill(definition.message, args),
  };
  if (at.file !== undefined) result.file = at.file;
  if (at.line !== undefined) result.line = at.line;
  if (at.column !== undefined) result.column = at.column;
  if (at.rule !== undefined) result.rule = at.rule;
  if (definition.hint !== undefined) result.hint = fill(definition.hint, args);
  return result;
}

function fill(template: string, args: MessageArguments): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = args[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
