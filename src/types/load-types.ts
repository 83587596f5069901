import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { builtinTypes } from "./builtin/builtin-types.js";
import type { TypeRegistry } from "./model.js";
import { readSyntheticXml, type SyntheticContent, type SyntheticResource } from "./synthetic-reader.js";
import { TypeRegistryBuilder } from "./type-registry.js";

/**
 * Reads every synthetic.xml and resolves them together with the built-in types. File order does
 * not matter for extends and type-modification; for duplicate type names the first wins, so pass
 * the resources in classpath order.
 */
export function loadTypes(
  resources: readonly SyntheticResource[],
  builtins: readonly SyntheticContent[] = builtinTypes(),
): { registry: TypeRegistry; diagnostics: Diagnostic[] } {
  const builder = new TypeRegistryBuilder();
  const diagnostics: Diagnostic[] = [];
  const contents = [
    ...builtins,
    ...resources.map((r) => readSyntheticXml(r.text, r.displayPath, r.source ?? r.displayPath)),
  ];
  for (const content of contents) {
    diagnostics.push(...content.diagnostics);
    for (const type of content.types) builder.addType(type);
    for (const generation of content.generations) builder.addGeneratedDeployable(generation);
    for (const modification of content.modifications) builder.addModification(modification);
  }
  const resolved = builder.resolve();
  return { registry: resolved.registry, diagnostics: [...diagnostics, ...resolved.diagnostics] };
}
