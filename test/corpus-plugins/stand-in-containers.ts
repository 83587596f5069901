import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TypeRegistry } from "../../src/types/model.js";

/** A container type a corpus deployed targets that no corpus plugin defines, and how it is stood in for. */
export interface StandIn {
  type: string;
  extends: string;
  /** Properties the deployeds' defaults read as `deployed.container.<name>`. */
  properties: string[];
}

/**
 * Stand-ins for the container types of `deployedTypes` that are not registered (they come from
 * a plugin outside the corpus, e.g. tomcat.Server). A generic deployed's stand-in is a
 * generic.Container, which is an overthere.HostContainer with a `host` (generic-plugins.md
 * §0.1); any other gets a udm.BaseContainer with a `host` containment. Each also declares the
 * container properties the deployeds' default values read, so that those resolve.
 */
export function standInsFor(deployedTypes: readonly string[], types: TypeRegistry): StandIn[] {
  const byType = new Map<string, StandIn>();
  for (const deployed of deployedTypes) {
    const target = declaredContainerType(deployed, types);
    if (!target || types.has(target)) continue;
    const standIn = byType.get(target) ?? { type: target, extends: "udm.BaseContainer", properties: [] };
    if (types.isSubtypeOf(deployed, "generic.AbstractDeployed")) standIn.extends = "generic.Container";
    for (const property of types.properties(deployed)) {
      const text = typeof property.defaultValue === "string" ? property.defaultValue : "";
      for (const match of text.matchAll(/deployed\.container\.(\w+)/g)) standIn.properties.push(match[1]!);
    }
    byType.set(target, standIn);
  }
  return [...byType.values()].map((standIn) => ({
    ...standIn,
    properties: [...new Set(standIn.properties)].filter((name) => name !== "host").sort(),
  }));
}

/** Writes the stand-ins as `plugins/corpus-stand-ins/synthetic.xml` of `home` (never into the corpus). */
export function writeStandIns(home: string, standIns: readonly StandIn[]): void {
  const folder = path.join(home, "plugins", "corpus-stand-ins");
  mkdirSync(folder, { recursive: true });
  const types = standIns.map((standIn) => {
    // A server container has start and stop scripts, which the restart contributor needs (§8.1, §8.3).
    const own =
      standIn.extends === "generic.Container"
        ? [
            '    <property name="startScript" hidden="true" required="false" default="stand-in/start"/>',
            '    <property name="stopScript" hidden="true" required="false" default="stand-in/stop"/>',
          ]
        : ['    <property name="host" kind="ci" referenced-type="overthere.Host" as-containment="true"/>'];
    const properties = standIn.properties.map(
      (name) => `    <property name="${name}" required="false" default="/stand-in/${name}"/>`,
    );
    return [`  <type type="${standIn.type}" extends="${standIn.extends}">`, ...own, ...properties, "  </type>"];
  });
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">',
    ...types.flat(),
    "</synthetic>",
    "",
  ];
  writeFileSync(path.join(folder, "synthetic.xml"), xml.join("\n"));
}

/** The container-type a deployed type or its nearest ancestor declares. */
export function declaredContainerType(type: string, types: TypeRegistry): string | undefined {
  for (const ancestor of types.ancestors(type)) {
    const found = types.get(ancestor)?.containerType;
    if (found) return found;
  }
  return undefined;
}
