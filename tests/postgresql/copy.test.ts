import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CopyRefused, copyDatabase } from "@/lib/db/copy";
import { migratePostgres } from "@/lib/db/postgres/migrate";
import { runScript } from "@/tests/support/run-script";
import { TEST_DATA_DIR } from "@/tests/setup/paths";
import { databaseUrlNamed } from "@/tests/setup/postgres-names";

/*
 * `npm run db:copy` (lib/db/copy.ts): the seed database, with accounts, a token, verdicts,
 * notes and their audit entries added, moved from SQLite to PostgreSQL and back; the four
 * exports are byte-identical on all three databases.
 */
const adminUrl = process.env.TEST_POSTGRES_URL!;
const dir = path.join(TEST_DATA_DIR, `copy-${process.pid}-${Date.now()}`);
const sqliteSource = `file:${path.join(dir, "source.db")}`;
const sqliteBack = `file:${path.join(dir, "back.db")}`;
const postgresName = `${inject("postgresPrefix")}_copy_${process.pid}`;
const postgresTarget = databaseUrlNamed(adminUrl, postgresName);
const EXPORTS = ["claims.csv", "attributions.csv", "claims.json", "claimreview.jsonld"];

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function script(file: string, args: string[], databaseUrl: string) {
  const result = await runScript(file, args, "", { DATABASE_URL: databaseUrl });
  if (result.code !== 0) throw new Error(`${file} failed: ${result.output}`);
  return result;
}

async function exportsOf(databaseUrl: string, name: string): Promise<Record<string, string>> {
  const folder = path.join(dir, name);
  mkdirSync(folder, { recursive: true });
  await script("tests/support/write-exports.ts", [folder], databaseUrl);
  return Object.fromEntries(EXPORTS.map((file) => [file, readFileSync(path.join(folder, file), "utf8")]));
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await script("scripts/db/prepare.ts", [], sqliteSource);
  await script("tests/support/enrich-database.ts", [], sqliteSource);
  await admin(`CREATE DATABASE "${postgresName}"`);
}, 120_000);

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${postgresName}" WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

describe("db:copy", () => {
  it("moves everything from SQLite to PostgreSQL and back, the exports byte-identical each way", async () => {
    const before = await exportsOf(sqliteSource, "before");
    expect(before["claimreview.jsonld"]).toContain("ClaimReview");
    expect(before["claims.csv"]!.split("\n").length).toBeGreaterThan(10);

    const moved = await script("scripts/db/copy.ts", ["--to", postgresTarget], sqliteSource);
    expect(moved.stdout).toMatch(/^Copied \d+ rows \(17 claims, 29 attributions\)/);
    expect(await exportsOf(postgresTarget, "postgresql")).toEqual(before);

    await script("scripts/db/copy.ts", ["--from", postgresTarget], sqliteBack);
    expect(await exportsOf(sqliteBack, "back")).toEqual(before);
  }, 180_000);

  it("advances the target's id counters: the next claim written there gets a new id", async () => {
    const client = new pg.Client({ connectionString: postgresTarget });
    await client.connect();
    try {
      const { rows } = await client.query<{ highest: number; next: string }>(`SELECT max("id") AS "highest", nextval('"Claim_id_seq"')::text AS "next" FROM "Claim"`);
      expect(Number(rows[0]!.next)).toBeGreaterThan(rows[0]!.highest);
      const search = await client.query(`SELECT count(*)::int AS "n" FROM "claim_search"`);
      expect(search.rows[0].n).toBe(17);
    } finally {
      await client.end();
    }
  });

  it("refuses a target that already holds data, and changes nothing in it", async () => {
    const exportsBefore = await exportsOf(postgresTarget, "refused-before");
    const refusal = await copyDatabase(sqliteSource, postgresTarget).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CopyRefused);
    expect((refusal as Error).message).toMatch(/already holds data \(.*Claim.*\): copy into a new, empty database/);
    const result = await runScript("scripts/db/copy.ts", ["--to", postgresTarget], "", { DATABASE_URL: sqliteSource });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(await exportsOf(postgresTarget, "refused-after")).toEqual(exportsBefore);
  });

  it("rolls the whole copy back when it fails part way", async () => {
    const name = `${postgresName}_partial`;
    await admin(`CREATE DATABASE "${name}"`);
    const url = databaseUrlNamed(adminUrl, name);
    try {
      await migratePostgres(url);
      // The last table cannot be written: everything copied before it must go too.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`ALTER TABLE "AuditLog" ADD CONSTRAINT "no_audit" CHECK (false)`);
      await expect(copyDatabase(sqliteSource, url)).rejects.toThrow(/no_audit/);
      const { rows } = await client.query<{ n: number }>(`SELECT (SELECT count(*) FROM "Claim")::int + (SELECT count(*) FROM "Source")::int AS "n"`);
      expect(rows[0]!.n).toBe(0);
      await client.end();
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
