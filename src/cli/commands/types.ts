import { Option } from "commander";
import { diagnostic } from "../../diagnostics/catalogue.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { loadWorkspace } from "../../workspace/load-workspace.js";
import { reportDiagnostics, resolveHome, writeData } from "../io.js";
import type { CommandRegistration } from "../main.js";
import { typeDescriptionJson, typeDescriptionText, typeListJson, typeListText } from "./types-output.js";

interface TypesOptions {
  home?: string;
  format: "text" | "json";
  color: boolean;
}

/**
 * `planwright types [TYPE]`: lists every type (built-in and from each synthetic.xml), or describes
 * one with its inherited properties. Loading problems go to stderr; any error means exit 1, but the
 * types that did load are still shown. An unknown TYPE is PW2018 and exit 1.
 */
export const registerTypes: CommandRegistration = (program, setExit) => {
  program
    .command("types")
    .description("List the CI types, or describe one with its inherited properties")
    .argument("[type]", "type to describe, e.g. udm.DeployedApplication")
    .option("--home <dir>", "home directory (default: $PLANWRIGHT_HOME, then the current directory)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-color", "never colour the output")
    .action((type: string | undefined, options: TypesOptions) => {
      const workspace = loadWorkspace(resolveHome(options.home), { repository: false });
      const diagnostics = [...workspace.diagnostics];
      const registry = workspace.types;
      if (type !== undefined && !registry.has(type)) {
        diagnostics.push(diagnostic("PW2018", { type }));
      } else if (type !== undefined) {
        writeData(
          options.format === "json" ? typeDescriptionJson(registry, type) : typeDescriptionText(registry, type),
        );
      } else {
        writeData(options.format === "json" ? typeListJson(registry) : typeListText(registry));
      }
      reportDiagnostics(diagnostics, !options.color);
      setExit(hasErrors(diagnostics) ? 1 : 0);
    });
};
