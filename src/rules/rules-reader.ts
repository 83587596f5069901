import type { Operation } from "../delta/model.js";
import { operations } from "../delta/model.js";
import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic, SourceLocation } from "../diagnostics/diagnostic.js";
import { parseXml, type XmlElement } from "../xml/xml-document.js";
import type {
  ParameterTemplate,
  RuleConditions,
  RuleScope,
  ScriptRule,
  SourceText,
  StepMacro,
  StepTemplate,
  XmlRule,
} from "./model.js";
import { ruleScopes } from "./model.js";

/** Namespaces of `<rules>` that real files and the docs use (DESIGN §3); none is accepted too. */
export const rulesNamespaces: readonly string[] = [
  "http://www.xebialabs.com/xl-deploy/xl-rules",
  "http://www.xebialabs.com/deployit/xl-rules",
  "http://www.xebialabs.com/xl-deploy/rules",
  "http://www.xebialabs.com/deploy/xl-rules",
  "",
];

/** The macro parameter types of reference §7.5. */
export const macroParameterTypes: readonly string[] = [
  "boolean",
  "integer",
  "string",
  "ci",
  "list_of_string",
  "set_of_string",
  "map_string_string",
];

export interface DisableRule {
  name: string;
  location: SourceLocation;
}

/** One xl-rules.xml as written: what the file itself can tell, before any registry is consulted. */
export interface RulesFile {
  file: string;
  rules: (XmlRule | ScriptRule)[];
  disables: DisableRule[];
  macros: StepMacro[];
  diagnostics: Diagnostic[];
}

/**
 * Reads an xl-rules.xml (manual, "Rule definitions"; reference §7). Reports what is wrong
 * with the file on its own (structure, scopes, condition shapes, checkpoints); what needs
 * the types, steps, classpath or Python is checked by rule-validation.ts. Every rule that
 * has a name is returned, even with errors, so listings show it.
 */
export function readRulesFile(source: string, file: string): RulesFile {
  const parsed = parseXml(source, file);
  const result: RulesFile = { file, rules: [], disables: [], macros: [], diagnostics: [...parsed.diagnostics] };
  const root = parsed.root;
  if (!root) return result;
  const report = (d: Diagnostic) => result.diagnostics.push(d);
  const at = (element: XmlElement, rule?: string) => ({ file, line: element.line, column: element.column, rule });

  if (root.name !== "rules") {
    report(diagnostic("PW4001", { element: root.name }, at(root)));
    return result;
  }
  if (!rulesNamespaces.includes(root.namespace)) {
    report(diagnostic("PW4002", { namespace: root.namespace }, at(root)));
  }
  for (const child of root.children) {
    if (child.name === "rule") {
      const rule = readRule(child, file, report);
      if (rule) result.rules.push(rule);
    } else if (child.name === "disable-rule") {
      const name = child.attributes.name?.value;
      if (name === undefined || name === "") report(diagnostic("PW4010", { element: "disable-rule" }, at(child)));
      else result.disables.push({ name, location: { file, line: child.line, column: child.column } });
    } else if (child.name === "step-macro") {
      const macro = readMacro(child, file, report);
      if (macro) result.macros.push(macro);
    } else {
      report(
        diagnostic(
          "PW4003",
          { element: child.name, parent: "rules", expected: "<rules> holds <rule>, <disable-rule> and <step-macro>." },
          at(child),
        ),
      );
    }
  }
  return result;
}

type Report = (d: Diagnostic) => void;

function readRule(element: XmlElement, file: string, report: Report): XmlRule | ScriptRule | undefined {
  const location: SourceLocation = { file, line: element.line, column: element.column };
  const name = element.attributes.name?.value;
  if (name === undefined || name === "") {
    report(diagnostic("PW4010", { element: "rule" }, location));
    return undefined;
  }
  const at = (e: XmlElement) => ({ file, line: e.line, column: e.column, rule: name });

  const scopeText = element.attributes.scope?.value;
  let scope: RuleScope = "deployed";
  if (scopeText === undefined || scopeText === "") report(diagnostic("PW4011", { rule: name }, at(element)));
  else if (!ruleScopes.includes(scopeText as RuleScope)) {
    report(diagnostic("PW4012", { rule: name, scope: scopeText }, at(element)));
  } else scope = scopeText as RuleScope;
  const scopeKnown = scopeText !== undefined && ruleScopes.includes(scopeText as RuleScope);

  const conditions: RuleConditions = { types: [], operations: [], typeLocations: [] };
  let stepsElement: XmlElement | undefined;
  let scriptElement: XmlElement | undefined;
  let conditionsElement: XmlElement | undefined;
  for (const child of element.children) {
    if (child.name === "conditions") conditionsElement = child;
    else if (child.name === "steps") stepsElement = child;
    else if (child.name === "planning-script-path") scriptElement = child;
    else {
      report(
        diagnostic(
          "PW4003",
          {
            element: child.name,
            parent: "rule",
            expected: "<rule> holds <conditions> and either <steps> or <planning-script-path>.",
          },
          at(child),
        ),
      );
    }
  }

  if (conditionsElement) readConditions(conditionsElement, name, scope, scopeKnown, file, conditions, report);
  if (scopeKnown && scope === "deployed") {
    if (conditions.types.length === 0 && !hasChild(conditionsElement, "type")) {
      report(diagnostic("PW4020", { rule: name }, at(conditionsElement ?? element)));
    }
    if (conditions.operations.length === 0 && !hasChild(conditionsElement, "operation")) {
      report(diagnostic("PW4021", { rule: name }, at(conditionsElement ?? element)));
    }
  }

  const base = { name, scope, conditions, location, disabled: false, order: 0 };
  if (stepsElement && scriptElement) report(diagnostic("PW4030", { rule: name }, at(scriptElement)));
  if (!stepsElement && !scriptElement) report(diagnostic("PW4031", { rule: name }, at(element)));

  if (scriptElement && !stepsElement) {
    const scriptPath = scriptElement.text.trim();
    if (scriptPath === "")
      report(diagnostic("PW4027", { rule: name, element: "planning-script-path" }, at(scriptElement)));
    const scriptPathLocation = { file, line: scriptElement.line, column: scriptElement.column };
    return { ...base, kind: "script", scriptPath, scriptPathLocation };
  }
  const read = stepsElement ? readSteps(stepsElement, file, name, report) : { steps: [], checkpoints: [] };
  checkCheckpoints(read, name, scope, scopeKnown, conditions, report);
  return { ...base, kind: "xml", steps: read.steps };
}

function hasChild(element: XmlElement | undefined, name: string): boolean {
  return element?.children.some((c) => c.name === name) ?? false;
}

function readConditions(
  element: XmlElement,
  rule: string,
  scope: RuleScope,
  scopeKnown: boolean,
  file: string,
  conditions: RuleConditions,
  report: Report,
): void {
  const at = (e: XmlElement) => ({ file, line: e.line, column: e.column, rule });
  for (const child of element.children) {
    const text = child.text.trim();
    if (child.name === "type" || child.name === "operation") {
      if (scopeKnown && scope !== "deployed") {
        report(diagnostic("PW4022", { rule, scope, element: child.name }, at(child)));
      }
      if (text === "") {
        report(diagnostic("PW4027", { rule, element: child.name }, at(child)));
      } else if (child.name === "type") {
        conditions.types.push(text);
        conditions.typeLocations?.push({ file, line: child.line, column: child.column });
      } else if (!operations.includes(text as Operation)) {
        report(diagnostic("PW4025", { rule, operation: text }, at(child)));
      } else if (!conditions.operations.includes(text as Operation)) {
        conditions.operations.push(text as Operation);
      }
    } else if (child.name === "expression") {
      if (conditions.expression) report(diagnostic("PW4026", { rule }, at(child)));
      else if (text === "") report(diagnostic("PW4027", { rule, element: "expression" }, at(child)));
      else conditions.expression = sourceText(child, file);
    } else {
      report(
        diagnostic(
          "PW4003",
          {
            element: child.name,
            parent: "conditions",
            expected: "<conditions> holds <type>, <operation> and <expression>.",
          },
          at(child),
        ),
      );
    }
  }
}

interface ReadSteps {
  steps: StepTemplate[];
  /** Every `<checkpoint>` that follows a step, in document order (two after one step included). */
  checkpoints: { completed?: string; location: SourceLocation }[];
}

function readSteps(element: XmlElement, file: string, rule: string, report: Report): ReadSteps {
  const result: ReadSteps = { steps: [], checkpoints: [] };
  for (const child of element.children) {
    const location = { file, line: child.line, column: child.column };
    if (child.name !== "checkpoint") {
      result.steps.push({ type: child.name, parameters: child.children.map((p) => readParameter(p, file)), location });
      continue;
    }
    const previous = result.steps[result.steps.length - 1];
    const completed = child.attributes.completed?.value;
    if (!previous) {
      report(diagnostic("PW4044", { rule }, { ...location, rule }));
      continue;
    }
    if (completed !== undefined && completed !== "CREATE" && completed !== "DESTROY") {
      report(diagnostic("PW4043", { rule, completed }, { ...location, rule }));
    }
    result.checkpoints.push(completed === undefined ? { location } : { completed, location });
    if (previous.checkpoint) continue;
    previous.checkpoint = { location };
    if (completed === "CREATE" || completed === "DESTROY") previous.checkpoint.completed = completed;
  }
  return result;
}

function checkCheckpoints(
  { checkpoints }: ReadSteps,
  rule: string,
  scope: RuleScope,
  scopeKnown: boolean,
  conditions: RuleConditions,
  report: Report,
): void {
  const count = checkpoints.length;
  if (count === 0) return;
  const at = (index: number) => ({ ...checkpoints[index]!.location, rule });
  if (scopeKnown && scope !== "deployed") {
    report(diagnostic("PW4040", { rule, scope }, at(0)));
    return;
  }
  const modifyOnly = conditions.operations.length === 1 && conditions.operations[0] === "MODIFY";
  if (count > 2) report(diagnostic("PW4042", { rule, count }, at(2)));
  else if (count === 2 && !modifyOnly) report(diagnostic("PW4041", { rule, count }, at(1)));
  else if (count === 2) {
    const completed = checkpoints.map((c) => c.completed);
    if (!completed.includes("CREATE") || !completed.includes("DESTROY")) report(diagnostic("PW4045", { rule }, at(1)));
  }
}

function readParameter(element: XmlElement, file: string): ParameterTemplate {
  const location = { file, line: element.line, column: element.column };
  const name = element.name;
  if (element.attributes.expression?.value.trim().toLowerCase() === "true") {
    return { form: "expression", name, expression: sourceText(element, file), location };
  }
  if (element.children.length > 0) {
    const values = element.children.map((c) => readParameter(c, file));
    if (element.children.every((c) => c.name === "value")) return { form: "list", name, values, location };
    return { form: "map", name, entries: values, location };
  }
  return { form: "text", name, text: element.text.trim(), location };
}

function readMacro(element: XmlElement, file: string, report: Report): StepMacro | undefined {
  const location = { file, line: element.line, column: element.column };
  const name = element.attributes.name?.value;
  if (name === undefined || name === "") {
    report(diagnostic("PW4010", { element: "step-macro" }, location));
    return undefined;
  }
  const parameters: StepMacro["parameters"] = [];
  let steps: StepTemplate[] = [];
  let stepsSeen = false;
  for (const child of element.children) {
    const at = { file, line: child.line, column: child.column };
    if (child.name === "parameters") {
      for (const p of child.children) {
        const pAt = { file, line: p.line, column: p.column };
        if (p.name !== "parameter") {
          const expected = "<parameters> holds <parameter name=… type=…/> elements.";
          report(diagnostic("PW4003", { element: p.name, parent: "parameters", expected }, pAt));
          continue;
        }
        const parameterName = p.attributes.name?.value;
        if (!parameterName) {
          report(diagnostic("PW4010", { element: "parameter" }, pAt));
          continue;
        }
        const kind = p.attributes.type?.value ?? "string";
        if (!macroParameterTypes.includes(kind)) {
          report(diagnostic("PW4061", { macro: name, parameter: parameterName, type: kind }, pAt));
        }
        if (parameters.some((q) => q.name === parameterName)) {
          report(diagnostic("PW4062", { macro: name, parameter: parameterName }, pAt));
          continue;
        }
        const declared: StepMacro["parameters"][number] = {
          name: parameterName,
          kind,
          required: p.attributes.required?.value === "true",
        };
        const defaultValue = p.attributes.default?.value;
        if (defaultValue !== undefined) declared.defaultValue = defaultValue;
        parameters.push(declared);
      }
    } else if (child.name === "steps") {
      stepsSeen = true;
      steps = readSteps(child, file, name, report).steps;
      if (steps.length !== 1) report(diagnostic("PW4060", { macro: name, count: steps.length }, at));
    } else {
      const expected = "<step-macro> holds <parameters> and <steps> with one step.";
      report(diagnostic("PW4003", { element: child.name, parent: "step-macro", expected }, at));
    }
  }
  if (!stepsSeen) report(diagnostic("PW4060", { macro: name, count: 0 }, location));
  return { name, parameters, steps, location };
}

/**
 * The text of an expression element without surrounding blanks, located at its first
 * non-blank character so Python errors point into the file.
 */
function sourceText(element: XmlElement, file: string): SourceText {
  const raw = element.text;
  let line = element.textLine;
  let column = element.textColumn;
  let i = 0;
  while (i < raw.length && /\s/.test(raw[i]!)) {
    if (raw[i] === "\n") {
      line++;
      column = 1;
    } else column++;
    i++;
  }
  return { source: raw.trim(), location: { file, line, column } };
}
