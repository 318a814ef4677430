/**
 * Prisma's SQLite adapter stores DateTime as ISO 8601 text with a "+00:00" offset
 * ("2024-10-15T09:30:00.000+00:00"). Hand-written SQL compares and writes that same
 * form; everything leaving the app uses the canonical "…Z" form.
 */
export function toIsoTimestamp(stored: string): string {
  return new Date(stored).toISOString();
}

export function toIsoTimestampOrNull(stored: string | null): string | null {
  return stored === null ? null : toIsoTimestamp(stored);
}

/** A Date in the stored form, for raw SQL that writes or compares timestamps. */
export function toStoredTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
