import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parentId } from "../repository/ids.js";
import type { ConfigurationItem } from "../repository/model.js";
import { isConfigurationItem } from "../repository/model.js";
import type { ApplicationDeployment, SpecificationContext } from "./model.js";
import { stringMap } from "./property-values.js";
import { compareVersions, parseVersionRange, satisfies } from "./version-range.js";

/**
 * Resolves `applicationDependencies` (application name → version range) of a package, and of
 * the packages it pulls in, to the highest version inside each range (XL Deploy's LATEST
 * resolution). A dependency already deployed to the environment at a version inside its
 * range stays as it is and is not deployed again. Returns the chosen package first, then the
 * dependencies to deploy with it.
 */
export function resolveApplicationDependencies(
  chosen: ConfigurationItem,
  environmentId: string,
  context: SpecificationContext,
  report: (diagnostic: Diagnostic) => void,
): ApplicationDeployment[] {
  const applicationsByName = new Map<string, ConfigurationItem>();
  const result = new Map<string, ApplicationDeployment>();
  const visit = (version: ConfigurationItem, stack: string[]): void => {
    const application = parentId(version.id);
    const entry: ApplicationDeployment = { application, version, dependsOn: [] };
    result.set(application, entry);
    for (const [name, rangeText] of Object.entries(stringMap(version.values.applicationDependencies))) {
      const at = version.location ?? {};
      const unusable = (problem: string) =>
        report(diagnostic("PW7020", { application: name, range: rangeText, package: version.id, problem }, at));
      const range = parseVersionRange(rangeText);
      if (!range) {
        unusable("not a version range");
        continue;
      }
      if (applicationsByName.size === 0) {
        for (const app of context.repository.findByType("udm.Application")) applicationsByName.set(app.name, app);
      }
      const dependency = applicationsByName.get(name);
      if (!dependency) {
        unusable("no such application");
        continue;
      }
      if (stack.includes(dependency.id)) {
        report(diagnostic("PW7022", { cycle: [...stack, dependency.id].join(" → ") }, at));
        continue;
      }
      const resolved = result.get(dependency.id);
      if (resolved) {
        if (!resolved.version || !satisfies(resolved.version.name, range)) {
          report(diagnostic("PW7021", { application: name, package: version.id, range: rangeText }, at));
        } else {
          entry.dependsOn.push(dependency.id);
        }
        continue;
      }
      const deployedNow = context.repository.get(`${environmentId}/${name}`)?.values.version;
      if (isConfigurationItem(deployedNow) && satisfies(deployedNow.name, range)) continue;
      const candidates = context.repository
        .children(dependency.id)
        .filter((ci) => context.types.isSubtypeOf(ci.type, "udm.Version") && satisfies(ci.name, range))
        .sort((a, b) => compareVersions(b.name, a.name));
      if (candidates.length === 0) {
        report(diagnostic("PW7021", { application: name, package: version.id, range: rangeText }, at));
        continue;
      }
      entry.dependsOn.push(dependency.id);
      visit(candidates[0], [...stack, dependency.id]);
    }
  };
  visit(chosen, [parentId(chosen.id)]);
  return [...result.values()];
}
