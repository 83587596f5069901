import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseXml, type XmlElement } from "../../src/xml/xml-document.js";

/** ../shared/corpus relative to the project root; absent outside the development machine. */
const corpusRoot = join(import.meta.dirname, "..", "..", "..", "shared", "corpus");

export function corpusPresent(): boolean {
  return existsSync(corpusRoot);
}

function findFiles(root: string, name: string, out: string[] = []): string[] {
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    if (statSync(path).isDirectory()) findFiles(path, name, out);
    else if (entry === name) out.push(path);
  }
  return out;
}

/**
 * Every distinct expression of the corpus's xl-rules.xml files: `<expression>` conditions and
 * the bodies of `expression="true"` parameters (also inside step macros), trimmed as XL
 * Deploy trims them, in first-seen order.
 */
export function corpusExpressions(): string[] {
  const seen = new Set<string>();
  for (const file of findFiles(corpusRoot, "xl-rules.xml").sort()) {
    const { root } = parseXml(readFileSync(file, "utf8"), file);
    if (root) collect(root, seen);
  }
  return [...seen];
}

function collect(element: XmlElement, seen: Set<string>): void {
  if (element.name === "expression" || element.attributes.expression?.value === "true") {
    const text = element.text.trim();
    if (text !== "") seen.add(text);
  }
  for (const child of element.children) collect(child, seen);
}

/** Property kinds declared anywhere in the corpus's synthetic.xml files, by property name (first wins). */
export function corpusPropertyKinds(): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const file of findFiles(corpusRoot, "synthetic.xml").sort()) {
    const { root } = parseXml(readFileSync(file, "utf8"), file);
    if (root) collectKinds(root, kinds);
  }
  return kinds;
}

function collectKinds(element: XmlElement, kinds: Map<string, string>): void {
  if (element.name === "property") {
    const name = element.attributes.name?.value;
    if (name && !kinds.has(name)) kinds.set(name, element.attributes.kind?.value ?? "string");
  }
  for (const child of element.children) collectKinds(child, kinds);
}
