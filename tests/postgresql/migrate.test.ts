import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migratePostgres, POSTGRES_MIGRATIONS_DIR } from "@/lib/db/postgres/migrate";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import { TEST_DATA_DIR } from "@/tests/setup/paths";
import { databaseUrlNamed } from "@/tests/setup/postgres-names";

/*
 * The app's own PostgreSQL migrator (lib/db/postgres/migrate.ts, docs/decisions/046), on
 * empty databases of its own: every migration applied once, in order, recorded; servers
 * starting together apply them once between them; a database holding a migration this
 * code does not know, or one applied from a different file, is refused with one line.
 */
const adminUrl = process.env.TEST_POSTGRES_URL!;
const made: string[] = [];

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function emptyDatabase(label: string): Promise<string> {
  const name = `${inject("postgresPrefix")}_${label}_${process.pid}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  made.push(name);
  return databaseUrlNamed(adminUrl, name);
}

async function query<Row extends pg.QueryResultRow>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await admin(async (client) => {
    for (const name of made) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe("the PostgreSQL migrator", () => {
  it("applies every migration once, in order, even when several servers start at once", async () => {
    const url = await emptyDatabase("concurrent");
    const results = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    const applied = results.flat();
    const recorded = await query<{ name: string }>(url, `SELECT "name" FROM "claimtrail_migrations" ORDER BY "name"`);
    expect(applied.sort()).toEqual(recorded.map((row) => row.name));
    expect(recorded.length).toBeGreaterThanOrEqual(2);
    // Exactly one starter applied them; the others waited on the lock and found nothing to do.
    expect(results.filter((names) => names.length > 0)).toHaveLength(1);
    expect(await migratePostgres(url)).toEqual([]);
    const triggers = await query<{ tgname: string }>(url, `SELECT "tgname" FROM pg_trigger WHERE NOT "tgisinternal" ORDER BY "tgname"`);
    expect(triggers.map((row) => row.tgname)).toEqual(expect.arrayContaining(["claim_search_claim_ai", "claim_changed_attribution", "claim_changed_note"]));
  });

  it("refuses a database holding a migration it does not know, with one line naming it", async () => {
    const url = await emptyDatabase("unknown");
    await migratePostgres(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO "claimtrail_migrations" ("name", "checksum") VALUES ('29990101000000_from_the_future', 'x')`);
    await client.end();
    const refusal = await migratePostgres(url).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DatabaseUnavailableError);
    expect((refusal as Error).message).toMatch(/holds migration this version does not know \(29990101000000_from_the_future\)/);
    expect((refusal as Error).message).not.toContain("\n");
  });

  it("rolls back a failing migration whole and records nothing of it", async () => {
    const url = await emptyDatabase("failing");
    const dir = path.join(TEST_DATA_DIR, `pg-migrations-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(POSTGRES_MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(path.join(dir, "29990101000000_broken"));
    writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT no_such_function();`);
    try {
      await expect(migratePostgres(url, dir)).rejects.toThrow(/Migration 29990101000000_broken failed on .*no_such_function/);
      expect(await query(url, `SELECT 1 FROM pg_tables WHERE "tablename" = 'half_done'`)).toEqual([]);
      const recorded = await query<{ name: string }>(url, `SELECT "name" FROM "claimtrail_migrations"`);
      expect(recorded.map((row) => row.name)).not.toContain("29990101000000_broken");
      expect(recorded.length).toBeGreaterThanOrEqual(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
