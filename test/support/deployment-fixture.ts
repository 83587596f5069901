import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Repository } from "../../src/repository/model.js";
import { readRepository } from "../../src/repository/yaml-repository-reader.js";
import { loadTypes } from "../../src/types/load-types.js";
import type { TypeRegistry } from "../../src/types/model.js";

export interface DeploymentFixture {
  types: TypeRegistry;
  repository: Repository;
  /** Problems loading the fixture itself (a test should expect none). */
  diagnostics: Diagnostic[];
}

/**
 * Types and repository built by the real loaders from inline synthetic.xml and repository
 * YAML. `files` are written to a temporary home first, so YAML can name them with `!file`
 * (paths relative to `repository/`, e.g. `!file ../artifacts/a.war`).
 */
export function deploymentFixture(input: {
  synthetic?: string;
  yaml: Record<string, string>;
  files?: Record<string, string>;
}): DeploymentFixture {
  const home = mkdtempSync(path.join(tmpdir(), "planwright-fixture-"));
  for (const [relative, content] of Object.entries(input.files ?? {})) {
    const file = path.join(home, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const types = loadTypes(
    input.synthetic ? [{ text: input.synthetic, displayPath: "ext/synthetic.xml", source: "ext" }] : [],
  );
  const sources = Object.entries(input.yaml).map(([name, text]) => ({
    path: path.join(home, "repository", name),
    displayPath: `repository/${name}`,
    text,
  }));
  const read = readRepository(sources, types.registry);
  return {
    types: types.registry,
    repository: read.repository,
    diagnostics: [...types.diagnostics, ...read.diagnostics],
  };
}

/** A minimal synthetic.xml body wrapped in its root element. */
export function synthetic(body: string): string {
  return `<?xml version="1.0"?>\n<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">\n${body}\n</synthetic>`;
}
