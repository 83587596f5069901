/**
 * XL Deploy's tag matching (reference §6.3): a deployable goes to a container only when both
 * are untagged, either carries `*`, either carries `+` and the other has at least one tag, or
 * they share a tag.
 */
export function tagsMatch(deployableTags: readonly string[], containerTags: readonly string[]): boolean {
  if (deployableTags.length === 0 && containerTags.length === 0) return true;
  if (deployableTags.includes("*") || containerTags.includes("*")) return true;
  if (deployableTags.includes("+") && containerTags.length > 0) return true;
  if (containerTags.includes("+") && deployableTags.length > 0) return true;
  if (deployableTags.length === 0 || containerTags.length === 0) return false;
  const shared = new Set(containerTags);
  return deployableTags.some((tag) => shared.has(tag));
}
