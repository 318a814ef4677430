/**
 * The path of the first string in a JSON value that is not well-formed Unicode (a lone
 * surrogate such as "\ud800"), or null. Such text cannot be stored faithfully (the
 * database driver rejects it), so it is refused at the door with a 400.
 */
export function findIllFormedString(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.isWellFormed() ? null : path.join(".") || "body";
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findIllFormedString(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findIllFormedString(key, [...path, key]) ?? findIllFormedString(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
