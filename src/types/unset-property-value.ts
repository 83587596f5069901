import type { PropertyDescriptor } from "./model.js";

/**
 * What an unset property reads as, wherever a CI is read (Python bridges, the generic plugin's
 * FreeMarker properties): its declared default, else false for a boolean (XL Deploy's booleans
 * are Java primitives and an unchecked box is false), else undefined (None, missing).
 */
export function unsetPropertyValue(descriptor: PropertyDescriptor | undefined): unknown {
  if (descriptor?.defaultValue !== undefined) return descriptor.defaultValue;
  return descriptor?.kind === "boolean" ? false : undefined;
}
