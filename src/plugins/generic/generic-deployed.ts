import type { ConfigurationItem } from "../../repository/model.js";
import type { PluginPlanning } from "../api.js";
import { containerOf, describeOnContainer, hostOf } from "../deployed-target.js";
import { integerValue, nonBlank, stringsValue, type TemplateScope, templateText } from "./template-properties.js";

/** The four operation prefixes of generic.AbstractDeployed's properties (createOrder, destroyVerb, …). */
export type OperationPrefix = "create" | "modify" | "destroy" | "noop";

/** generic.AbstractDeployed's defaults (generic-plugins.md §0.7, §1), for CIs that lack them. */
const defaultOrders: Record<OperationPrefix, number> = { create: 50, modify: 50, destroy: 40, noop: 50 };
const defaultVerbs: Record<OperationPrefix, string> = {
  create: "Create",
  modify: "Modify",
  destroy: "Destroy",
  noop: "Modify",
};

/**
 * One generic deployed as one operation sees it: order, verb, script and step options of
 * that operation (generic-plugins.md §1, §0.5), string properties resolved as templates.
 */
export class GenericDeployed {
  readonly scope: TemplateScope;

  constructor(
    readonly ci: ConfigurationItem,
    readonly planning: PluginPlanning,
  ) {
    this.scope = { types: planning.types, deployedApplication: planning.deployedApplication };
  }

  text(property: string): string | undefined {
    return templateText(this.ci, property, this.scope);
  }

  order(prefix: OperationPrefix): number {
    return integerValue(this.ci, `${prefix}Order`, this.scope, defaultOrders[prefix]);
  }

  verb(prefix: OperationPrefix): string {
    return nonBlank(this.text(`${prefix}Verb`)) ?? defaultVerbs[prefix];
  }

  /** The script of the operation; undefined when blank, which means no step (§0.2). */
  script(prefix: OperationPrefix): string | undefined {
    return nonBlank(this.text(`${prefix}Script`));
  }

  /** `"<verb> <name> on <container>"` (§0.6). */
  description(prefix: OperationPrefix, name = this.ci.name): string {
    return describeOnContainer(this.verb(prefix), name, this.ci);
  }

  /** The container's host, given explicitly so that nested containers work too (§8.2). */
  host(): ConfigurationItem | undefined {
    const container = containerOf(this.ci);
    return container ? hostOf(container, this.planning.types) : undefined;
  }

  /**
   * The upload parameters of an os-script step under the operation's step options (§0.5):
   * `none` clears the inherited options.
   */
  uploads(prefix: OperationPrefix): Record<string, unknown> {
    const options = new Set(stringsValue(this.ci, `${prefix}Options`, this.scope));
    if (options.has("none")) options.clear();
    const parameters: Record<string, unknown> = { "upload-artifacts": options.has("uploadArtifactData") };
    const resources = stringsValue(this.ci, "classpathResources", this.scope);
    if (options.has("uploadClasspathResources") && resources.length > 0) parameters["classpath-resources"] = resources;
    const templates = stringsValue(this.ci, "templateClasspathResources", this.scope);
    if (options.has("uploadTemplateClasspathResources") && templates.length > 0) {
      parameters["template-classpath-resources"] = templates;
    }
    return parameters;
  }

  /** `target-host` when known; otherwise the step's calculated one applies. */
  hostParameter(): Record<string, unknown> {
    const host = this.host();
    return host ? { "target-host": host } : {};
  }
}
