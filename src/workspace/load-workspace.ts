import { statSync } from "node:fs";
import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { InMemoryRepository } from "../repository/in-memory-repository.js";
import { loadRepository } from "../repository/load-repository.js";
import type { Repository } from "../repository/model.js";
import { loadTypes } from "../types/load-types.js";
import type { TypeRegistry } from "../types/model.js";
import { loadClasspath } from "./classpath.js";
import type { Classpath, PlannerSettings } from "./model.js";
import { loadPlannerSettings } from "./planner-settings.js";

/** Everything a command needs from a home directory, loaded once. */
export interface Workspace {
  /** Absolute path of the home directory. */
  home: string;
  settings: PlannerSettings;
  classpath: Classpath;
  types: TypeRegistry;
  repository: Repository;
  /** Every problem found while loading, in stage order; loading went on past each of them. */
  diagnostics: Diagnostic[];
}

export interface LoadWorkspaceOptions {
  /** Skip reading `repository/` (e.g. `planwright types` needs only the types). Default true. */
  repository?: boolean;
}

/**
 * Loads a home directory (DESIGN §2.1) — the one entry point every command uses. Stages run
 * in order, each adding its diagnostics and never stopping the later ones: settings,
 * classpath, types from every root's synthetic.xml, then the repository. New stages (rules,
 * steps, plugins) are added below, after the ones they depend on.
 */
export function loadWorkspace(home: string, options: LoadWorkspaceOptions = {}): Workspace {
  const diagnostics: Diagnostic[] = [];
  if (!isDirectory(home)) diagnostics.push(diagnostic("PW1003", { home }));

  const settings = loadPlannerSettings(home);
  diagnostics.push(...settings.diagnostics);

  const classpath = loadClasspath(home);
  diagnostics.push(...classpath.diagnostics);

  const synthetic = classpath.classpath.findAll("synthetic.xml").map((resource) => ({
    text: resource.text(),
    displayPath: resource.displayPath,
    source: resource.root.name,
  }));
  const types = loadTypes(synthetic);
  diagnostics.push(...types.diagnostics);

  let repository: Repository = new InMemoryRepository([], types.registry);
  if (options.repository !== false) {
    const loaded = loadRepository(home, types.registry);
    repository = loaded.repository;
    diagnostics.push(...loaded.diagnostics);
  }

  return {
    home,
    settings: settings.settings,
    classpath: classpath.classpath,
    types: types.registry,
    repository,
    diagnostics,
  };
}

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
