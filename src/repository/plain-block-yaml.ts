import { isScalar, type LineCounter, type Node, Pair, Scalar, type ScalarTag, Schema, YAMLMap, YAMLSeq } from "yaml";

/**
 * A fast path for the common shape of repository YAML: one document of block mappings and
 * sequences whose scalars are simple plain or quoted words, one entry per line. Generated
 * repositories (10,000 deployeds) are this shape, and the `yaml` package's general parser is
 * most of their load time. Returns the document's contents as the `yaml` package would
 * compose them (same node classes, values, start offsets), with the line starts added to
 * `lineCounter`; returns undefined for anything outside the shape (comments after values,
 * anchors, tags, flow collections, multi-line scalars, duplicate keys, ...), which the caller
 * then reads with the general parser.
 */
export function readPlainBlockYaml(text: string, lineCounter: LineCounter): Node | undefined {
  if (text.includes("\r") || text.includes("\t")) return undefined;
  const lines = splitLines(text);
  if (lines === undefined) return undefined;
  const reader = new PlainBlockReader(text, lines);
  const contents = reader.readDocument();
  if (contents === undefined) return undefined;
  lineCounter.addNewLine(0);
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lineCounter.addNewLine(at + 1);
  return contents;
}

interface Line {
  /** Offset of the first non-space character. */
  start: number;
  /** Offset after the last character of the line (before the newline). */
  end: number;
  indent: number;
}

/** Non-blank, non-comment lines; undefined when the text has something the fast path leaves to the general parser. */
function splitLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let end = text.indexOf("\n", lineStart);
    if (end === -1) end = text.length;
    let start = lineStart;
    while (start < end && text.charCodeAt(start) === 32) start++;
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
    const first = text[start];
    if (start < end && first !== "#") {
      if (first === "%" || (start === lineStart && (text.startsWith("---", start) || text.startsWith("...", start))))
        return undefined;
      lines.push({ start, end, indent: start - lineStart });
    }
    const newline = text.indexOf("\n", lineStart);
    lineStart = newline === -1 ? text.length : newline + 1;
  }
  return lines;
}

/** Thrown inside the reader when the text leaves the fast path's shape. */
class OutsideShape extends Error {}

const schema = new Schema({});
const scalarTags = schema.tags.filter((tag): tag is ScalarTag => tag.default === true && !!tag.test && !tag.collection);
/** A key: a simple word. */
const keyPattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** A plain scalar that cannot be read as anything but itself: no indicators, colons, comments or quotes. */
const plainPattern = /^(?:[A-Za-z0-9_./+=()$^~@]|-(?=[^ ]))[A-Za-z0-9_./+=()$^~@ ,;-]*$/;
const quotedPattern = /^(?:'[^']*'|"[^"\\]*")$/;

class PlainBlockReader {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  readDocument(): Node | undefined {
    if (this.lines.length === 0) return undefined;
    try {
      const first = this.lines[0]!;
      if (first.indent !== 0) return undefined;
      const contents = this.readBlock(0);
      return this.at === this.lines.length ? contents : undefined;
    } catch (error) {
      if (error instanceof OutsideShape) return undefined;
      throw error;
    }
  }

  /** A mapping or sequence whose entries start at `indent` on the current line. */
  private readBlock(indent: number): Node {
    const line = this.lines[this.at]!;
    if (line.indent !== indent) throw new OutsideShape();
    return this.isSequenceEntry(line.start, line.end)
      ? this.readSequence(indent)
      : this.readMapping(indent, line.start);
  }

  private isSequenceEntry(start: number, end: number): boolean {
    return this.text.charCodeAt(start) === 45 && (start + 1 === end || this.text.charCodeAt(start + 1) === 32);
  }

  private readSequence(indent: number): YAMLSeq {
    const sequence = new YAMLSeq(schema);
    const first = this.lines[this.at]!;
    sequence.range = [first.start, first.start, first.start];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent !== indent || !this.isSequenceEntry(line.start, line.end)) break;
      let itemStart = line.start + 1;
      while (itemStart < line.end && this.text.charCodeAt(itemStart) === 32) itemStart++;
      if (itemStart === line.end) {
        this.at++;
        const next = this.lines[this.at];
        if (next === undefined || next.indent <= indent) throw new OutsideShape();
        sequence.items.push(this.readBlock(next.indent));
      } else if (this.isSequenceEntry(itemStart, line.end)) {
        throw new OutsideShape();
      } else if (this.colonAt(itemStart, line.end) !== -1) {
        // `- key: value` starts a mapping indented to the key.
        const mappingIndent = indent + (itemStart - line.start);
        sequence.items.push(this.readMapping(mappingIndent, itemStart));
      } else {
        sequence.items.push(this.scalar(itemStart, line.end));
        this.at++;
      }
    }
    return sequence;
  }

  /** A mapping whose first key is at `firstKey` on the current line; later keys are at `indent`. */
  private readMapping(indent: number, firstKey: number): YAMLMap {
    const mapping = new YAMLMap(schema);
    mapping.range = [firstKey, firstKey, firstKey];
    const keys = new Set<string>();
    let keyStart = firstKey;
    for (;;) {
      const line = this.lines[this.at]!;
      const colon = this.colonAt(keyStart, line.end);
      if (colon === -1) throw new OutsideShape();
      const keyText = this.text.slice(keyStart, colon);
      if (!keyPattern.test(keyText) || keys.has(keyText)) throw new OutsideShape();
      keys.add(keyText);
      const key = this.scalar(keyStart, colon);
      if (!(typeof key.value === "string")) throw new OutsideShape();
      let valueStart = colon + 1;
      while (valueStart < line.end && this.text.charCodeAt(valueStart) === 32) valueStart++;
      this.at++;
      let value: Node;
      if (valueStart < line.end) value = this.scalar(valueStart, line.end);
      else {
        const next = this.lines[this.at];
        if (next !== undefined && next.indent > indent) value = this.readBlock(next.indent);
        else if (next !== undefined && next.indent === indent && this.isSequenceEntry(next.start, next.end))
          value = this.readSequence(indent);
        else throw new OutsideShape();
      }
      mapping.items.push(new Pair(key, value));
      const next = this.lines[this.at];
      if (next === undefined || next.indent < indent) break;
      if (next.indent > indent || this.isSequenceEntry(next.start, next.end)) throw new OutsideShape();
      keyStart = next.start;
    }
    return mapping;
  }

  /** The offset of a `key:` colon (followed by a space or the line end) on this line, else -1. */
  private colonAt(start: number, end: number): number {
    const colon = this.text.indexOf(":", start);
    if (colon === -1 || colon >= end) return -1;
    return colon + 1 === end || this.text.charCodeAt(colon + 1) === 32 ? colon : -1;
  }

  private scalar(start: number, end: number): Scalar {
    const source = this.text.slice(start, end);
    let scalar: Scalar;
    if (quotedPattern.test(source)) {
      scalar = new Scalar(source.slice(1, -1));
      scalar.source = source.slice(1, -1);
      scalar.type = source[0] === "'" ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
    } else {
      if (!plainPattern.test(source)) throw new OutsideShape();
      const tag = scalarTags.find((candidate) => candidate.test!.test(source));
      const resolved = tag ? tag.resolve(source, () => {}, {}) : source;
      scalar = isScalar(resolved) ? (resolved as Scalar) : new Scalar(resolved);
      if (tag?.format) scalar.format = tag.format;
      scalar.source = source;
      scalar.type = Scalar.PLAIN;
    }
    scalar.range = [start, end, end];
    return scalar;
  }
}
