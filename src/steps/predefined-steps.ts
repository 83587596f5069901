import type { StepDescriptor, StepParameterDescriptor } from "./model.js";

/**
 * The predefined steps of the Steps Reference (reference §1.3), with the parameters real
 * rules use. Where the reference marks a default as believed ([mem]), the default is the
 * believed one; none of them changes planning, only execution.
 */

const host = "overthere.Host";

function parameter(
  name: string,
  kind: StepParameterDescriptor["kind"],
  options: Partial<Omit<StepParameterDescriptor, "name" | "kind">> = {},
): StepParameterDescriptor {
  return { name, kind, required: false, calculated: false, ...options };
}

/** Every step has these two; both are calculated (manual, "Calculated step parameters"). */
const common: StepParameterDescriptor[] = [
  parameter("description", "string", { required: true, calculated: true, description: "Text shown in the plan" }),
  parameter("order", "integer", { required: true, calculated: true, description: "When the step runs, low first" }),
];

const targetHost = parameter("target-host", "ci", {
  required: true,
  calculated: true,
  ciType: host,
  description: "The host the step runs on",
});

const artifact = parameter("artifact", "ci", {
  required: true,
  calculated: true,
  ciType: "udm.Artifact",
  aliases: ["source-artifact"],
  description: "The artifact to copy",
});

function context(name: string, description: string, aliases?: string[]): StepParameterDescriptor {
  return parameter(name, "map", { calculated: true, description, ...(aliases ? { aliases } : {}) });
}

function step(name: string, description: string, parameters: StepParameterDescriptor[]): StepDescriptor {
  return { name, description, parameters: [...common, ...parameters], source: "builtin" };
}

export const predefinedSteps: readonly StepDescriptor[] = [
  step("noop", "Does nothing", []),
  step("wait", "Pauses the plan for a number of seconds", [
    parameter("seconds", "integer", { required: true, description: "Seconds to wait" }),
  ]),
  step("create-ci", "Creates a configuration item in the repository", [
    parameter("ci", "ci", { required: true, description: "The CI to create, as an element named after its type" }),
  ]),
  step("delete", "Deletes a file or directory on a host", [
    targetHost,
    parameter("target-path", "string", { required: true, description: "Path of the file or directory to remove" }),
  ]),
  step("upload", "Copies an artifact to a host", [
    targetHost,
    artifact,
    parameter("target-path", "string", { required: true, description: "Destination path on the host" }),
    parameter("create-target-path", "boolean", { defaultValue: false, description: "Create missing directories" }),
  ]),
  step("template", "Renders a FreeMarker template and uploads the result to a host", [
    targetHost,
    parameter("template-path", "string", { required: true, description: "Classpath path of the template" }),
    parameter("target-path", "string", { required: true, description: "Path of the generated file on the host" }),
    context("freemarker-context", "Variables for the template"),
    parameter("create-target-path", "boolean", { defaultValue: false, description: "Create missing directories" }),
  ]),
  step("os-script", "Runs a FreeMarker-templated script on a host, .sh or .bat by the host's OS", [
    targetHost,
    parameter("script", "string", { required: true, description: "Classpath path of the script, without extension" }),
    context("freemarker-context", "Variables for the script template"),
    parameter("classpath-resources", "list", { description: "Classpath files uploaded next to the script" }),
    parameter("template-classpath-resources", "list", { description: "Classpath templates rendered and uploaded" }),
    parameter("upload-artifacts", "boolean", { defaultValue: true, description: "Upload artifacts in the context" }),
    parameter("shell", "string", { description: "Shell that runs the script" }),
  ]),
  step("powershell", "Runs a PowerShell script on a Windows host", [
    targetHost,
    parameter("script", "string", { required: true, description: "Classpath path of the .ps1 script" }),
    context("powershell-context", "Variables exposed to the script as $name"),
    parameter("classpath-resources", "list", { description: "Classpath files uploaded next to the script" }),
    parameter("upload-artifacts-in-powershell-context", "boolean", {
      defaultValue: true,
      description: "Upload artifacts in the context",
    }),
  ]),
  step("jython", "Runs a Jython script on the Planwright host at execution time", [
    parameter("script", "string", {
      required: true,
      aliases: ["script-path"],
      description: "Classpath path of the .py script",
    }),
    context("jython-context", "Bindings for the script", ["python-context"]),
    parameter("preview-script", "string", { description: "Script producing the step preview" }),
  ]),
  step("manual", "Shows instructions to the operator and waits", [
    context("freemarker-context", "Variables for the instructions template"),
    parameter("message-template", "string", { description: "Classpath path of the instructions template" }),
    parameter("mail-server", "ci", { ciType: "mail.SmtpServer", description: "Server that mails the instructions" }),
    parameter("mail-to", "list", { description: "Recipients" }),
    parameter("mail-cc", "list", { description: "Copy recipients" }),
    parameter("mail-subject", "string", { description: "Subject of the mail" }),
    parameter("mail-from", "string", { description: "Sender of the mail" }),
  ]),
  // Historical names kept so older rules still load (reference §1.3, "Historical").
  step("copy-artifact", "Copies an artifact to a host (rules manual examples)", [
    targetHost,
    artifact,
    parameter("target-path", "string", { description: "Destination path on the host" }),
  ]),
  step("success", "Does nothing (4.5 pre-release name)", []),
  // Steps of the community deployed-artifact-steps plugin, used by rules in the wild.
  step("upload-artifact", "Uploads a deployed artifact to its host", artifactStepParameters()),
  step("delete-artifact", "Deletes a deployed artifact from its host", artifactStepParameters()),
];

function artifactStepParameters(): StepParameterDescriptor[] {
  return [
    targetHost,
    artifact,
    parameter("previous-artifact", "ci", {
      calculated: true,
      ciType: "udm.Artifact",
      description: "The artifact replaced",
    }),
    parameter("target-path", "string", { required: true, description: "Destination path on the host" }),
    parameter("shared-target", "boolean", { defaultValue: true, description: "Other files may share the target" }),
    parameter("upload-only", "boolean", { defaultValue: false, description: "Only upload, do not delete" }),
    parameter("optimized-diff", "boolean", { defaultValue: false, description: "Copy only changed files" }),
  ];
}
