import { Option } from "commander";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { sortDiagnostics } from "../../diagnostics/format.js";
import { loadWorkspaceRules } from "../../rules/workspace-rules.js";
import { loadWorkspace } from "../../workspace/load-workspace.js";
import { reportDiagnostics, resolveHome, writeData } from "../io.js";
import type { CommandRegistration } from "../main.js";

interface ValidateOptions {
  home?: string;
  format: "text" | "json";
  color: boolean;
}

/**
 * `planwright validate`: loads the whole home and reports every diagnostic — as text on
 * stderr, or with `--format json` as an array on stdout (DESIGN §2.3, §2.5). Exit 1 on any error.
 */
export const registerValidate: CommandRegistration = (program, setExit) => {
  program
    .command("validate")
    .description("Load the home directory and report every problem in it")
    .option("--home <dir>", "home directory (default: $PLANWRIGHT_HOME, then the current directory)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-color", "never colour the output")
    .action(async (options: ValidateOptions) => {
      const workspace = loadWorkspace(resolveHome(options.home));
      const rules = await loadWorkspaceRules(workspace, { python: "full" });
      const diagnostics = sortDiagnostics([...workspace.diagnostics, ...rules.diagnostics]);
      if (options.format === "json") writeData(JSON.stringify(diagnostics, null, 2));
      else reportDiagnostics(diagnostics, !options.color);
      setExit(hasErrors(diagnostics) ? 1 : 0);
    });
};
