import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PredefinedRuleDefinition } from "../rules/rule-registry.js";
import { createStepRegistry, type StepCatalogue } from "../steps/step-catalogue.js";
import type { TypeRegistry } from "../types/model.js";
import type { Classpath } from "../workspace/model.js";
import type { PlanwrightPlugin } from "./api.js";
import { cmdPlugin } from "./cmd/index.js";
import { filePlugin } from "./file/index.js";
import { genericPlugin } from "./generic/index.js";
import { loadPluginModule } from "./plugin-module.js";
import { type PluginOrigin, pluginRules } from "./plugin-rules.js";

/** The plugins every home has, in registration order. */
export const builtinPlugins: readonly PlanwrightPlugin[] = [genericPlugin, filePlugin, cmdPlugin];

export interface LoadedPlugins {
  /** Each plugin with where it came from (`builtin:generic`, `plugins/x/index.mjs`). */
  plugins: { plugin: PlanwrightPlugin; file: string }[];
  /** For `loadRules({ predefinedRules })`: registered before every xl-rules.xml rule. */
  rules: PredefinedRuleDefinition[];
  /** The predefined steps plus the plugins' custom steps, for `loadRules({ steps })`. */
  steps: StepCatalogue;
  diagnostics: Diagnostic[];
}

/**
 * The built-in plugins, then the home's plugin modules (`plugins/<folder>/index.js|mjs`) in
 * folder-name order, turned into predefined rules over the home's types, with their steps.
 */
export function loadPlugins(options: { classpath: Classpath; types: TypeRegistry }): LoadedPlugins {
  const diagnostics: Diagnostic[] = [];
  const plugins: LoadedPlugins["plugins"] = builtinPlugins.map((plugin) => ({
    plugin,
    file: `builtin:${plugin.name}`,
  }));
  const origins: PluginOrigin[] = plugins.map(({ file }) => ({ file, untrusted: false }));
  for (const root of options.classpath.roots) {
    if (!root.name.startsWith("plugins/")) continue;
    const loaded = loadPluginModule(root);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.module) continue;
    plugins.push({ plugin: loaded.module.plugin, file: loaded.module.file });
    origins.push({ file: loaded.module.file, untrusted: true });
  }
  const steps = createStepRegistry();
  const rules: PredefinedRuleDefinition[] = [];
  plugins.forEach(({ plugin, file }, index) => {
    for (const step of plugin.steps ?? []) {
      diagnostics.push(...steps.registerStep(step, file).map((d) => ({ ...d, file: d.file ?? file })));
    }
    rules.push(...pluginRules(plugin, options.types, origins[index]!));
  });
  return { plugins, rules, steps, diagnostics };
}
