/**
 * Column values as the two databases return them, made the same for the application:
 * SQLite has no boolean type (Prisma stores 0 and 1), PostgreSQL returns true and false.
 */
export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n;
}
