/**
 * A SHA-256 over the content of every table (rows in a fixed order), to show that two
 * synthetic databases made with the same seed are identical. Leaves out
 * `_prisma_migrations`, which records when each migration was applied, `ChangeCounter`,
 * which counts writes and stamps the last one with the time (lib/db/change-counter.ts), SQLite's
 * statistics tables, and the b-tree pages of FTS5 indexes (`<fts>_data`, `<fts>_idx`):
 * their layout depends on the write history (segment numbers grow with every rebuild),
 * while what they index is compared through the FTS table's own rows and `<fts>_docsize`.
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";

export function tableNames(db: Database.Database): string[] {
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string; sql: string | null }[];
  const fts = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? "") && /USING\s+fts5/i.test(t.sql ?? "")).map((t) => t.name);
  const indexPages = new Set(fts.flatMap((name) => [`${name}_data`, `${name}_idx`]));
  return tables
    .map((t) => t.name)
    .filter((name) => !name.startsWith("sqlite_stat") && !["_prisma_migrations", "ChangeCounter"].includes(name) && !indexPages.has(name));
}

/** Every row of `table`, as arrays, ordered by all columns (works for WITHOUT ROWID and virtual tables alike). */
export function tableRows(db: Database.Database, table: string): unknown[][] {
  // Its rowids depend on the order in which tables first got an id; its content does not.
  if (table === "sqlite_sequence") return db.prepare(`SELECT name, seq FROM sqlite_sequence ORDER BY name`).raw(true).all() as unknown[][];
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => `"${c.name}"`);
  const hasRowid = !isWithoutRowid(db, table);
  const select = hasRowid ? `rowid AS "_rowid_", ${columns.join(", ")}` : columns.join(", ");
  const order = hasRowid ? `rowid` : columns.map((_, index) => String(index + 1)).join(", ");
  return db.prepare(`SELECT ${select} FROM "${table}" ORDER BY ${order}`).raw(true).all() as unknown[][];
}

function isWithoutRowid(db: Database.Database, table: string): boolean {
  try {
    db.prepare(`SELECT rowid FROM "${table}" LIMIT 0`).all();
    return false;
  } catch {
    return true;
  }
}

export function databaseContentHash(db: Database.Database): { hash: string; tables: Record<string, string> } {
  const total = createHash("sha256");
  const tables: Record<string, string> = {};
  for (const table of tableNames(db)) {
    const hash = createHash("sha256");
    for (const row of tableRows(db, table)) {
      for (const value of row) {
        // Type-tagged, so that NULL, 1, "1" and a blob never hash alike.
        if (Buffer.isBuffer(value)) hash.update("b").update(String(value.length)).update(":").update(value);
        else if (value === null) hash.update("n");
        else {
          const text = String(value);
          hash.update(typeof value === "string" ? "s" : "i").update(String(text.length)).update(":").update(text);
        }
        hash.update("|");
      }
      hash.update("\n");
    }
    tables[table] = hash.digest("hex");
    total.update(`${table}\0${tables[table]}\n`);
  }
  return { hash: total.digest("hex"), tables };
}
