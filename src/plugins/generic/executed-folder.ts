import type { Operation } from "../../delta/model.js";
import { diagnostic } from "../../diagnostics/catalogue.js";
import { DiagnosticError } from "../../diagnostics/diagnostic.js";
import { type ConfigurationItem, isConfigurationItem } from "../../repository/model.js";
import type { DeployedPlanning, DeployedRuleDefinition, StepRequest } from "../api.js";
import { describeOnContainer } from "../deployed-target.js";
import { type FolderArtifact, type FolderArtifactReading, readFolderArtifact } from "./folder-artifact.js";
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
  const changed = now.filter((s) => before.has(s.file) && !current.sameContentAs(previous, s.file));
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
  private readonly artifact: Artifact;
  private readonly folder: FolderArtifact;

  constructor(readonly deployed: GenericDeployed) {
    this.artifact = artifactOf(deployed.ci);
    this.folder = folderOf(this.artifact, deployed.ci);
  }

  /** Whether the script has the same content as the one of that name in `other`. */
  sameContentAs(other: ScriptFolder, file: string): boolean {
    const mine = this.contentOf(file);
    const theirs = other.contentOf(file);
    return Buffer.compare(mine, theirs) === 0;
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
    if (this.folder.folders.has(script.logicalName)) uploads.dependentFolder = script.logicalName;
    const common = nonBlank(this.deployed.text("commonScriptFolderName"));
    if (common !== undefined && this.folder.folders.has(common)) uploads.commonFolder = common;
    return uploads;
  }

  private contentOf(file: string): Uint8Array {
    const content = this.folder.read(file);
    if (content === undefined) {
      throw unreadable(this.deployed.ci, this.artifact, `cannot give the content of its file '${file}'`);
    }
    return content;
  }

  /** Files whose whole name matches the property's regex (Java `matches`), in name order. */
  private matching(property: string): FolderScript[] {
    const source = nonBlank(this.deployed.text(property));
    if (source === undefined) return [];
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${source})$`);
    } catch (error) {
      const { ci } = this.deployed;
      const detail = (error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, "");
      const args = { property, pattern: source, id: ci.id, type: ci.type, detail };
      throw new DiagnosticError([diagnostic("PW8505", args, ci.location ?? {})]);
    }
    const found: FolderScript[] = [];
    for (const file of this.folder.files) {
      const match = pattern.exec(file);
      if (match) found.push({ file, logicalName: match[1] ?? file });
    }
    return found;
  }
}

type Artifact = NonNullable<ConfigurationItem["artifact"]>;

/**
 * Read once per artifact: the deployeds of one deployable share its artifact object, and
 * a reloaded repository makes new ones.
 */
const readings = new WeakMap<Artifact, FolderArtifactReading>();

/**
 * The deployed's artifact: its own, else its deployable's (as the delta compares checksums).
 * None stops planning with a diagnostic at the deployable, rather than planning no script.
 */
function artifactOf(ci: ConfigurationItem): Artifact {
  const deployable = ci.values.deployable;
  const artifact = ci.artifact ?? (isConfigurationItem(deployable) ? deployable.artifact : undefined);
  if (!artifact) throw new DiagnosticError([diagnostic("PW8503", { id: ci.id, type: ci.type }, ci.location ?? {})]);
  return artifact;
}

function folderOf(artifact: Artifact, ci: ConfigurationItem): FolderArtifact {
  let reading = readings.get(artifact);
  if (!reading) {
    reading = readFolderArtifact(artifact.path);
    readings.set(artifact, reading);
  }
  if ("problem" in reading) throw unreadable(ci, artifact, reading.problem);
  return reading.folder;
}

function unreadable(ci: ConfigurationItem, artifact: Artifact, problem: string): DiagnosticError {
  return new DiagnosticError([
    diagnostic("PW8504", { path: artifact.path, id: ci.id, type: ci.type, problem }, ci.location ?? {}),
  ]);
}
