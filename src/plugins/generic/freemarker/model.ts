/**
 * The FreeMarker subset that generic plugin property values use (generic-plugins.md §0.2):
 * text, `${…}`, comments, `<#if>/<#elseif>/<#else>`, `<#assign>` and `<#list>` of a list of
 * strings, over a small expression
 * language. Parsed once per distinct text (template-parser.ts), rendered per CI (evaluator.ts).
 */

/** What `lookup` returns for a value that exists only at execution time; the text is kept as written. */
export const unknownValue: unique symbol = Symbol("value known only at execution time");

/**
 * Reads a data-model path (`["deployed", "container", "home"]`): a string, number, boolean,
 * array, Set (a list whose order is unknown) or object (a CI or a map, walked further by
 * longer paths), undefined or null when
 * the value is missing, `unknownValue` when it cannot be known while planning.
 */
export type FreemarkerLookup = (path: string[]) => unknown;

export type Expression =
  | { kind: "literal"; value: string | number | boolean }
  /** A string literal holding `${…}`: text and expressions, printed as `${…}` prints them. */
  | { kind: "interpolated"; parts: (string | Expression)[] }
  | { kind: "variable"; name: string }
  /** `a.b` and `a["b"]` (key: a name), `a[expression]`. */
  | { kind: "member"; target: Expression; key: string | Expression }
  /** Kept apart because `(a.b)!x` and `(a.b)??` tolerate a missing value anywhere inside. */
  | { kind: "parenthesized"; inner: Expression }
  /** `a!fallback`, and `a!` (empty text) without fallback. */
  | { kind: "default"; target: Expression; fallback?: Expression }
  | { kind: "exists"; target: Expression }
  | { kind: "builtin"; target: Expression; name: string; args: Expression[] }
  | { kind: "not"; operand: Expression }
  | { kind: "negate"; operand: Expression }
  | { kind: "binary"; operator: BinaryOperator; left: Expression; right: Expression };

export type BinaryOperator = "+" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "&&" | "||";

export type TemplateNode =
  | { kind: "text"; text: string }
  | { kind: "interpolation"; expression: Expression }
  /** One branch per `<#if>`/`<#elseif>`; the `<#else>` branch has no condition. */
  | { kind: "if"; branches: { condition?: Expression; body: TemplateNode[] }[] }
  | { kind: "assign"; assignments: { name: string; value: Expression }[] }
  /** `<#list sequence as variable>body<#else>otherwise</#list>`; `otherwise` renders for an empty list. */
  | { kind: "list"; sequence: Expression; variable: string; body: TemplateNode[]; otherwise?: TemplateNode[] };

/**
 * Raised while parsing or rendering when the text leaves the subset or needs a value not
 * known now; never leaves the freemarker folder: the caller keeps the whole text as written.
 */
export class Unresolvable extends Error {}

/** A missing value where FreeMarker requires one (an error there); `(…)!x` and `(…)??` catch it. */
export class MissingValue extends Unresolvable {}
