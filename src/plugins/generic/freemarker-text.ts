import { TemplateEvaluator } from "./freemarker/evaluator.js";
import { type FreemarkerLookup, type TemplateNode, Unresolvable } from "./freemarker/model.js";
import { hasMarkup, parseTemplate } from "./freemarker/template-parser.js";

export { type FreemarkerLookup, unknownValue } from "./freemarker/model.js";

/** Parsed templates by text: the same type defaults are read for every deployed. */
const parsedTemplates = new Map<string, TemplateNode[] | Unresolvable>();
const cacheLimit = 4096;

/**
 * The text as FreeMarker would render it now (generic-plugins.md §0.2), or undefined when it
 * cannot be known while planning: it uses FreeMarker outside the subset of freemarker/model.ts,
 * needs a value `lookup` reports as missing where FreeMarker requires one, or one it reports
 * as `unknownValue`.
 */
export function renderFreemarkerText(text: string, lookup: FreemarkerLookup): string | undefined {
  if (!hasMarkup(text)) return text;
  const template = parsed(text);
  if (template instanceof Unresolvable) return undefined;
  try {
    return new TemplateEvaluator(lookup).render(template);
  } catch (error) {
    if (error instanceof Unresolvable) return undefined;
    throw error;
  }
}

/**
 * The text with its FreeMarker resolved when everything it needs is known now; otherwise the
 * whole text as written, for FreeMarker to render at execution time.
 */
export function resolveFreemarkerText(text: string, lookup: FreemarkerLookup): string {
  return renderFreemarkerText(text, lookup) ?? text;
}

function parsed(text: string): TemplateNode[] | Unresolvable {
  let template = parsedTemplates.get(text);
  if (template) return template;
  try {
    template = parseTemplate(text);
  } catch (error) {
    if (!(error instanceof Unresolvable)) throw error;
    template = error;
  }
  if (parsedTemplates.size >= cacheLimit) parsedTemplates.clear();
  parsedTemplates.set(text, template);
  return template;
}
