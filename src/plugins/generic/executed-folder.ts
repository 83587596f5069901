import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Operation } from "../../delta/model.js";
import type { DeployedPlanning, DeployedRuleDefinition, StepRequest } from "../api.js";
import { describeOnContainer } from "../deployed-target.js";
import { GenericDeployed, type OperationPrefix } from "./generic-deployed.js";
import { flagValue, nonBlank } from "./template-properties.js";

/**
 * generic.ExecutedFolder (generic-plugins.md §6): the folder artifact's scripts, recognised by
 * `scriptRecognitionRegex` (install) and `rollbackScriptRecognitionRegex` (rollback) at the
 * folder's top level, each run by the `executorScript` in one os-script step. The script's
 * path inside the folder, its dependent sub-folder (named after regex group 1) and the common
 * folder are in the step's FreeMarker context as `scriptFile`, `dependentFolder` and
 * `commonFolder`, for the execution to upload. No NOOP rule (none is documented).
 */
export const executedFolderRules: DeployedRuleDefinition[] = [
  { type: "generic.ExecutedFolder", method: "executeCreate", operation: "CREATE", plan: planCreate },
  { type: "generic.ExecutedFolder", method: "executeModify", operation: "MODIFY", plan: planModify },
  { type: "generic.ExecutedFolder", method: "executeDestroy", operation: "DESTROY", plan: planDestroy },
];

interface FolderScript {
  file: string;
  /** Regex group 1: the logical name (rollback name, dependent sub-folder). */
  logicalName: string;
}

function planCreate(planning: DeployedPlanning): void {
  const folder = new ScriptFolder(new GenericDeployed(planning.delta.deployed!, planning));
  addScripts(planning, folder, folder.installScripts(), "create", "CREATE");
}

function planDestroy(planning: DeployedPlanning): void {
  const folder = new ScriptFolder(new GenericDeployed(planning.delta.previous!, planning));
  addScripts(planning, folder, folder.rollbackScripts().reverse(), "destroy", "DESTROY");
}

/**
 * Rollbacks (descending, previous version) of the scripts removed from the package and, with
 * `executeModifiedScripts` and `executeRollbackForModifiedScripts`, of the changed ones; then
 * the new and (with `executeModifiedScripts`) changed install scripts, ascending.
 */
function planModify(planning: DeployedPlanning): void {
  const current = new ScriptFolder(new GenericDeployed(planning.delta.deployed!, planning));
  const previous = new ScriptFolder(new GenericDeployed(planning.delta.previous!, planning));
  const before = new Map(previous.installScripts().map((s) => [s.file, s]));
  const now = current.installScripts();
  const runModified = flagValue(current.deployed.ci, "executeModifiedScripts", current.deployed.scope);
  const rollBackModified =
    runModified && flagValue(current.deployed.ci, "executeRollbackForModifiedScripts", current.deployed.scope);
  const changed = now.filter(
    (s) => before.has(s.file) && !sameContent(previous.pathOf(s.file), current.pathOf(s.file)),
  );
  const removed = [...before.values()].filter((s) => !now.some((n) => n.file === s.file));
  const toRollBack = new Set([...removed, ...(rollBackModified ? changed.map((s) => before.get(s.file)!) : [])]);
  const rollbacks = previous
    .rollbackScripts()
    .filter((r) => [...toRollBack].some((s) => previous.rollbackNameOf(s) === r.file))
    .reverse();
  addScripts(planning, previous, rollbacks, "destroy", undefined);
  const installs = now.filter((s) => !before.has(s.file) || (runModified && changed.includes(s)));
  addScripts(planning, current, installs, "modify", "MODIFY");
}

/**
 * One step per script; the delta's checkpoint goes after the first executed script
 * (`checkpointAfterFirstScript`, default true) or the last. Rollbacks of a MODIFY carry no
 * checkpoint of their own.
 */
function addScripts(
  planning: DeployedPlanning,
  folder: ScriptFolder,
  scripts: FolderScript[],
  prefix: OperationPrefix,
  checkpoint: Operation | undefined,
): void {
  const { deployed } = folder;
  const executor = nonBlank(deployed.text("executorScript"));
  if (executor === undefined || scripts.length === 0) return;
  const afterFirst = flagValue(deployed.ci, "checkpointAfterFirstScript", deployed.scope);
  const checkpointIndex = afterFirst ? 0 : scripts.length - 1;
  scripts.forEach((script, index) => {
    const step: StepRequest = {
      type: "os-script",
      parameters: {
        order: deployed.order(prefix),
        description: describeOnContainer(deployed.verb(prefix), script.file, deployed.ci),
        script: executor,
        ...deployed.hostParameter(),
        "freemarker-context": { deployed: deployed.ci, ...folder.uploadsOf(script) },
        ...deployed.uploads(prefix),
      },
    };
    if (checkpoint && index === checkpointIndex) step.checkpoints = [checkpoint];
    planning.addStep(step);
  });
}

/** The folder artifact of one deployed, listed once. */
class ScriptFolder {
  private readonly files: string[];
  private readonly directories: Set<string>;

  constructor(readonly deployed: GenericDeployed) {
    const root = deployed.ci.artifact?.path;
    const entries = root ? listFolder(root) : [];
    this.files = entries
      .filter((e) => !e.isDirectory())
      .map((e) => e.name)
      .sort();
    this.directories = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  }

  pathOf(file: string): string {
    return path.join(this.deployed.ci.artifact?.path ?? "", file);
  }

  installScripts(): FolderScript[] {
    return this.matching("scriptRecognitionRegex");
  }

  rollbackScripts(): FolderScript[] {
    return this.matching("rollbackScriptRecognitionRegex");
  }

  /** Group 1 of the install name plus `rollbackScriptPostfix` (§6). */
  rollbackNameOf(script: FolderScript): string {
    return `${script.logicalName}${nonBlank(this.deployed.text("rollbackScriptPostfix")) ?? ""}`;
  }

  uploadsOf(script: FolderScript): Record<string, string> {
    const uploads: Record<string, string> = { scriptFile: script.file };
    if (this.directories.has(script.logicalName)) uploads.dependentFolder = script.logicalName;
    const common = nonBlank(this.deployed.text("commonScriptFolderName"));
    if (common !== undefined && this.directories.has(common)) uploads.commonFolder = common;
    return uploads;
  }

  /** Files whose whole name matches the property's regex (Java `matches`), in name order. */
  private matching(property: string): FolderScript[] {
    const source = nonBlank(this.deployed.text(property));
    if (source === undefined) return [];
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${source})$`);
    } catch {
      return [];
    }
    const found: FolderScript[] = [];
    for (const file of this.files) {
      const match = pattern.exec(file);
      if (match) found.push({ file, logicalName: match[1] ?? file });
    }
    return found;
  }
}

function listFolder(root: string) {
  try {
    return statSync(root).isDirectory() ? readdirSync(root, { withFileTypes: true }) : [];
  } catch {
    return [];
  }
}

function sameContent(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}
