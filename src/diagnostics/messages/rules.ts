import type { MessageSection } from "../catalogue.js";

/** PW4xxx — xl-rules.xml (rules, disable-rule, step-macro) and the rule registry. */
export const rulesMessages: MessageSection = {
  PW4001: {
    severity: "error",
    message: "The root element of a rules file must be <rules>, not <{element}>",
    hint: 'Wrap the rules in <rules xmlns="http://www.xebialabs.com/xl-deploy/xl-rules">…</rules>.',
  },
  PW4002: {
    severity: "warning",
    message: "Unexpected namespace '{namespace}' on <rules>; reading it anyway",
    hint: 'Use xmlns="http://www.xebialabs.com/xl-deploy/xl-rules".',
  },
  PW4003: {
    severity: "warning",
    message: "Unexpected element <{element}> in <{parent}> is ignored",
    hint: "{expected}",
  },
  PW4010: {
    severity: "error",
    message: "<{element}> has no name",
    hint: 'Add a name="…" attribute; rule names must be unique across all rules files and plugins.',
  },
  PW4011: {
    severity: "error",
    message: "Rule {rule} has no scope",
    hint: 'Add scope="deployed", "plan", "pre-plan" or "post-plan".',
  },
  PW4012: {
    severity: "error",
    message: "Rule {rule} has unknown scope '{scope}'",
    hint: "The scopes are deployed, plan, pre-plan and post-plan.",
  },
  PW4013: {
    severity: "error",
    message: "Rule name '{rule}' is already used at {first}",
    hint: "Rule names are unique across all rules files and plugins; rename one (e.g. prefix it with your company), or disable the other with <disable-rule>.",
  },
  PW4020: {
    severity: "error",
    message: "Rule {rule} has scope deployed but no <type> condition",
    hint: "A deployed-scope rule needs <conditions> with at least one <type> naming a deployed type.",
  },
  PW4021: {
    severity: "error",
    message: "Rule {rule} has scope deployed but no <operation> condition",
    hint: "A deployed-scope rule needs <conditions> with at least one <operation> (CREATE, MODIFY, DESTROY or NOOP).",
  },
  PW4022: {
    severity: "error",
    message: "Rule {rule} has scope {scope}, where a <{element}> condition is not allowed",
    hint: "Only deployed-scope rules have type and operation conditions; remove it or use an <expression>.",
  },
  PW4023: {
    severity: "error",
    message: "Rule {rule}: unknown type {type} in <type>",
    hint: "Define the type in a synthetic.xml or install the plugin that defines it; check the spelling (namespace.Name).",
  },
  PW4024: {
    severity: "error",
    message: "Rule {rule}: {type} in <type> is not a deployed type",
    hint: "Conditions match deployeds (subtypes of udm.Deployed), not deployables, containers or other types.",
  },
  PW4025: {
    severity: "error",
    message: "Rule {rule}: unknown operation '{operation}'",
    hint: "The operations are CREATE, MODIFY, DESTROY and NOOP (upper case).",
  },
  PW4026: {
    severity: "error",
    message: "Rule {rule} has more than one <expression>",
    hint: "Combine the conditions with `and` in one expression.",
  },
  PW4027: {
    severity: "error",
    message: "Rule {rule} has an empty <{element}>",
    hint: "Fill it in or remove it.",
  },
  PW4028: {
    severity: "warning",
    message:
      "Rule {rule}: {type} in <type> extends {missing}, which no loaded plugin defines, so no deployed can match it",
    hint: "Install the plugin that defines {missing} (its types come from its synthetic.xml).",
  },
  PW4030: {
    severity: "error",
    message: "Rule {rule} has both <steps> and <planning-script-path>",
    hint: "A rule is either an XML rule (<steps>) or a script rule (<planning-script-path>); split it into two rules.",
  },
  PW4031: {
    severity: "error",
    message: "Rule {rule} has neither <steps> nor <planning-script-path>",
    hint: "Add the steps it contributes, or the classpath path of a Jython planning script.",
  },
  PW4032: {
    severity: "error",
    message: "Planning script '{path}' of rule {rule} is not on the classpath",
    hint: "Put the script under ext/ or in a plugin, at this path relative to its root.",
  },
  PW4033: {
    severity: "warning",
    message: "Planning script '{path}' of rule {rule} is not a .py file",
    hint: "Planning scripts are Jython; check that the path names the script and not a template.",
  },
  PW4040: {
    severity: "error",
    message: "Rule {rule} has a <checkpoint> but scope {scope}",
    hint: "Checkpoints are only allowed in deployed-scope rules.",
  },
  PW4041: {
    severity: "error",
    message: "Rule {rule} has {count} checkpoints; only a rule whose only operation is MODIFY may have two",
    hint: "Keep one <checkpoint/>, right after the step that completes the operation.",
  },
  PW4042: {
    severity: "error",
    message: "Rule {rule} has {count} checkpoints; at most two are allowed",
    hint: 'A MODIFY rule may mark its destroy half with completed="DESTROY" and its create half with completed="CREATE".',
  },
  PW4043: {
    severity: "error",
    message: "Rule {rule}: checkpoint completed='{completed}' is not CREATE or DESTROY",
    hint: 'Use completed="CREATE" or completed="DESTROY", or leave it out to record the delta\'s own operation.',
  },
  PW4044: {
    severity: "error",
    message: "Rule {rule}: <checkpoint> must follow a step",
    hint: "Put <checkpoint/> immediately after the step whose success completes the operation.",
  },
  PW4045: {
    severity: "error",
    message: 'Rule {rule}: the two checkpoints of a MODIFY rule need completed="DESTROY" and completed="CREATE"',
    hint: "Mark the step that removes the old version with DESTROY and the one that creates the new version with CREATE.",
  },
  PW4050: {
    severity: "warning",
    message: "<disable-rule> names '{rule}', which is not a registered rule",
    hint: "Check the name; rule names are case-sensitive and must match exactly, including spaces.",
  },
  PW4060: {
    severity: "error",
    message: "Step macro {macro} must contain exactly one step, not {count}",
    hint: "Wrap one step in <steps>; use several macros or a rule for more.",
  },
  PW4061: {
    severity: "error",
    message: "Step macro {macro}: parameter {parameter} has unknown type '{type}'",
    hint: "Macro parameter types are boolean, integer, string, ci, list_of_string, set_of_string and map_string_string.",
  },
  PW4062: {
    severity: "error",
    message: "Step macro {macro}: parameter {parameter} is declared twice",
    hint: "Remove one declaration.",
  },
};
