/**
 * Prisma's SQLite adapter stores DateTime as ISO 8601 text with a "+00:00" offset
 * ("2024-10-15T09:30:00.000+00:00"). Hand-written SQL compares and writes that same
 * form; everything leaving the app uses the canonical "…Z" form.
 */
/** The form Prisma writes, which only needs its offset rewritten: no Date to build per value. */
const STORED_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

export function toIsoTimestamp(stored: string): string {
  return STORED_UTC.test(stored) ? `${stored.slice(0, -6)}Z` : new Date(stored).toISOString();
}

export function toIsoTimestampOrNull(stored: string | null): string | null {
  return stored === null ? null : toIsoTimestamp(stored);
}

/** A Date in the stored form, for raw SQL that writes or compares timestamps. */
export function toStoredTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
