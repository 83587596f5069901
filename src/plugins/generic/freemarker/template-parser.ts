import { parseAssignments, parseExpression, parseListHeader } from "./expression-parser.js";
import { type Expression, type TemplateNode, Unresolvable } from "./model.js";
import { tokenizeExpression } from "./tokenizer.js";

/** A lexical piece of a template, before `<#if>` and `<#list>` blocks are nested. */
type Piece =
  | { kind: "text"; text: string }
  | { kind: "interpolation"; expression: Expression }
  | { kind: "comment" }
  | { kind: "if"; condition: Expression }
  | { kind: "elseif"; condition: Expression }
  | { kind: "else" }
  | { kind: "end"; directive: BlockDirective }
  | { kind: "assign"; assignments: { name: string; value: Expression }[] }
  | { kind: "list"; sequence: Expression; variable: string };

type BlockDirective = "if" | "list";
type IfNode = Extract<TemplateNode, { kind: "if" }>;
type ListNode = Extract<TemplateNode, { kind: "list" }>;

/** Starts of FreeMarker syntax; `#{`, macros and square-bracket tags are outside the subset. */
const markup = /\$\{|#\{|<\/?[#@]|\[\/?[#@=]/g;

/** Whether the text holds anything FreeMarker would not print as is. */
export function hasMarkup(text: string): boolean {
  markup.lastIndex = 0;
  return markup.test(text);
}

/** The template's node tree; Unresolvable when it leaves the subset or is not valid FreeMarker. */
export function parseTemplate(source: string): TemplateNode[] {
  return nest(stripWhitespace(pieces(source)));
}

function pieces(source: string): Piece[] {
  const found: Piece[] = [];
  let position = 0;
  markup.lastIndex = 0;
  for (let match = markup.exec(source); match; match = markup.exec(source)) {
    if (match.index > position) found.push({ kind: "text", text: source.slice(position, match.index) });
    const [piece, end] = pieceAt(source, match.index, match[0]);
    found.push(piece);
    position = end;
    markup.lastIndex = end;
  }
  if (position < source.length) found.push({ kind: "text", text: source.slice(position) });
  return found;
}

function pieceAt(source: string, start: number, opener: string): [Piece, number] {
  if (opener === "${") {
    const { tokens, end } = tokenizeExpression(source, start + 2, "}");
    return [{ kind: "interpolation", expression: parseExpression(tokens) }, end];
  }
  if (opener === "<#") return directive(source, start);
  if (opener === "</#") return closingTag(source, start);
  throw new Unresolvable(`${opener} is outside the subset`);
}

function directive(source: string, start: number): [Piece, number] {
  if (source.startsWith("<#--", start)) {
    const close = source.indexOf("-->", start + 4);
    if (close < 0) throw new Unresolvable("unterminated comment");
    return [{ kind: "comment" }, close + 3];
  }
  const name = /^[A-Za-z_]+/.exec(source.slice(start + 2, start + 40))?.[0] ?? "";
  const after = start + 2 + name.length;
  if (name === "else") {
    const end = /^\s*\/?>/.exec(source.slice(after));
    if (!end) throw new Unresolvable("malformed <#else>");
    return [{ kind: "else" }, after + end[0].length];
  }
  if (!/^\s/.test(source.slice(after, after + 1))) throw new Unresolvable(`directive <#${name}`);
  const { tokens, end, selfClosing } = tokenizeExpression(source, after, ">");
  if (name === "if" || name === "elseif" || name === "elseIf") {
    if (selfClosing) throw new Unresolvable("self-closed <#if>");
    const condition = parseExpression(tokens);
    return [name === "if" ? { kind: "if", condition } : { kind: "elseif", condition }, end];
  }
  if (name === "assign") return [{ kind: "assign", assignments: parseAssignments(tokens) }, end];
  if (name === "list") {
    if (selfClosing) throw new Unresolvable("self-closed <#list>");
    return [{ kind: "list", ...parseListHeader(tokens) }, end];
  }
  throw new Unresolvable(`directive <#${name}>`);
}

function closingTag(source: string, start: number): [Piece, number] {
  const end = /^<\/#(if|list)\s*>/.exec(source.slice(start, start + 40));
  if (!end) throw new Unresolvable("closing tag other than </#if> or </#list>");
  return [{ kind: "end", directive: end[1] as BlockDirective }, start + end[0].length];
}

/**
 * FreeMarker's white-space stripping: in a line holding only directives and comments besides
 * white-space, that white-space and the line break are dropped.
 */
function stripWhitespace(found: Piece[]): Piece[] {
  // FreeMarker's white-space here is these four characters only.
  const whiteSpace = /^[ \t\r\n]*$/;
  const atoms: Piece[] = [];
  for (const piece of found) {
    if (piece.kind !== "text") atoms.push(piece);
    else for (const line of piece.text.split(/(?<=\n)/)) atoms.push({ kind: "text", text: line });
  }
  const kept: Piece[] = [];
  let line: Piece[] = [];
  const endLine = () => {
    const onlyTags =
      line.some((atom) => atom.kind !== "text" && atom.kind !== "interpolation") &&
      line.every((atom) => atom.kind !== "interpolation" && (atom.kind !== "text" || whiteSpace.test(atom.text)));
    kept.push(...(onlyTags ? line.filter((atom) => atom.kind !== "text") : line));
    line = [];
  };
  for (const atom of atoms) {
    line.push(atom);
    if (atom.kind === "text" && atom.text.endsWith("\n")) endLine();
  }
  endLine();
  return kept;
}

/** An open block: where its next pieces go, and whether `<#else>` was seen. */
interface OpenBlock {
  node: IfNode | ListNode;
  hasElse: boolean;
}

/** Nests `<#if>` and `<#list>` blocks; unbalanced or misplaced tags are Unresolvable. */
function nest(found: Piece[]): TemplateNode[] {
  const root: TemplateNode[] = [];
  const open: OpenBlock[] = [];
  let body = root;
  for (const piece of found) {
    switch (piece.kind) {
      case "text": {
        const last = body[body.length - 1];
        if (last?.kind === "text") last.text += piece.text;
        else body.push({ kind: "text", text: piece.text });
        break;
      }
      case "interpolation":
      case "assign":
        body.push(piece);
        break;
      case "comment":
        break;
      case "if": {
        const node: IfNode = { kind: "if", branches: [{ condition: piece.condition, body: [] }] };
        body.push(node);
        open.push({ node, hasElse: false });
        body = node.branches[0]!.body;
        break;
      }
      case "list": {
        const node: ListNode = { kind: "list", sequence: piece.sequence, variable: piece.variable, body: [] };
        body.push(node);
        open.push({ node, hasElse: false });
        body = node.body;
        break;
      }
      case "elseif":
      case "else":
        body = alternative(open[open.length - 1], piece);
        break;
      case "end": {
        if (open.pop()?.node.kind !== piece.directive) throw new Unresolvable(`misplaced </#${piece.directive}>`);
        body = open.length > 0 ? currentBody(open[open.length - 1]!) : root;
        break;
      }
    }
  }
  if (open.length > 0) throw new Unresolvable(`<#${open[0]!.node.kind}> not closed`);
  return root;
}

/** Starts the `<#elseif>`/`<#else>` branch of the innermost block; returns its body. */
function alternative(block: OpenBlock | undefined, piece: Extract<Piece, { kind: "elseif" | "else" }>): TemplateNode[] {
  if (!block || block.hasElse || (block.node.kind === "list" && piece.kind === "elseif"))
    throw new Unresolvable(`misplaced <#${piece.kind}>`);
  block.hasElse = piece.kind === "else";
  if (block.node.kind === "list") {
    block.node.otherwise = [];
    return block.node.otherwise;
  }
  const branch = { condition: piece.kind === "elseif" ? piece.condition : undefined, body: [] };
  block.node.branches.push(branch);
  return branch.body;
}

function currentBody(block: OpenBlock): TemplateNode[] {
  if (block.node.kind === "list") return block.node.otherwise ?? block.node.body;
  return block.node.branches[block.node.branches.length - 1]!.body;
}
