import type { Command } from "commander";
import { diagnostic } from "../../diagnostics/catalogue.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DeploymentRequest } from "../../specification/model.js";

/** The request flags shared by `plan`, `explain` and `eval` (DESIGN §2.3). */
export interface RequestOptions {
  home?: string;
  package?: string;
  environment?: string;
  from?: string;
  undeploy?: string;
  orchestrator?: string[];
}

export function addRequestOptions(command: Command): Command {
  return command
    .option("--home <dir>", "home directory (default: $PLANWRIGHT_HOME, then the current directory)")
    .option("--package <id>", "the udm.Version to deploy, e.g. Applications/PetClinic/2.0")
    .option("--environment <id>", "the udm.Environment to deploy to, e.g. Environments/Dev")
    .option("--from <packageId>", "plan as if this version were deployed now")
    .option("--undeploy <id>", "undeploy this udm.DeployedApplication, e.g. Environments/Dev/PetClinic")
    .option(
      "--orchestrator <name>",
      "orchestrator to apply (repeatable; replaces the package's list)",
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    );
}

/** The request the flags describe, or a diagnostic when they describe none or two. */
export function deploymentRequest(options: RequestOptions): DeploymentRequest | Diagnostic {
  const orchestrators = options.orchestrator ? { orchestrators: options.orchestrator } : {};
  const from = options.from ? { fromPackageId: options.from } : {};
  if (options.undeploy && !options.package && !options.environment) {
    return { kind: "undeploy", deployedApplicationId: options.undeploy, ...from, ...orchestrators };
  }
  if (options.package && options.environment && !options.undeploy) {
    return {
      kind: "deploy",
      packageId: options.package,
      environmentId: options.environment,
      ...from,
      ...orchestrators,
    };
  }
  return diagnostic("PW8014");
}
