import { Command, CommanderError } from "commander";
import { diagnostic } from "../diagnostics/catalogue.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import { registerEval } from "./commands/eval.js";
import { registerExplain } from "./commands/explain.js";
import { registerPlan } from "./commands/plan.js";
import { registerRules } from "./commands/rules.js";
import { registerTypes } from "./commands/types.js";
import { registerValidate } from "./commands/validate.js";
import { version } from "./version.js";

/** Runs the command line; returns the exit code (DESIGN §2.3). Never throws. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command("planwright")
    .description("Plan XL Deploy deployments from xl-rules.xml, synthetic.xml and Jython scripts, without a server.")
    .version(version, "-v, --version")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  for (const register of commands) register(program, setExit);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    process.stderr.write(`${formatDiagnostic(diagnostic("PW9999", { detail: String(error) }))}\n`);
    return 1;
  }
}

/** Each command file exports one of these; see ./commands/. */
export type CommandRegistration = (program: Command, setExit: (code: number) => void) => void;

const commands: CommandRegistration[] = [
  registerValidate,
  registerTypes,
  registerRules,
  registerPlan,
  registerExplain,
  registerEval,
];
