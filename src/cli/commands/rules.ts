import { Option } from "commander";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import type { Rule } from "../../rules/model.js";
import { loadWorkspaceRules } from "../../rules/workspace-rules.js";
import { loadWorkspace } from "../../workspace/load-workspace.js";
import { reportDiagnostics, resolveHome, writeData } from "../io.js";
import type { CommandRegistration } from "../main.js";
import { textTable } from "../text-table.js";

interface RulesOptions {
  home?: string;
  format: "text" | "json";
  color: boolean;
}

/**
 * `planwright rules`: every registered rule in registration order (DESIGN §3), disabled ones
 * marked, with its scope, kind, conditions and where it is defined. Loading problems go to
 * stderr; any error means exit 1, but the rules that did load are still listed.
 */
export const registerRules: CommandRegistration = (program, setExit) => {
  program
    .command("rules")
    .description("List the registered rules with their conditions and where they are defined")
    .option("--home <dir>", "home directory (default: $PLANWRIGHT_HOME, then the current directory)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-color", "never colour the output")
    .action(async (options: RulesOptions) => {
      const workspace = loadWorkspace(resolveHome(options.home), { repository: false });
      const loaded = await loadWorkspaceRules(workspace, { python: "fast" });
      const rules = loaded.rules.all();
      writeData(options.format === "json" ? JSON.stringify(rules.map(ruleJson), null, 2) : rulesText(rules));
      const diagnostics = [...workspace.diagnostics, ...loaded.diagnostics];
      reportDiagnostics(diagnostics, !options.color);
      setExit(hasErrors(diagnostics) ? 1 : 0);
    });
};

/** DESIGN §2.3: `{"name","scope","kind","file","line","disabled","conditions":{"types","operations","expression"}}`. */
export function ruleJson(rule: Rule): Record<string, unknown> {
  const json: Record<string, unknown> = {
    name: rule.name,
    scope: rule.scope,
    kind: rule.kind,
    file: rule.location.file,
    line: rule.location.line ?? null,
    disabled: rule.disabled,
    conditions: {
      types: rule.conditions.types,
      operations: rule.conditions.operations,
      expression: rule.conditions.expression?.source ?? null,
    },
  };
  if (rule.kind === "predefined") json.plugin = rule.plugin;
  return json;
}

/** One line per rule, columns aligned: name, scope, kind, file:line, conditions, and a disabled marker. */
export function rulesText(rules: readonly Rule[]): string {
  if (rules.length === 0) return "No rules registered.";
  const rows = rules.map((rule) => [
    rule.name,
    rule.scope,
    rule.kind,
    rule.location.line === undefined ? rule.location.file : `${rule.location.file}:${rule.location.line}`,
    conditionsText(rule) + (rule.disabled ? " (disabled)" : ""),
  ]);
  return textTable([["NAME", "SCOPE", "KIND", "SOURCE", "CONDITIONS"], ...rows]);
}

function conditionsText(rule: Rule): string {
  const parts: string[] = [];
  const { types, operations, expression } = rule.conditions;
  if (types.length > 0) parts.push(`type ${types.join(", ")}`);
  if (operations.length > 0) parts.push(`operation ${operations.join(", ")}`);
  if (expression) parts.push(`expression ${expression.source.replace(/\s+/g, " ")}`);
  return parts.length > 0 ? parts.join("; ") : "-";
}
