import type Database from "better-sqlite3";

/** The migrations applied to a Claimtrail database, in the order they were made. */
export function appliedMigrations(db: Database.Database): string[] {
  return db
    .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)
    .pluck()
    .all() as string[];
}

/** SQLite's AUTOINCREMENT counters: the highest id each table ever gave, deleted rows included. */
export function idSequences(db: Database.Database): Record<string, number> {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE "type" = 'table' AND "name" = 'sqlite_sequence'`).get();
  if (!exists) return {};
  const rows = db.prepare(`SELECT "name", "seq" FROM sqlite_sequence`).all() as { name: string; seq: number }[];
  return Object.fromEntries(rows.map((row) => [row.name, row.seq]));
}
