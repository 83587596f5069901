import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Java `matches`: the whole name matches. */
function matchesWhole(source: string, name: string): RegExpExecArray | null {
  try {
    return new RegExp(`^(?:${source})$`).exec(name);
  } catch {
    return null;
  }
}

/**
 * A folder artifact for a generic.ExecutedFolder deployed, written under `directory` (in the
 * test home, never in the corpus): one install script named for the type's
 * scriptRecognitionRegex and its rollback (group 1 + rollbackScriptPostfix). The extension
 * comes from the postfix (`-rollback.sql` → `.sql`). Returns the folder and its file names,
 * or undefined when no candidate name matches the type's regexes.
 */
export function writeScriptFolder(
  directory: string,
  regexes: { install: string; rollback: string; postfix: string },
): { folder: string; files: string[] } | undefined {
  const extension = /\.\w+$/.exec(regexes.postfix)?.[0] ?? ".sh";
  const install = [`01-corpus${extension}`, "01-corpus.sql", "01-corpus.sh"].find((name) =>
    matchesWhole(regexes.install, name),
  );
  if (!install) return undefined;
  const logicalName = matchesWhole(regexes.install, install)?.[1] ?? install;
  const rollback = `${logicalName}${regexes.postfix}`;
  const files = matchesWhole(regexes.rollback, rollback) ? [install, rollback] : [install];
  mkdirSync(directory, { recursive: true });
  for (const file of files) writeFileSync(path.join(directory, file), `-- ${file}, synthesized by the corpus test\n`);
  return { folder: directory, files };
}
