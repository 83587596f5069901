import { SaxesParser } from "saxes";
import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { readPlainXml } from "./plain-xml-reader.js";

/** An XML element with the positions diagnostics need. Namespaces are kept, prefixes dropped. */
export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  namespace: string;
  attributes: Record<string, XmlAttribute>;
  children: XmlElement[];
  /** Concatenated text and CDATA directly inside this element, untrimmed. */
  text: string;
  line: number;
  column: number;
  /** Position of the first character of the text content (for expressions). */
  textLine: number;
  textColumn: number;
}

export interface XmlAttribute {
  value: string;
  line: number;
  column: number;
}

export interface XmlParseResult {
  root?: XmlElement;
  diagnostics: Diagnostic[];
}

/**
 * Parses an XML document. Malformed XML yields PW1001 at the parser's position and no
 * root; an XML declaration after a comment (seen in real plugins) is tolerated with PW1002.
 */
export function parseXml(source: string, file: string): XmlParseResult {
  const diagnostics: Diagnostic[] = [];
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const declaration = /<\?xml[^?]*\?>/.exec(text);
  if (declaration && declaration.index > 0) {
    const before = text.slice(0, declaration.index);
    if (before.trim() !== "") {
      const { line, column } = positionOf(text, declaration.index);
      diagnostics.push(diagnostic("PW1002", {}, { file, line, column }));
    }
    // Blank it out with spaces so every later position stays the same.
    text = before + " ".repeat(declaration[0].length) + text.slice(declaration.index + declaration[0].length);
  }
  const root = readPlainXml(text);
  if (root) return { root, diagnostics };
  const parsed = parseXmlWithSaxes(text, file);
  return { root: parsed.root, diagnostics: [...diagnostics, ...parsed.diagnostics] };
}

/** Reads any XML with saxes; `parseXml` takes a faster path first for the usual shape. */
export function parseXmlWithSaxes(text: string, file: string): XmlParseResult {
  const diagnostics: Diagnostic[] = [];

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failed = false;
  let tagStart = { line: 1, column: 1 };

  parser.on("opentagstart", (tag) => {
    // saxes reports the position after `<name`; step back to the `<`.
    tagStart = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, XmlAttribute> = {};
    for (const attribute of Object.values(tag.attributes)) {
      if (typeof attribute === "string") continue;
      if (attribute.prefix === "xmlns" || attribute.name === "xmlns") continue;
      attributes[attribute.local] = { value: attribute.value, line: tagStart.line, column: tagStart.column };
    }
    const element: XmlElement = {
      name: tag.local ?? tag.name,
      namespace: tag.uri ?? "",
      attributes,
      children: [],
      text: "",
      line: tagStart.line,
      column: tagStart.column,
      textLine: parser.line,
      textColumn: parser.column + 1,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("text", (value) => appendText(stack, value));
  parser.on("cdata", (value) => appendText(stack, value));
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("error", (error) => {
    if (failed) return;
    failed = true;
    diagnostics.push(
      diagnostic(
        "PW1001",
        { detail: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "") },
        { file, line: parser.line, column: Math.max(1, parser.column) },
      ),
    );
  });

  try {
    parser.write(text).close();
  } catch {
    // saxes reports through the error handler; the throw only stops parsing.
  }
  if (failed) return { diagnostics };
  return { root, diagnostics };
}

function appendText(stack: XmlElement[], value: string): void {
  const current = stack[stack.length - 1];
  if (current) current.text += value;
}

function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** Child elements with the given local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
