import type { MessageSection } from "../catalogue.js";

/** PW7xxx — see the range table in ../catalogue.ts. Specification, delta analysis, orchestration. */
export const deltaMessages: MessageSection = {
  PW7001: {
    severity: "error",
    message: "{role} {id} does not exist in the repository",
    hint: "Check the id (it is the full path, e.g. Applications/PetClinic/1.0 or Environments/Dev) and the repository YAML files.",
  },
  PW7002: {
    severity: "error",
    message: "{role} {id} is a {actual}, not a {expected}",
    hint: "Give the id of a {expected} (or a subtype of it).",
  },
  PW7003: {
    severity: "error",
    message: "nothing to undeploy: {id} is not deployed",
    hint: "Undeploy a udm.DeployedApplication stored under its environment, or preview with --from PACKAGE_ID.",
  },
  PW7004: {
    severity: "error",
    message: "package {from} given with --from belongs to application {fromApplication}, not {application}",
    hint: "--from names an earlier (or later) version of the same application.",
  },
  PW7010: {
    severity: "error",
    message:
      "deployable {deployable} ({deployableType}) on container {container} ({containerType}) fits several deployed types equally well: {candidates}",
    hint: "Make one deployed type more specific (a narrower container-type or deployable-type in synthetic.xml), or use tags to keep the deployable off this container.",
  },
  PW7011: {
    severity: "error",
    message:
      "required property {property} of deployed {deployed} has no value: placeholder {placeholder} is not in any dictionary that applies",
    hint: "Add {placeholder} to a dictionary of the environment (mind restrictToContainers / restrictToApplications), or give the value in the package.",
  },
  PW7012: {
    severity: "warning",
    message:
      "property {property} of deployed {deployed} is left empty: placeholder {placeholder} is not in any dictionary that applies",
    hint: "Add {placeholder} to a dictionary of the environment if the property needs a value.",
  },
  PW7013: {
    severity: "error",
    message: "property {property} of deployed {deployed} gets the value '{value}', which is not a valid {kind}",
    hint: "Give a {kind} value in the deployable or the dictionary entry.",
  },
  PW7014: {
    severity: "warning",
    message: "dictionary entry {key} refers to itself through other placeholders; it is left unresolved",
    hint: "Break the cycle between the dictionary entries.",
  },
  PW7015: {
    severity: "error",
    message: "deployables {first} and {second} would both become deployed {deployed}",
    hint: "Deployed ids are <container id>/<deployable name>: give the deployables different names or keep them off the same container with tags.",
  },
  PW7020: {
    severity: "error",
    message: "application dependency {application} '{range}' of {package}: {problem}",
    hint: "Write ranges as in XL Deploy: 1.0 (exact), [1.0,2.0), (1.0,2.0], [1.0,) or (,2.0].",
  },
  PW7021: {
    severity: "error",
    message: "application dependency {application} of {package} cannot be met: no version of it satisfies '{range}'",
    hint: "Import a version of {application} inside the range, or widen the range.",
  },
  PW7022: {
    severity: "error",
    message: "application dependencies form a cycle: {cycle}",
    hint: "Remove one of the dependencies; an application cannot depend on itself, directly or indirectly.",
  },
  PW7030: {
    severity: "error",
    message: "unknown orchestrator '{name}'",
    hint: "Known orchestrators: {known}.",
  },
  PW7031: {
    severity: "error",
    message: "orchestrator '{name}' is registered twice",
    hint: "Give the custom orchestrator a name of its own.",
  },
  PW7032: {
    severity: "warning",
    message: "maxContainersInParallel of {deployedApplication} is '{value}', not a positive integer; using {fallback}",
    hint: "Set maxContainersInParallel on the deployed application (or the package) to a positive integer.",
  },
  PW7033: {
    severity: "error",
    message: "orchestrator '{name}' failed: {detail}",
    hint: "This is a problem in the orchestrator's code; run without it to plan anyway.",
  },
};
