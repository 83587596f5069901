import type { Operation } from "../../delta/model.js";
import { type ConfigurationItem, isConfigurationItem } from "../../repository/model.js";
import type { DeployedPlanning, DeployedRuleDefinition } from "../api.js";
import { GenericDeployed, type OperationPrefix } from "./generic-deployed.js";
import { stringsValue } from "./template-properties.js";

const operations: [Operation, OperationPrefix, string][] = [
  ["CREATE", "create", "executeCreate"],
  ["MODIFY", "modify", "executeModify"],
  ["DESTROY", "destroy", "executeDestroy"],
  ["NOOP", "noop", "executeNoop"],
];

/**
 * generic.ManualProcess (generic-plugins.md §7): per operation, one `manual` step at the
 * operation's order showing the instructions template in `<operation>Script`, when set; the
 * mail settings go with it (the environment's `smtpServer` sends it). DESTROY shows the
 * previous deployed's instructions.
 */
export const manualProcessRules: DeployedRuleDefinition[] = operations.map(([operation, prefix, method]) => ({
  type: "generic.ManualProcess",
  method,
  operation,
  plan: (planning: DeployedPlanning) => {
    const ci = operation === "DESTROY" ? planning.delta.previous! : planning.delta.deployed!;
    const deployed = new GenericDeployed(ci, planning);
    const template = deployed.script(prefix);
    if (template === undefined) return;
    const parameters: Record<string, unknown> = {
      order: deployed.order(prefix),
      description: deployed.description(prefix),
      "message-template": template,
      "freemarker-context": { deployed: ci },
    };
    const recipients = stringsValue(ci, "toAddresses", deployed.scope);
    if (recipients.length > 0) parameters["mail-to"] = recipients;
    const from = deployed.text("fromAddress");
    if (from) parameters["mail-from"] = from;
    const subject = deployed.text("subject");
    if (subject) parameters["mail-subject"] = subject;
    const server = smtpServerOf(planning.deployedApplication);
    if (server) parameters["mail-server"] = server;
    planning.addStep({ type: "manual", parameters });
  },
}));

function smtpServerOf(deployedApplication: ConfigurationItem): ConfigurationItem | undefined {
  const environment = deployedApplication.values.environment;
  if (!isConfigurationItem(environment)) return undefined;
  const server = environment.values.smtpServer;
  return isConfigurationItem(server) ? server : undefined;
}
