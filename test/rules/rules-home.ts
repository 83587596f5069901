import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PythonRuntime } from "../../src/python/api.js";
import { type LoadedRules, loadRules } from "../../src/rules/load-rules.js";
import { createStepRegistry } from "../../src/steps/step-catalogue.js";
import { loadTypes } from "../../src/types/load-types.js";
import type { TypeRegistry } from "../../src/types/model.js";
import { loadClasspath } from "../../src/workspace/classpath.js";

/** Types the rules tests name: a deployed artifact, a deployed resource, a server on a host. */
export const testSynthetic = `<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">
  <type type="test.Server" extends="udm.BaseContainer">
    <property name="host" kind="ci" referenced-type="overthere.Host" as-containment="true"/>
  </type>
  <type type="test.DeployedFile" extends="udm.BaseDeployedArtifact" deployable-type="test.File" container-type="test.Server">
    <generate-deployable type="test.File" extends="udm.BaseDeployableFileArtifact"/>
  </type>
  <type type="test.SpecialFile" extends="test.DeployedFile"/>
  <type type="test.Thing" extends="udm.BaseDeployed" deployable-type="test.ThingSpec" container-type="overthere.Host">
    <generate-deployable type="test.ThingSpec" extends="udm.BaseDeployable"/>
  </type>
</synthetic>`;

export function testTypes(extraSynthetic?: string): TypeRegistry {
  const resources = [{ text: testSynthetic, displayPath: "ext/synthetic.xml" }];
  if (extraSynthetic) resources.push({ text: extraSynthetic, displayPath: "ext/more/synthetic.xml" });
  return loadTypes(resources).registry;
}

/** A home in a temporary folder with the given files (paths relative to the home). */
export function writeHome(files: Record<string, string>): string {
  const home = mkdtempSync(path.join(tmpdir(), "planwright-rules-"));
  for (const [file, text] of Object.entries(files)) {
    const absolute = path.join(home, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  return home;
}

export function loadHome(home: string, python?: PythonRuntime, extraSynthetic?: string): LoadedRules {
  const { classpath } = loadClasspath(home);
  const types = testTypes(extraSynthetic);
  return loadRules({ classpath, types, steps: createStepRegistry(), ...(python ? { python } : {}) });
}

/** Wraps rule elements in a `<rules>` root; line 1 is the root, so the first rule is on line 2. */
export function rulesXml(body: string): string {
  return `<rules xmlns="http://www.xebialabs.com/xl-deploy/xl-rules">\n${body}\n</rules>\n`;
}
