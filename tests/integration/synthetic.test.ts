import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";
import { toFtsQuery } from "@/lib/claims/search/fts-query";
import { createSyntheticDatabase } from "@/tools/synthetic/create";
import { databaseContentHash, tableNames, tableRows } from "@/tools/synthetic/content-hash";
import { defaultActorCount } from "@/tools/synthetic/generate";
import { DatabaseNotEmptyError } from "@/tools/synthetic/load";
import { DEFAULT_STATUSES } from "@/lib/vocabulary/default-statuses";

/*
 * The synthetic data generator, end to end on real migrated SQLite files: two runs with
 * one seed give identical databases, every quote anchors into its source text, the search
 * index and derived columns are what the triggers would have produced.
 */
const CLAIMS = 300;
const SEED = 7;
// A folder of its own: another test run's global setup empties .tmp/test-db.
const folder = mkdtempSync(path.join(tmpdir(), "claimtrail-synthetic-"));
const prefix = path.join(folder, "synthetic");
const files = { template: `${prefix}-template.db`, a: `${prefix}-a.db`, b: `${prefix}-b.db`, other: `${prefix}-other.db`, forced: `${prefix}-forced.db` };
let a: Database.Database;

function generate(file: string, seed = SEED, force = false) {
  return createSyntheticDatabase({ databaseUrl: `file:${file}`, claims: CLAIMS, seed, force, skipMigrate: true });
}

beforeAll(() => {
  migrateDatabase(`file:${files.template}`);
  for (const file of [files.a, files.b, files.other, files.forced]) copyFileSync(files.template, file);
  generate(files.a);
  generate(files.b);
  generate(files.other, SEED + 1);
  a = new Database(files.a);
}, 120_000);

afterAll(() => {
  a?.close();
  rmSync(folder, { recursive: true, force: true });
});

const all = <Row>(db: Database.Database, query: string, ...params: unknown[]) => db.prepare(query).all(...params) as Row[];
const one = <Row>(db: Database.Database, query: string, ...params: unknown[]) => db.prepare(query).get(...params) as Row;

describe("synthetic data", () => {
  it("is deterministic: the same seed gives identical tables, another seed different ones", () => {
    const b = new Database(files.b, { readonly: true });
    const other = new Database(files.other, { readonly: true });
    try {
      expect(tableNames(b)).toEqual(tableNames(a));
      for (const table of ["Claim", "Attribution", "AttributionVia", "Source", "Actor", "ActorAlias", "Topic", "Status", "StatusChange", "AccuracyChange", "Annotation", "AuditLog", "user", "claim_search"]) {
        expect(tableRows(b, table), table).toEqual(tableRows(a, table));
      }
      expect(databaseContentHash(b).hash).toBe(databaseContentHash(a).hash);
      expect(databaseContentHash(other).hash).not.toBe(databaseContentHash(a).hash);
    } finally {
      b.close();
      other.close();
    }
  });

  it("refuses a database with claims, and with --force replaces them with exactly what a fresh run gives", () => {
    generate(files.forced);
    expect(() => generate(files.forced)).toThrow(DatabaseNotEmptyError);
    generate(files.forced, SEED + 1, true);
    generate(files.forced, SEED, true);
    const forced = new Database(files.forced, { readonly: true });
    try {
      expect(databaseContentHash(forced).hash).toBe(databaseContentHash(a).hash);
    } finally {
      forced.close();
    }
  });

  it("leaves the file as migrated: WAL mode, every index of the schema (dropped for the load, built after it)", () => {
    const template = new Database(files.template, { readonly: true });
    const indexes = (db: Database.Database) => all<{ name: string; sql: string | null }>(db, `SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`);
    try {
      expect(indexes(a)).toEqual(indexes(template));
      expect(a.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      template.close();
    }
  });

  it("has the expected shape", () => {
    const count = (table: string) => one<{ n: number }>(a, `SELECT count(*) AS n FROM "${table}"`).n;
    expect(count("Claim")).toBe(CLAIMS);
    const perClaim = all<{ n: number }>(a, `SELECT count(*) AS n FROM Attribution GROUP BY claimId`);
    expect(perClaim).toHaveLength(CLAIMS);
    expect(Math.min(...perClaim.map((r) => r.n))).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perClaim.map((r) => r.n))).toBeLessThanOrEqual(8);
    expect(count("Attribution") / CLAIMS).toBeGreaterThan(2.5);
    expect(count("Attribution") / CLAIMS).toBeLessThan(3.7);
    expect(count("Actor")).toBe(defaultActorCount(CLAIMS));
    expect(all<{ kind: string }>(a, `SELECT DISTINCT kind FROM Actor ORDER BY kind`).map((r) => r.kind)).toEqual(["government", "news_outlet", "organisation", "person", "unnamed_source"]);
    expect(count("ActorAlias")).toBeGreaterThan(0);
    expect(count("Source")).toBe(CLAIMS / 10);
    expect(count("Topic")).toBe(20);
    expect(count("user")).toBeGreaterThanOrEqual(3);

    const contested = one<{ n: number }>(a, `SELECT count(*) AS n FROM Claim WHERE contested = 1`).n / CLAIMS;
    expect(contested).toBeGreaterThan(0.05);
    expect(contested).toBeLessThan(0.35);
    const via = one<{ n: number }>(a, `SELECT count(DISTINCT attributionId) AS n FROM AttributionVia`).n / count("Attribution");
    expect(via).toBeGreaterThan(0.05);
    expect(via).toBeLessThan(0.3);
    expect(all(a, `SELECT * FROM AttributionVia WHERE position > 0`).length).toBeGreaterThan(0);

    // Every default status is present and used; the current status is the last change's target.
    const used = all<{ key: string }>(a, `SELECT DISTINCT st.key FROM Claim c JOIN Status st ON st.id = c.statusId`).map((r) => r.key);
    expect(used.sort()).toEqual(DEFAULT_STATUSES.map((s) => s.key).sort());
    const mismatched = all(a, `
      SELECT c.id FROM Claim c JOIN StatusChange sc ON sc.id = (SELECT max(id) FROM StatusChange WHERE claimId = c.id)
      WHERE sc.toStatusId <> c.statusId`);
    expect(mismatched).toEqual([]);
    expect(count("StatusChange")).toBeGreaterThan(CLAIMS / 2);
    expect(all(a, `SELECT id FROM StatusChange WHERE rationale = ''`)).toEqual([]);
    expect(count("AccuracyChange")).toBeGreaterThan(0);
    expect(all(a, `SELECT id FROM Attribution a WHERE accuracy <> coalesce((SELECT toAccuracy FROM AccuracyChange WHERE attributionId = a.id ORDER BY id DESC LIMIT 1), 'unchecked')`)).toEqual([]);
    // Notes, some of them replies in a thread on the same claim.
    expect(count("Annotation")).toBeGreaterThan(0);
    expect(all(a, `SELECT r.id FROM Annotation r JOIN Annotation p ON p.id = r.parentId WHERE p.claimId = r.claimId`).length).toBeGreaterThan(0);

    // Published dates spread over several years, stored in Prisma's form.
    const years = all<{ y: string }>(a, `SELECT DISTINCT substr(publishedAt, 1, 4) AS y FROM Source WHERE publishedAt IS NOT NULL`);
    expect(years.length).toBeGreaterThanOrEqual(4);
    expect(one<{ p: string }>(a, `SELECT min(publishedAt) AS p FROM Source`).p).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
  });

  it("anchors every quote: text.slice(start, end) is the quote, with 32 characters of context either side", () => {
    const rows = all<{ id: number; text: string; quote: string; quotePrefix: string; quoteSuffix: string; quoteStart: number; quoteEnd: number }>(
      a,
      `SELECT a.id, s.text, a.quote, a.quotePrefix, a.quoteSuffix, a.quoteStart, a.quoteEnd FROM Attribution a JOIN Source s ON s.id = a.sourceId`,
    );
    expect(rows.length).toBeGreaterThan(CLAIMS);
    for (const row of rows) {
      expect(row.quote.length, `attribution ${row.id}`).toBeGreaterThan(0);
      expect(row.text.slice(row.quoteStart, row.quoteEnd), `attribution ${row.id}`).toBe(row.quote);
      expect(row.quotePrefix, `attribution ${row.id}`).toBe(row.text.slice(Math.max(0, row.quoteStart - 32), row.quoteStart));
      expect(row.quoteSuffix, `attribution ${row.id}`).toBe(row.text.slice(row.quoteEnd, row.quoteEnd + 32));
    }
  });

  it("indexes claims for search: claim words, actor names and aliases find them", () => {
    const search = (q: string) => all<{ id: number }>(a, `SELECT rowid AS id FROM claim_search WHERE claim_search MATCH ?`, toFtsQuery(q)).map((r) => r.id);
    const claims = all<{ id: number; text: string }>(a, `SELECT id, text FROM Claim WHERE id % 25 = 0`);
    for (const claim of claims) expect(search(claim.text.replace(/[^\p{L}\p{N} ]/gu, " ")), claim.text).toContain(claim.id);
    const alias = one<{ alias: string; claimId: number }>(a, `SELECT al.alias, at.claimId FROM ActorAlias al JOIN Attribution at ON at.actorId = al.actorId ORDER BY al.id LIMIT 1`);
    expect(search(alias.alias)).toContain(alias.claimId);
    const relay = one<{ name: string; claimId: number }>(a, `SELECT ac.name, at.claimId FROM AttributionVia v JOIN Actor ac ON ac.id = v.actorId JOIN Attribution at ON at.id = v.attributionId ORDER BY v.attributionId LIMIT 1`);
    expect(search(`"${relay.name}"`)).toContain(relay.claimId);
  });

  it("leaves the search index and derived columns exactly as the triggers would compute them, and the triggers running", () => {
    const derived = () => all(a, `SELECT id, contested, sourceCount, firstPublishedAt, lastPublishedAt, stances FROM Claim ORDER BY id`);
    const index = () => all(a, `SELECT rowid, claim_text, quotes, actors FROM claim_search ORDER BY rowid`);
    const loaded = { derived: derived(), index: index() };
    expect(loaded.index).toEqual(all(a, `SELECT claim_id AS rowid, claim_text, quotes, actors FROM claim_search_document ORDER BY claim_id`));
    expect(all(a, `SELECT * FROM search_sync_pause`)).toEqual([]);

    // Let the triggers recompute every claim, as they do after a write, inside a transaction we roll back.
    a.exec("BEGIN");
    try {
      a.exec(`INSERT INTO search_sync_queue (claimId) SELECT id FROM Claim`);
      expect(all(a, `SELECT * FROM search_sync_queue`)).toEqual([]);
      expect(derived()).toEqual(loaded.derived);
      expect(index()).toEqual(loaded.index);
      // And they are not paused: a write is indexed at once.
      a.prepare(`UPDATE Claim SET text = 'Zeppelins were sighted over Velgrad.' WHERE id = 1`).run();
      expect(all(a, `SELECT rowid FROM claim_search WHERE claim_search MATCH 'zeppelins'`)).toEqual([{ rowid: 1 }]);
    } finally {
      a.exec("ROLLBACK");
    }
    const sample = one<{ n: number }>(a, `SELECT count(*) AS n FROM Claim WHERE sourceCount BETWEEN 1 AND 8 AND firstPublishedAt IS NOT NULL`).n;
    expect(sample).toBeGreaterThan(CLAIMS * 0.9);
  });
});
