import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { lastSegment, parentId } from "../repository/ids.js";
import { type CiValue, type ConfigurationItem, isConfigurationItem } from "../repository/model.js";
import { resolveApplicationDependencies } from "./application-dependencies.js";
import { DeployedMapper } from "./deployed-mapping.js";
import { type DictionaryScope, EnvironmentDictionaries, hasPlaceholder } from "./dictionaries.js";
import type {
  ApplicationDeployment,
  DeploymentRequest,
  DeploymentState,
  DeployRequest,
  SpecificationContext,
  SpecificationResult,
  UndeployRequest,
} from "./model.js";
import { ciList, convertToKind, isCiKind, isUnset } from "./property-values.js";

type Report = (diagnostic: Diagnostic) => void;

/** Properties of udm.DeployedApplication set by the specification itself. */
const ownDeployedApplicationProperties = new Set(["id", "name", "type", "version", "environment", "deployeds"]);

/**
 * Deployment specification (reference §0 step 1): the request becomes the deployeds of the new
 * state and, from `--from` or the repository, those of the previous state.
 */
export function specify(request: DeploymentRequest, context: SpecificationContext): SpecificationResult {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (d) => diagnostics.push(d);
  const specification =
    request.kind === "deploy" ? deploy(request, context, report) : undeploy(request, context, report);
  return specification && !diagnostics.some((d) => d.severity === "error")
    ? { specification, diagnostics }
    : { diagnostics };
}

function deploy(request: DeployRequest, context: SpecificationContext, report: Report) {
  const version = expect(context, request.packageId, "package", "udm.Version", report);
  const environment = expect(context, request.environmentId, "environment", "udm.Environment", report);
  if (!version || !environment) return undefined;
  const dictionaries = new EnvironmentDictionaries(ciList(environment.values.dictionaries), report);
  const application = parentId(version.id);

  let previous: DeploymentState | undefined;
  if (request.fromPackageId) {
    const from = expect(context, request.fromPackageId, "package given with --from", "udm.Version", report);
    if (!from) return undefined;
    if (parentId(from.id) !== application) {
      report(
        diagnostic("PW7004", {
          from: from.id,
          fromApplication: parentId(from.id),
          application,
        }),
      );
      return undefined;
    }
    previous = mapVersion(from, environment, dictionaries, context, report);
  } else {
    previous = storedState(`${environment.id}/${lastSegment(application)}`, context);
  }

  const applications: ApplicationDeployment[] = resolveApplicationDependencies(
    version,
    environment.id,
    context,
    report,
  );
  for (const entry of applications) {
    const entryPrevious =
      entry.application === application
        ? previous
        : storedState(`${environment.id}/${lastSegment(entry.application)}`, context);
    if (entryPrevious) entry.previous = entryPrevious;
    // The user's orchestrators apply to the chosen package only (reference §2.4).
    const override = entry.application === application ? request.orchestrators : undefined;
    entry.next = mapVersion(entry.version!, environment, dictionaries, context, report, entryPrevious, override);
  }
  const chosen = applications[0].next!.deployedApplication;
  return { applications, orchestrators: orchestratorList(chosen.values.orchestrator) };
}

function undeploy(request: UndeployRequest, context: SpecificationContext, report: Report) {
  const id = request.deployedApplicationId;
  let previous: DeploymentState | undefined;
  if (request.fromPackageId) {
    const environment = expect(context, parentId(id), "environment", "udm.Environment", report);
    const from = expect(context, request.fromPackageId, "package given with --from", "udm.Version", report);
    if (!environment || !from) return undefined;
    if (lastSegment(parentId(from.id)) !== lastSegment(id)) {
      report(diagnostic("PW7004", { from: from.id, fromApplication: parentId(from.id), application: lastSegment(id) }));
      return undefined;
    }
    const dictionaries = new EnvironmentDictionaries(ciList(environment.values.dictionaries), report);
    previous = mapVersion(from, environment, dictionaries, context, report);
  } else {
    previous = storedState(id, context);
    if (!previous) {
      report(diagnostic("PW7003", { id }));
      return undefined;
    }
  }
  const version = previous.deployedApplication.values.version;
  const entry: ApplicationDeployment = {
    application: isConfigurationItem(version) ? parentId(version.id) : `Applications/${lastSegment(id)}`,
    dependsOn: [],
    previous,
  };
  if (isConfigurationItem(version)) entry.version = version;
  const orchestrators = request.orchestrators ?? orchestratorList(previous.deployedApplication.values.orchestrator);
  return { applications: [entry], orchestrators };
}

/** The deployeds of `version` on `environment`, and the deployed application holding them. */
function mapVersion(
  version: ConfigurationItem,
  environment: ConfigurationItem,
  dictionaries: EnvironmentDictionaries,
  context: SpecificationContext,
  report: Report,
  previous?: DeploymentState,
  orchestratorOverride?: string[],
): DeploymentState {
  const previousById = new Map(previous?.deployeds.map((deployed) => [deployed.id, deployed]));
  const mapper = new DeployedMapper(context, dictionaries, report, previousById);
  const members = ciList(environment.values.members);
  const deployeds: ConfigurationItem[] = [];
  const madeFrom = new Map<string, string>();
  const deployables = deployablesOf(version, context);
  // Container outermost: the mapper reuses one dictionary scope per container.
  for (const container of members) {
    for (const { deployable, application } of deployables) {
      const deployed = mapper.map(deployable, container, application);
      if (!deployed) continue;
      const earlier = madeFrom.get(deployed.id);
      if (earlier !== undefined) {
        report(
          diagnostic(
            "PW7015",
            { first: earlier, second: deployable.id, deployed: deployed.id },
            deployable.location ?? {},
          ),
        );
        continue;
      }
      madeFrom.set(deployed.id, deployable.id);
      deployeds.push(deployed);
    }
  }
  deployeds.sort(byId);
  const application = parentId(version.id);
  const deployedApplication = deployedApplicationFor(
    version,
    environment,
    deployeds,
    dictionaries.scope(undefined, application),
    context,
    report,
    previous?.deployedApplication,
    orchestratorOverride,
  );
  return { deployedApplication, deployeds };
}

/**
 * The udm.DeployedApplication `<environment>/<application name>`. Deployment-level properties
 * come from same-named package properties (reference §2.4), else the deployed application in
 * place, else the type's default; `--orchestrator` replaces the orchestrator list.
 */
function deployedApplicationFor(
  version: ConfigurationItem,
  environment: ConfigurationItem,
  deployeds: ConfigurationItem[],
  scope: DictionaryScope,
  context: SpecificationContext,
  report: Report,
  previous?: ConfigurationItem,
  orchestratorOverride?: string[],
): ConfigurationItem {
  const name = lastSegment(parentId(version.id));
  const values: Record<string, CiValue> = { version, environment, deployeds };
  const fromPackageOrPrevious = (property: string): CiValue | undefined => {
    const given = version.values[property];
    if (!isUnset(given)) return resolvePackageValue(given, scope);
    return previous?.values[property];
  };
  for (const descriptor of context.types.properties("udm.DeployedApplication")) {
    if (ownDeployedApplicationProperties.has(descriptor.name) || isCiKind(descriptor.kind)) continue;
    const raw = fromPackageOrPrevious(descriptor.name) ?? (descriptor.defaultValue as CiValue | undefined);
    if (raw === undefined) continue;
    const converted = convertToKind(raw, descriptor);
    if ("invalid" in converted) {
      report(
        diagnostic(
          "PW7013",
          {
            property: descriptor.name,
            deployed: `${environment.id}/${name}`,
            value: String(raw),
            kind: descriptor.kind,
          },
          version.location ?? {},
        ),
      );
    } else if (converted.value !== undefined) {
      values[descriptor.name] = converted.value;
    }
  }
  // Read explicitly too, so the list works even where the type system does not declare them.
  values.orchestrator = orchestratorOverride ?? orchestratorList(fromPackageOrPrevious("orchestrator"));
  if (values.optimizePlan === undefined) values.optimizePlan = true;
  const deployedApplication: ConfigurationItem = {
    id: `${environment.id}/${name}`,
    name,
    type: "udm.DeployedApplication",
    values,
  };
  if (version.location) deployedApplication.location = version.location;
  return deployedApplication;
}

function resolvePackageValue(value: CiValue, scope: DictionaryScope): CiValue {
  if (typeof value === "string") return hasPlaceholder(value) ? scope.resolve(value).value : value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return (value as string[]).map((item) => (hasPlaceholder(item) ? scope.resolve(item).value : item));
  }
  return value;
}

/** Deployables of a package; a composite package's members in order, nested ones flattened. */
function deployablesOf(
  version: ConfigurationItem,
  context: SpecificationContext,
  seen = new Set<string>(),
): { deployable: ConfigurationItem; application: string }[] {
  if (seen.has(version.id)) return [];
  seen.add(version.id);
  if (context.types.isSubtypeOf(version.type, "udm.CompositePackage")) {
    return ciList(version.values.packages).flatMap((member) => deployablesOf(member, context, seen));
  }
  const application = parentId(version.id);
  const found = new Map<string, ConfigurationItem>();
  for (const deployable of ciList(version.values.deployables)) found.set(deployable.id, deployable);
  for (const child of context.repository.children(version.id)) {
    if (
      context.types.isSubtypeOf(child.type, "udm.Deployable") &&
      !context.types.isSubtypeOf(child.type, "udm.EmbeddedDeployable")
    ) {
      found.set(child.id, child);
    }
  }
  return [...found.values()].map((deployable) => ({ deployable, application }));
}

/** The deployed application stored in the repository, with its deployeds. */
function storedState(id: string, context: SpecificationContext): DeploymentState | undefined {
  const deployedApplication = context.repository.get(id);
  if (!deployedApplication || !context.types.isSubtypeOf(deployedApplication.type, "udm.DeployedApplication")) {
    return undefined;
  }
  return { deployedApplication, deployeds: ciList(deployedApplication.values.deployeds).sort(byId) };
}

function expect(
  context: SpecificationContext,
  id: string,
  role: string,
  expected: string,
  report: Report,
): ConfigurationItem | undefined {
  const ci = context.repository.get(id);
  if (!ci) {
    report(diagnostic("PW7001", { role: capitalise(role), id }));
    return undefined;
  }
  if (!context.types.isSubtypeOf(ci.type, expected)) {
    report(diagnostic("PW7002", { role: capitalise(role), id, actual: ci.type, expected }, ci.location ?? {}));
    return undefined;
  }
  return ci;
}

/** Orchestrator names from a list, or from a single (possibly comma-separated) string. */
export function orchestratorList(value: CiValue | undefined): string[] {
  const items = Array.isArray(value)
    ? value.map((item) => (typeof item === "string" ? item : item.id))
    : typeof value === "string"
      ? value.split(",")
      : [];
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

function byId(a: ConfigurationItem, b: ConfigurationItem): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
