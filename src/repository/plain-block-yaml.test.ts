import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from "yaml";
import { readPlainBlockYaml } from "./plain-block-yaml.js";

/** What the repository reader sees of a node: classes, values, scalar types and sources, start offsets. */
function shape(node: unknown): unknown {
  if (isMap(node)) return { map: node.range?.[0], items: node.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isSeq(node)) return { seq: node.range?.[0], items: node.items.map(shape) };
  if (isScalar(node)) return { value: node.value, type: node.type, source: node.source, at: node.range?.[0] };
  return node;
}

function general(text: string): { contents: unknown; lineStarts: number[] } {
  const lineCounter = new LineCounter();
  const [document] = parseAllDocuments(text, { lineCounter, prettyErrors: false, merge: true });
  return { contents: shape((document as { contents: Node }).contents), lineStarts: lineCounter.lineStarts };
}

function fast(text: string): { contents: unknown; lineStarts: number[] } | undefined {
  const lineCounter = new LineCounter();
  const contents = readPlainBlockYaml(text, lineCounter);
  return contents === undefined ? undefined : { contents: shape(contents), lineStarts: lineCounter.lineStarts };
}

const root = path.resolve(import.meta.dirname, "../..");
function yamlFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) found.push(full);
  }
  return found;
}

describe("readPlainBlockYaml", () => {
  const samples = [
    "apiVersion: xl-deploy/v1\nkind: Infrastructure\nspec:\n- name: Infrastructure/h\n  type: overthere.SshHost\n  port: 22\n  children:\n  - name: s\n    type: x.Server\n",
    "a:\n  b: 1.0\n  c: true\n  d: ~\n  e: 'q'\n  f: \"r s\"\n  g:\n    - 0x1F\n    - -3\n    - .inf\n    - null\n    - x y\n",
    "# heading\nspec:\n  # inside\n  - name: 'a'\n\n    type: b   \n",
    "- a\n- - b\n",
    "a: 1\na: 2\n",
    "a: b # comment\n",
    "a: &x 1\nb: *x\n",
    "a:\n",
    "a: {b: 1}\n",
    "a: |\n  text\n",
    "a: b\n  c\n",
    "---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    "true: 1\n",
    "x: 'it''s'\n",
    "x: http://host:80/a\n",
    "- a: 1\n  b:\n  - c\n  d: 2\n",
  ];
  it.each(samples)("reads %j as the general parser does, or leaves it to it", (text) => {
    const read = fast(text);
    if (read !== undefined) expect(read).toEqual(general(text));
  });

  it("takes the fast path for plain repository files", () => {
    expect(fast(samples[0]!)).toBeDefined();
    expect(fast(samples[1]!)).toBeDefined();
    expect(fast(samples[2]!)).toBeDefined();
    expect(fast("a: 1\na: 2\n")).toBeUndefined();
    expect(fast("a: b # comment\n")).toBeUndefined();
  });

  it("agrees with the general parser on the project's YAML files", () => {
    for (const file of [...yamlFiles(path.join(root, "examples")), ...yamlFiles(path.join(root, "test"))]) {
      const text = readFileSync(file, "utf8");
      const read = fast(text);
      if (read !== undefined) expect(read, file).toEqual(general(text));
    }
  });
});
