import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { sortDiagnostics } from "../../src/diagnostics/format.js";
import type { PythonRuntime } from "../../src/python/api.js";
import { createPythonRuntime } from "../../src/python/runtime.js";
import { type LoadedRules, loadRules } from "../../src/rules/load-rules.js";
import { createStepRegistry } from "../../src/steps/step-catalogue.js";
import { loadTypes } from "../../src/types/load-types.js";
import { createClasspath } from "../../src/workspace/classpath.js";
import { folderRoot } from "../../src/workspace/folder-root.js";
import type { Classpath, ClasspathResource } from "../../src/workspace/model.js";

/**
 * Loads every xl-rules.xml of the shared corpus with the synthetic.xml files of its repository,
 * each repository on its own (forks share rule names, so together they would only report
 * duplicates), and compares rules and diagnostics per file with corpus-rules.baseline.txt
 * (UPDATE_BASELINES=1 rewrites it). A last test loads them all together.
 *
 * The corpus leaves out planning scripts (third-party code); INDEX.md names the ones that were
 * already missing in their repository. A script path is taken as present unless INDEX.md
 * lists it, so "not on the classpath" is reported exactly for those.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, "../../../shared/corpus");
const baselineFile = path.join(here, "corpus-rules.baseline.txt");

function filesNamed(directory: string, name: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...filesNamed(full, name));
    else if (entry.name === name) found.push(full);
  }
  return found.sort();
}

function relative(file: string): string {
  return path.relative(corpus, file).split(path.sep).join("/");
}

function missingScripts(): Set<string> {
  const index = readFileSync(path.join(corpus, "INDEX.md"), "utf8");
  const missing = new Set<string>();
  for (const line of index.matchAll(/planning-script-path not found in repo: ([^|]*)/g)) {
    for (const quoted of line[1]!.matchAll(/`([^`]+)`/g)) missing.add(quoted[1]!);
  }
  return missing;
}

/** The classpath of one rules file's folder, with the corpus's left-out scripts standing in. */
function corpusClasspath(rulesFile: string, missing: Set<string>): Classpath {
  const directory = path.dirname(rulesFile);
  const classpath = createClasspath([folderRoot(relative(directory), directory)]);
  const root = classpath.roots[0]!;
  return {
    ...classpath,
    find(requested) {
      const found = classpath.find(requested);
      if (found || missing.has(requested) || classpath.checkPath(requested)) return found;
      const standIn: ClasspathResource = {
        root,
        path: requested,
        displayPath: `${root.name}/${requested}`,
        text: () => "",
        bytes: () => new Uint8Array(),
      };
      return standIn;
    },
  };
}

function loadCorpusRules(
  rulesFile: string,
  missing: Set<string>,
  python: PythonRuntime,
): { loaded: LoadedRules; diagnostics: Diagnostic[] } {
  const repository = path.join(corpus, relative(rulesFile).split("/")[0]!);
  const synthetic = filesNamed(repository, "synthetic.xml").map((file) => ({
    text: readFileSync(file, "utf8"),
    displayPath: relative(file),
  }));
  const types = loadTypes(synthetic).registry;
  const classpath = corpusClasspath(rulesFile, missing);
  const loaded = loadRules({ classpath, types, steps: createStepRegistry(), python });
  return { loaded, diagnostics: sortDiagnostics(loaded.diagnostics) };
}

function describeFile(file: string, { loaded, diagnostics }: ReturnType<typeof loadCorpusRules>): string[] {
  const lines = [`## ${file}`];
  const rules = loaded.rules.all();
  const macros = loaded.files.flatMap((f) => f.macros.map((m) => m.name));
  lines.push(`rules: ${rules.length}${macros.length > 0 ? `, step macros: ${macros.join(", ")}` : ""}`);
  for (const rule of rules) {
    const conditions = [
      rule.conditions.types.join("|"),
      rule.conditions.operations.join("|"),
      rule.conditions.expression ? "expression" : "",
    ].filter((c) => c !== "");
    const disabled = rule.disabled ? " DISABLED" : "";
    const parts = [rule.location.line, JSON.stringify(rule.name), rule.scope, rule.kind, ...conditions];
    lines.push(`  ${parts.join(" ")}${disabled}`);
  }
  const byCode = new Map<string, number>();
  for (const d of diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  lines.push(`diagnostics: ${[...byCode].map(([code, n]) => `${code}×${n}`).join(" ") || "none"}`);
  for (const d of diagnostics) {
    const at = d.file === file ? `${d.line}:${d.column}` : `${d.file}:${d.line}:${d.column}`;
    lines.push(`  ${at} ${d.severity} ${d.code}: ${d.message}`);
  }
  return lines;
}

describe.skipIf(!existsSync(corpus))("corpus xl-rules.xml files", () => {
  const missing = existsSync(corpus) ? missingScripts() : new Set<string>();
  const rulesFiles = existsSync(corpus) ? filesNamed(corpus, "xl-rules.xml") : [];

  it("load each with its repository's synthetic.xml, as recorded in the baseline", async () => {
    expect(rulesFiles.length).toBe(117);
    // Every expression is compiled, with the interpreter where the fast path cannot.
    const python = createPythonRuntime({ types: loadTypes([]).registry });
    await python.load();
    const lines: string[] = [];
    let rules = 0;
    let compiled = 0;
    for (const file of rulesFiles) {
      const result = loadCorpusRules(file, missing, python);
      rules += result.loaded.rules.all().length;
      compiled += result.loaded.compiled.size;
      lines.push(...describeFile(relative(file), result), "");
    }
    // The survey counts 512 <rule> elements; one file is not well-formed XML (XML declaration after
    // a comment is only a warning, so it still loads).
    expect(rules).toBe(512);
    // Every expression compiled without a diagnostic: the survey counts 1,054 expression="true"
    // values and 104 conditions; the scripts' stand-ins add to the count.
    expect(compiled).toBeGreaterThan(1054 + 104);
    const text = `${lines.join("\n")}\n`;
    if (process.env.UPDATE_BASELINES === "1" || !existsSync(baselineFile)) writeFileSync(baselineFile, text);
    expect(text).toBe(readFileSync(baselineFile, "utf8"));
  });

  it("load all together without an internal error", () => {
    const roots = rulesFiles.map((file) => folderRoot(relative(path.dirname(file)), path.dirname(file)));
    const synthetic = filesNamed(corpus, "synthetic.xml").map((file) => ({
      text: readFileSync(file, "utf8"),
      displayPath: relative(file),
    }));
    const loaded = loadRules({
      classpath: createClasspath(roots),
      types: loadTypes(synthetic).registry,
      steps: createStepRegistry(),
    });
    const names = new Set(loaded.files.flatMap((f) => f.rules.map((r) => r.name)));
    expect(loaded.rules.all().length).toBe(names.size);
    const duplicates = loaded.diagnostics.filter((d) => d.code === "PW4013").length;
    expect(duplicates).toBe(512 - names.size);
  });
});
