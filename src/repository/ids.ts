/** `Applications/PetClinic/1.0` → `Applications/PetClinic`; a root id gives "". */
export function parentId(id: string): string {
  const slash = id.lastIndexOf("/");
  return slash < 0 ? "" : id.slice(0, slash);
}

/** `Applications/PetClinic/1.0` → `1.0`. */
export function lastSegment(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}
