import type Database from "better-sqlite3";

/**
 * Which tables an archive holds, found in the database itself so that a table added by a
 * later migration is archived without anyone remembering to list it. Left out: what is
 * rebuilt from the rest (the full-text index and its queue), the change counter (a loaded
 * archive moves it on; it belongs to the database it is in, not to the data), the migration
 * record (the header carries the list) and SQLite's own tables.
 */

/** Tables of login state: only with --with-accounts. Sessions, e-mail verifications and rate limits are never archived. */
export const ACCOUNT_TABLES = ["account", "ApiToken"] as const;
const NEVER_ARCHIVED = new Set(["_prisma_migrations", "session", "verification", "rateLimit", "search_sync_queue", "search_sync_pause", "ChangeCounter"]);
/** Audit entries about accounts carry e-mail addresses: only with --with-accounts. */
export const ACCOUNT_AUDIT_TYPES = ["user", "api_token"] as const;
export const USER_TABLE = "user";
/** What an archive without accounts keeps of a person: enough to name them in notes and histories. */
export const PERSON_COLUMNS = ["id", "name", "createdAt", "updatedAt"] as const;

export type TableShape = { name: string; columns: string[] };

/** The tables to archive with their columns, parents before children (by foreign keys), then by name. */
export function archivedTables(db: Database.Database, options: { withAccounts: boolean }): TableShape[] {
  const entries = db.prepare(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'table' ORDER BY "name"`).all() as { name: string; sql: string | null }[];
  const virtual = entries.filter((entry) => /^CREATE VIRTUAL TABLE/i.test(entry.sql ?? "")).map((entry) => entry.name);
  const derived = (name: string) => virtual.some((table) => name === table || name.startsWith(`${table}_`));
  const names = entries
    .map((entry) => entry.name)
    .filter((name) => !name.startsWith("sqlite_") && !NEVER_ARCHIVED.has(name) && !derived(name))
    .filter((name) => options.withAccounts || !(ACCOUNT_TABLES as readonly string[]).includes(name));
  return parentsFirst(db, names).map((name) => ({
    name,
    columns: name === USER_TABLE && !options.withAccounts ? [...PERSON_COLUMNS] : columnsOf(db, name),
  }));
}

export function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT "name" FROM pragma_table_info(?) ORDER BY "cid"`).pluck().all(table) as string[]);
}

function parentsFirst(db: Database.Database, names: string[]): string[] {
  const parents = new Map(
    names.map((name) => [name, new Set((db.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).pluck().all(name) as string[]).filter((parent) => parent !== name && names.includes(parent)))]),
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter((name) => !placed.has(name) && [...parents.get(name)!].every((parent) => placed.has(parent)));
    // A cycle between tables (none today) would leave nothing ready: take the rest by name.
    const next = ready.length > 0 ? ready : names.filter((name) => !placed.has(name));
    for (const name of next) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}
