import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import { clientConfig, describeServer, unavailable } from "@/lib/db/postgres/connection";

/**
 * Apply the committed PostgreSQL migrations (prisma/postgresql/migrations) to the database
 * at `databaseUrl`. Prisma 6.19's JS schema engine cannot apply migrations to PostgreSQL
 * (`migrate deploy` and `db push` fail there), so the app does it itself
 * (docs/decisions/046): each folder's migration.sql in name order, each in a transaction
 * of its own, recorded in "claimtrail_migrations" with a checksum. It refuses a database
 * that holds a migration this code does not know (a newer version migrated it) or one
 * whose recorded checksum differs from the file (the file was edited after it ran).
 * Servers starting at once queue on an advisory lock: one applies, the others wait and
 * then find nothing left to do.
 */
export const POSTGRES_MIGRATIONS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma/postgresql/migrations");

/** Arbitrary, fixed: the advisory lock every Claimtrail migrator of a database takes. */
const MIGRATION_LOCK = 4_513_046;

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "claimtrail_migrations" (
  "name" TEXT PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

type Migration = { name: string; sql: string; checksum: string };

/** The migrations the code ships with, in the order they apply. */
export function postgresMigrations(dir: string = POSTGRES_MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) throw new Error(`The PostgreSQL migrations are missing: ${dir} does not exist.`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Bring the database up to the committed migrations; returns the names it applied. */
export async function migratePostgres(databaseUrl: string, dir: string = POSTGRES_MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client(clientConfig(databaseUrl));
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw unavailable(databaseUrl, error);
  }
  const appliedNow: string[] = [];
  const migrations = postgresMigrations(dir);
  try {
    // Session-level: held across the per-migration transactions below, released in finally.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const recorded = new Map(
      (await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "claimtrail_migrations"`)).rows.map((row) => [row.name, row.checksum]),
    );
    const where = describeServer(databaseUrl);
    const unknown = [...recorded.keys()].filter((name) => !migrations.some((migration) => migration.name === name)).sort();
    if (unknown.length > 0) {
      throw new DatabaseUnavailableError(
        `The PostgreSQL database at ${where} holds migration${unknown.length > 1 ? "s" : ""} this version does not know (${unknown.join(", ")}): a newer Claimtrail migrated it. Run that version, or restore a backup taken before.`,
      );
    }
    for (const migration of migrations) {
      const checksum = recorded.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new DatabaseUnavailableError(`The PostgreSQL database at ${where} applied migration ${migration.name} from a different file than this version ships: the migration was edited after it ran.`);
        }
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(`INSERT INTO "claimtrail_migrations" ("name", "checksum") VALUES ($1, $2)`, [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new Error(`Migration ${migration.name} failed on ${where}: ${(error as Error).message}`, { cause: error });
      }
      appliedNow.push(migration.name);
    }
    return appliedNow;
  } finally {
    await client.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
