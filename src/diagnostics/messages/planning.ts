import type { MessageSection } from "../catalogue.js";

/** PW8xxx — see the range table in ../catalogue.ts. */
export const planningMessages: MessageSection = {
  PW8001: {
    severity: "error",
    message: "The condition expression of rule '{rule}' returned {type} {value}, not a Boolean",
    hint: "An <expression> must evaluate to True or False; compare explicitly, e.g. `bool(...)` or `... == 'x'`.",
  },
  PW8002: {
    severity: "error",
    message: "Rule '{rule}' failed: {detail}",
    hint: "Fix the rule; planning stops at the first rule that fails and prints no partial plan.",
  },
  PW8003: {
    severity: "error",
    message: "The expression of rule '{rule}' could not be compiled: {detail}",
    hint: "Run `planwright validate` to see every rule problem with its position.",
  },
  PW8004: {
    severity: "error",
    message: "Rule '{rule}' has the unknown implementation kind '{kind}'",
    hint: "Predefined rules must provide a function as their implementation.",
  },
  PW8010: {
    severity: "error",
    message: "No delta of this deployment has the deployed id '{id}'",
    hint: "Use one of the ids that `planwright plan --format json` lists under `deltas`.",
  },
  PW8011: {
    severity: "error",
    message: "No rule is named '{name}'",
    hint: "`planwright rules` lists every registered rule.",
  },
  PW8012: {
    severity: "error",
    message: "Nothing to evaluate: give one or more EXPRESSION arguments or --file F",
    hint: "Example: planwright eval --package Applications/App/1.0 --environment Environments/Dev 'deployedApplication.name'",
  },
  PW8013: {
    severity: "error",
    message: "Cannot read the expression file '{file}': {detail}",
    hint: "Give a readable text file with one expression per line.",
  },
  PW8014: {
    severity: "error",
    message: "Give either --package with --environment, or --undeploy",
    hint: "Deploy: --package Applications/App/1.0 --environment Environments/Dev; undeploy: --undeploy Environments/Dev/App.",
  },
  // PW8500–PW8599: plugin modules and the built-in plugins (src/plugins/).
  PW8501: {
    severity: "error",
    message: "The plugin module {file} could not be loaded: {detail}",
    hint: "A plugin module is plugins/<folder>/index.js or index.mjs; run it with `node {file}` to see the error.",
  },
  PW8502: {
    severity: "error",
    message: "The plugin module {file} does not export a plugin: {detail}",
    hint: "Export it as the default export (or as `plugin`): { name, deployedRules: [{ type, method, operation, plan }], contributors, prePlanProcessors, postPlanProcessors, steps }.",
  },
  PW8503: {
    severity: "error",
    message: "Deployed '{id}' ({type}) has no folder artifact to list its scripts from",
    hint: "Give its deployable the folder's content: `file: !file path/to/folder` or `file: !file path/to/folder.zip`.",
  },
  PW8504: {
    severity: "error",
    message: "The folder artifact {path} of deployed '{id}' ({type}) {problem}",
    hint: "A folder artifact is a directory or an intact zip archive (.zip, .jar) whose top-level files are the scripts; rebuild it, or point `file: !file` at the right one.",
  },
  PW8505: {
    severity: "error",
    message:
      "The {property} '{pattern}' of deployed '{id}' ({type}) is not a regular expression Planwright can read: {detail}",
    hint: "Write it in the syntax Java and JavaScript share (groups, classes, quantifiers, lookahead), e.g. ([0-9]*-.*)\\.sql; Java-only forms such as possessive quantifiers (a*+) or \\p{Alpha} are not read.",
  },
};
