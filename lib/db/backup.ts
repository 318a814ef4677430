import { closeSync, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, rmSync, statSync, copyFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isDatabaseBusy } from "@/lib/db/busy";
import { knownMigrations } from "@/lib/db/migrate";

/**
 * Backup and restore of the SQLite database (`npm run db:backup`, `npm run db:restore`).
 *
 * Backup uses SQLite's online backup API (better-sqlite3's `db.backup`) and copies every
 * page in ONE step, i.e. inside one read transaction: the copy is the database exactly as
 * it was at one commit, however many writers are busy, and in WAL mode that read does not
 * hold them up. (Copied in several steps, a backup restarts whenever another connection
 * writes, and may never finish under steady writes.) The copy is written under a temporary
 * name, checked, turned into a self-contained single file (rollback journal, no -wal), and
 * only then renamed to the name asked for, so a half-written backup never looks like one.
 *
 * Restore checks the file first (a SQLite database, PRAGMA integrity_check ok, the
 * Claimtrail migrations table, no migration this code does not know), refuses while any
 * other process has the target database open (a running server), then copies the backup
 * next to the target, fsyncs it, removes the target's stale -wal/-shm and renames the copy
 * over the target in one atomic step. The database it replaced is kept as a hard link.
 */

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** Pages per backup step: all of them, so the copy is one consistent snapshot. */
const ALL_PAGES = 0x7fffffff;
const SQLITE_HEADER = "SQLite format 3\0";
/** The first migration of every Claimtrail database. */
const FIRST_MIGRATION = "20261128000000_init";
const REQUIRED_TABLES = ["_prisma_migrations", "Claim", "Attribution", "Source", "Status", "claim_search"];

export type DatabaseSummary = {
  file: string;
  bytes: number;
  migrations: string[];
  claims: number;
};

export type BackupResult = DatabaseSummary & { pages: number; durationMs: number };

export type RestoreResult = DatabaseSummary & {
  /** The database that was replaced, kept under a new name; null when there was none. */
  previous: string | null;
  /** Migrations the code has that the backup lacks: `npm start` applies them. */
  pendingMigrations: string[];
};

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString("latin1") === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Make a rename durable: fsync the folder that holds the new name. */
function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // Some file systems do not allow fsync on a directory; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeSidecars(file: string): void {
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

/** The time as a compact UTC stamp for file names, e.g. 20261128T041500Z. */
export function fileTimestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/**
 * Check that `file` is a sound Claimtrail database: SQLite, integrity_check ok, the
 * Claimtrail tables and migrations, and (when `known` is given) no migration the code does
 * not know. Throws BackupError with a message fit for an operator.
 */
export function verifyDatabaseFile(file: string, known: string[] | null = knownMigrations()): DatabaseSummary {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const stat = statSync(file);
  if (!stat.isFile()) throw new BackupError(`${file} is not a file.`);
  if (stat.size < 512 || !hasSqliteHeader(file)) {
    throw new BackupError(`${file} is not a SQLite database, so it cannot be a Claimtrail backup.`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as a SQLite database: ${(error as Error).message}`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check);
    } catch (error) {
      throw new BackupError(`${file} is damaged: ${(error as Error).message}`);
    }
    if (integrity.join("\n") !== "ok") throw new BackupError(`${file} is damaged (integrity_check: ${integrity.slice(0, 5).join("; ")}).`);

    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view')`).pluck().all() as string[]);
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) {
      throw new BackupError(`${file} is a SQLite database but not a Claimtrail one (no ${missing.join(", ")} table).`);
    }
    const migrations = db
      .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)
      .pluck()
      .all() as string[];
    if (!migrations.includes(FIRST_MIGRATION)) {
      throw new BackupError(`${file} is not a Claimtrail database (its migrations table lacks ${FIRST_MIGRATION}).`);
    }
    const unfinished = db.prepare(`SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL`).pluck().get() as number;
    if (unfinished > 0) throw new BackupError(`${file} holds a migration that never finished; it is not a usable backup.`);
    if (known) {
      const unknown = migrations.filter((name) => !known.includes(name));
      if (unknown.length > 0) {
        throw new BackupError(`${file} was made by a newer Claimtrail (migrations ${unknown.join(", ")} are unknown to this code); update the code before restoring it.`);
      }
    }
    const claims = db.prepare(`SELECT count(*) FROM "Claim"`).pluck().get() as number;
    return { file, bytes: stat.size, migrations, claims };
  } finally {
    db.close();
  }
}

/**
 * Copy the live database at `sourceFile` to `targetFile`, consistently, while the server
 * keeps running. Refuses to overwrite an existing file unless `overwrite`.
 */
export async function backupDatabase(sourceFile: string, targetFile: string, options: { overwrite?: boolean } = {}): Promise<BackupResult> {
  const source = path.resolve(sourceFile);
  const target = path.resolve(targetFile);
  if (source === target) throw new BackupError("The backup file must not be the database itself.");
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  if (!existsSync(path.dirname(target))) throw new BackupError(`The folder ${path.dirname(target)} does not exist.`);
  if (existsSync(target) && !options.overwrite) throw new BackupError(`${target} already exists; choose another name (or pass --force to replace it).`);

  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}-${Date.now()}`);
  const started = performance.now();
  let pages = 0;
  try {
    const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
    try {
      const result = await db.backup(temporary, { progress: () => ALL_PAGES });
      pages = result.totalPages;
    } finally {
      db.close();
    }
    // A self-contained single file: the copy inherits WAL mode, which would leave -wal and
    // -shm files next to the backup whenever it is opened.
    const copy = new Database(temporary, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    verifyDatabaseFile(temporary, null);
    fsyncFile(temporary);
    renameSync(temporary, target);
    fsyncFolder(path.dirname(target));
  } catch (error) {
    rmSync(temporary, { force: true });
    removeSidecars(temporary);
    throw error;
  }
  const summary = verifyDatabaseFile(target, null);
  return { ...summary, pages, durationMs: Math.round(performance.now() - started) };
}

/**
 * True when another connection (another process: a running server, an import) has the
 * database open. Every connection to a WAL database holds a shared lock on the file for as
 * long as it is open, so an exclusive lock taken with no waiting succeeds only when no one
 * else has it open. A database nobody has open is left checkpointed, with no -wal file.
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const probe = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE");
    probe.prepare(`SELECT count(*) FROM sqlite_master`).get();
    probe.exec("COMMIT");
    return false;
  } catch (error) {
    if (isDatabaseBusy(error) || (error as { code?: string }).code?.startsWith("SQLITE_LOCKED")) return true;
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * Replace the database at `targetFile` with the backup at `backupFile`. The server must be
 * stopped: this refuses while any other process has the database open.
 */
export async function restoreDatabase(backupFile: string, targetFile: string, options: { migrationsDir?: string } = {}): Promise<RestoreResult> {
  const backup = path.resolve(backupFile);
  const target = path.resolve(targetFile);
  if (backup === target) throw new BackupError("The backup file is the database itself; nothing to restore.");
  const known = knownMigrations(options.migrationsDir);
  const checked = verifyDatabaseFile(backup, known);
  const folder = path.dirname(target);
  if (!existsSync(folder)) throw new BackupError(`The folder ${folder} does not exist.`);

  if (databaseInUse(target)) {
    throw new BackupError(
      `${target} is in use by another process (a running server or import?). Stop it first: a server that keeps the old database open would go on writing to the replaced file.`,
    );
  }

  // 1. Copy the backup next to the target (same file system, so the rename is atomic) through
  //    SQLite, which also picks up a -wal the backup file may have beside it.
  const temporary = path.join(folder, `.${path.basename(target)}.restore-${process.pid}-${Date.now()}`);
  let previous: string | null = null;
  try {
    const source = new Database(backup, { readonly: true, fileMustExist: true, timeout: 10_000 });
    try {
      await source.backup(temporary, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    // 2. Check what will actually be put in place, and give it the write-ahead log the app
    //    runs with (lib/db/migrate.ts sets the same on every start).
    verifyDatabaseFile(temporary, known);
    const copy = new Database(temporary, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = WAL");
    } finally {
      copy.close(); // the last connection closing checkpoints and removes the copy's -wal
    }
    removeSidecars(temporary);
    fsyncFile(temporary);

    // 3. Keep the database being replaced (a hard link costs no space), then swap. The stale
    //    -wal/-shm go first: SQLite would replay an old -wal into the new file.
    if (existsSync(target)) {
      if (databaseInUse(target)) throw new BackupError(`${target} was opened by another process during the restore; stop it and try again.`);
      previous = `${target}.before-restore-${fileTimestamp()}`;
      try {
        linkSync(target, previous);
      } catch {
        copyFileSync(target, previous);
      }
    }
    removeSidecars(target);
    renameSync(temporary, target);
    fsyncFolder(folder);
  } catch (error) {
    rmSync(temporary, { force: true });
    removeSidecars(temporary);
    throw error;
  }
  const restored = verifyDatabaseFile(target, known);
  return { ...restored, previous, pendingMigrations: known ? known.filter((name) => !checked.migrations.includes(name)) : [] };
}
