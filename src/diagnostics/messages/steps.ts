import type { MessageSection } from "../catalogue.js";

/** PW5xxx — step types, step parameters, parameter conversion and calculation. */
export const stepsMessages: MessageSection = {
  PW5001: {
    severity: "error",
    message: "Unknown step type <{step}>",
    hint: "Use a step of the Steps Reference (noop, wait, upload, delete, template, os-script, powershell, jython, manual, create-ci), a step-macro, or a step a plugin registers.",
  },
  PW5002: {
    severity: "error",
    message: "Step {step} has no parameter '{parameter}'",
    hint: "Its parameters are: {known}.",
  },
  PW5003: {
    severity: "error",
    message: "Step {step} needs parameter '{parameter}'",
    hint: "Add <{parameter}> to the step; it is required and Planwright cannot calculate it.",
  },
  PW5004: {
    severity: "error",
    message: "Parameter '{parameter}' of step {step} is given more than once",
    hint: "Keep one of them.",
  },
  PW5005: {
    severity: "error",
    message: "Parameter '{parameter}' of step {step} is a {kind}; child elements are only for map and list parameters",
    hint: 'Write the value as text, or as a Jython expression with expression="true".',
  },
  PW5006: {
    severity: "error",
    message: "List parameter '{parameter}' of step {step} may only contain <value> elements, not <{element}>",
    hint: "Write each list entry as <value>…</value>.",
  },
  PW5008: {
    severity: "error",
    message: "Step macro {macro} cannot be expanded: it has no step or uses itself",
    hint: "A step macro wraps exactly one step, which may not be the macro itself.",
  },
  PW5009: {
    severity: "error",
    message: "Step macro {step} cannot be built here: its step uses expressions and no rule bindings were given",
    hint: "This is a limitation of the caller; build the macro from an XML rule, or report it.",
  },
  PW5010: {
    severity: "error",
    message: "Cannot convert {value} to {kind} for parameter '{parameter}' of step {step}",
    hint: "{detail}",
  },
  PW5011: {
    severity: "error",
    message: "No configuration item '{id}' for parameter '{parameter}' of step {step}",
    hint: "Give the full id of an existing CI, e.g. Infrastructure/host-1, or an expression such as deployed.container.",
  },
  PW5012: {
    severity: "error",
    message: "Parameter '{parameter}' of step {step} needs a {expected}, but {id} is a {actual}",
    hint: "Pass a configuration item of type {expected} or one of its subtypes.",
  },
  PW5020: {
    severity: "error",
    message: "Step {step} needs parameter '{parameter}', which cannot be calculated {reason}",
    hint: "Give <{parameter}> explicitly.",
  },
  PW5030: {
    severity: "error",
    message: "Step type {step} is already defined ({source})",
    hint: "Step names are unique across plugins and step-macros; rename one of them.",
  },
  PW5031: {
    severity: "error",
    message: "Custom step {step}: parameter '{parameter}' has unknown kind '{kind}'",
    hint: "Kinds are string, integer, boolean, enum, ci, map, list and object.",
  },
};
