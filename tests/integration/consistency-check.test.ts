import { describe, expect, it } from "vitest";
import { checkConsistency } from "@/tests/support/consistency";
import { openQueryConnection } from "@/tools/harness/database";

/*
 * tests/support/consistency.ts, the check the load test, the backup and the crash tests
 * end on, on the database of this file (SQLite, and PostgreSQL in the postgresql project):
 * the seeded database passes, and each kind of damage it is meant to see is named.
 */
const database = process.env.DATABASE_URL!;

async function write(statements: [string, unknown[]][]): Promise<void> {
  const db = await openQueryConnection(database, { readonly: false });
  try {
    for (const [text, params] of statements) await db.run(text, params);
  } finally {
    await db.close();
  }
}

describe("the consistency check", () => {
  it("passes the seeded database and counts its rows", async () => {
    const report = await checkConsistency(database);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.counts.Claim).toBeGreaterThan(0);
    expect(report.counts.Status).toBeGreaterThan(0);
  });

  it("names a stale derived column, a claim missing from the search index and paused triggers", async () => {
    const db = await openQueryConnection(database);
    const [first, second] = await db.column<number>(`SELECT "id" FROM "Claim" ORDER BY "id" LIMIT 2`);
    const indexKey = db.kind === "sqlite" ? "rowid" : `"claimId"`;
    await db.close();
    await write([
      [`UPDATE "Claim" SET "sourceCount" = "sourceCount" + 7 WHERE "id" = ?`, [first]],
      [`DELETE FROM claim_search WHERE ${indexKey} = ?`, [second]],
      [`INSERT INTO search_sync_pause ("reason") VALUES (?)`, ["left behind by a test"]],
    ]);

    const report = await checkConsistency(database);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^1 claim\\(s\\) with stale derived columns, e\\.g\\. \\[\\{"id":${first},`)),
        `1 claim(s) missing from claim_search, e.g. ${second}`,
        expect.stringMatching(/^search_sync_pause holds 1 row\(s\) \(left behind by a test\)/),
      ]),
    );
  });
});
