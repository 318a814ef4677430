import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import { databaseKindOf } from "@/lib/env";

const require = createRequire(import.meta.url);

/**
 * Bring the SQLite file at `databaseUrl` up to the committed migrations, creating it
 * (and its folder) on first use. Runs the Prisma CLI's `migrate deploy`, which applies
 * only what is missing, so it is safe on every start.
 */
export function migrateDatabase(databaseUrl: string): void {
  const file = path.resolve(databaseUrl.replace(/^file:/, ""));
  mkdirSync(path.dirname(file), { recursive: true });
  assertWritable(file);
  const prismaCli = require.resolve("prisma/build/index.js");
  try {
    execFileSync(process.execPath, [prismaCli, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${file}`, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: "pipe",
    });
  } catch (error) {
    // The CLI is chatty on success; show its output only when it fails.
    const failure = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`Migrating ${file} failed:\n${failure.stdout ?? ""}${failure.stderr ?? ""}`);
  }
  tuneDatabase(file);
}

/**
 * SQLite writes the file and, beside it, its -wal and -shm files: both must be writable.
 * Checked before migrating, because the migration engine's own complaint is "External error
 * id#0 … sql_migration_persistence::initialize", which names neither the file nor the cause.
 */
function assertWritable(file: string): void {
  for (const [target, what] of [[file, "the database file"], [path.dirname(file), "the database's folder"]] as const) {
    if (target === file && !existsSync(file)) continue;
    try {
      accessSync(target, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(`Cannot open the database: ${what} ${target} is not writable by this user. Fix its permissions (or set DATABASE_URL to a writable place) and start again.`);
    }
  }
}

/** The migration folders the code ships with (prisma/migrations), or null when not found. */
export function knownMigrations(migrationsDir = path.resolve("prisma/migrations")): string[] | null {
  if (!existsSync(migrationsDir)) return null;
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Migrate only when the file lacks one of the committed migrations. For the command-line
 * tools (`npm run users`, `npm run import`), which may be the first thing run on a fresh
 * clone: the Prisma CLI takes seconds to start, too slow to run on every command.
 */
export function ensureMigrated(databaseUrl: string): void {
  const file = path.resolve(databaseUrl.replace(/^file:/, ""));
  const known = knownMigrations();
  if (known && existsSync(file) && missingMigrations(file, known).length === 0) return;
  migrateDatabase(databaseUrl);
}

/** The migrations of `known` that the database at `file` has not finished applying. */
function missingMigrations(file: string, known: string[]): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return known;
    const applied = new Set(
      db
        .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
        .pluck()
        .all() as string[],
    );
    return known.filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/**
 * WAL lets readers go on while one writer writes; the setting is stored in the file, so
 * setting it once here covers every later connection. `PRAGMA optimize` gathers the
 * planner's statistics (ANALYZE) where they are missing or stale: without them SQLite
 * guesses which index to use, and at 100k claims some filters then picked the wrong one
 * (docs/performance.md).
 */
function tuneDatabase(file: string): void {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("optimize = 0x10002");
  } finally {
    db.close();
  }
}

/**
 * Migrate the database at `databaseUrl`, whichever kind it is: the SQLite file through
 * Prisma's CLI, PostgreSQL through our own migrator (lib/db/postgres/migrate.ts). An
 * unreachable PostgreSQL server fails with a one-line DatabaseUnavailableError.
 */
export async function migrateAnyDatabase(databaseUrl: string): Promise<void> {
  if (databaseKindOf(databaseUrl) === "postgresql") {
    const { migratePostgres } = await import("@/lib/db/postgres/migrate");
    await migratePostgres(databaseUrl);
  } else {
    migrateDatabase(databaseUrl);
  }
}

/** `ensureMigrated` for either kind: PostgreSQL's migrator is one query when nothing is missing. */
export async function ensureAnyMigrated(databaseUrl: string): Promise<void> {
  if (databaseKindOf(databaseUrl) === "postgresql") await migrateAnyDatabase(databaseUrl);
  else ensureMigrated(databaseUrl);
}
