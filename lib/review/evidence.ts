/** Evidence links are stored as a JSON array of URLs; anything else stored there reads as no links. */
export function parseEvidence(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}
