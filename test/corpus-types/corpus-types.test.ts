import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadTypes } from "../../src/types/load-types.js";

/**
 * Loads every synthetic.xml of the shared corpus on its own, with the built-in types, and checks:
 * - no internal error (an exception) for any file;
 * - the types registered from the file are exactly its `<type>` elements plus its
 *   `<generate-deployable>` elements, minus those reported as duplicates (PW2004) or as missing
 *   a required attribute (PW2006); a file that is not well-formed XML registers nothing;
 * - every `<type extends="X">` whose X is neither built in nor defined in the same file comes
 *   out as PW2002 for that type (likewise for `<generate-deployable extends="X">`).
 * The per-file result is compared with synthetic.baseline.txt (UPDATE_BASELINES=1 rewrites it).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, "../../../shared/corpus");
const baselineFile = path.join(here, "synthetic.baseline.txt");

function syntheticFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...syntheticFiles(full));
    else if (entry.name === "synthetic.xml" && statSync(full).isFile()) found.push(full);
  }
  return found.sort();
}

/** Independent of the reader: a plain scan of the text with comments removed. */
function scan(text: string): { types: Declared[]; generated: Declared[] } {
  const body = text.replace(/<!--[\s\S]*?-->/g, "");
  const declared = (element: string): Declared[] =>
    [...body.matchAll(new RegExp(`<${element}(?=[\\s>/])([^>]*)>`, "g"))].map((match) => ({
      name: /(?:^|\s)type="([^"]*)"/.exec(match[1]!)?.[1] ?? "",
      superType: /(?:^|\s)extends="([^"]*)"/.exec(match[1]!)?.[1] ?? "",
    }));
  return { types: declared("type"), generated: declared("generate-deployable") };
}

interface Declared {
  name: string;
  superType: string;
}

describe.skipIf(!existsSync(corpus))("corpus synthetic.xml files", () => {
  it("load with the built-in types, register every type and report unknown supertypes", () => {
    const builtin = new Set(
      loadTypes([])
        .registry.all()
        .map((t) => t.name),
    );
    const lines: string[] = [];
    const files = syntheticFiles(corpus);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const displayPath = path.relative(corpus, file).split(path.sep).join("/");
      const text = readFileSync(file, "utf8");
      const { registry, diagnostics } = loadTypes([{ text, displayPath }]);
      const fromFile = registry.all().filter((t) => t.location?.file === displayPath);
      const registeredTypes = fromFile.filter((t) => t.generatedFrom === undefined).length;
      const registeredGenerated = fromFile.length - registeredTypes;
      const count = (code: string) => diagnostics.filter((d) => d.code === code && d.file === displayPath).length;

      const expected = scan(text);
      const skippedTypes = diagnostics.filter(
        (d) => d.code === "PW2006" && /^<(type|generate-deployable)>/.test(d.message),
      ).length;
      if (count("PW1001") > 0) {
        expect(fromFile, displayPath).toEqual([]);
      } else {
        expect(registeredTypes + registeredGenerated, displayPath).toBe(
          expected.types.length + expected.generated.length - count("PW2004") - skippedTypes,
        );
        const declared = [...expected.types, ...expected.generated];
        const definedHere = new Set([...declared.map((t) => t.name), ...fromFile.map((t) => t.name)]);
        const unknownSupers = declared.filter((t) => !builtin.has(t.superType) && !definedHere.has(t.superType));
        const reported = diagnostics.filter((d) => d.code === "PW2002").map((d) => d.message);
        for (const type of unknownSupers) {
          expect(reported, displayPath).toContain(`Type ${type.name} extends unknown type ${type.superType}`);
        }
        expect(reported.length, displayPath).toBe(unknownSupers.length);
      }

      const codes = new Map<string, number>();
      for (const d of diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
      const summary = [...codes.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([code, n]) => `${code}x${n}`)
        .join(" ");
      lines.push(`${displayPath}\ttypes=${registeredTypes}\tgenerated=${registeredGenerated}\t${summary || "clean"}`);
    }
    const actual = `${lines.join("\n")}\n`;
    if (process.env.UPDATE_BASELINES === "1") writeFileSync(baselineFile, actual);
    expect(actual).toBe(readFileSync(baselineFile, "utf8"));
  });
});
