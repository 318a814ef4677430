import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { openSnapshotReader, sharedReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";
import { writeReadinessProblems } from "@/lib/http/health";

/*
 * The PostgreSQL reader gives the values the SQLite reader gives (lib/db/postgres/values.ts),
 * so the queries' callers and the exports are the same on both databases.
 */
describe("values read from PostgreSQL", () => {
  it("are timestamps in the stored form, booleans as 1 and 0, counts as numbers", async () => {
    const row = await sharedReader.one<{ createdAt: string; contested: unknown; n: unknown }>(
      sql`SELECT c."createdAt", c."contested", (SELECT count(*) FROM "Claim") AS "n" FROM "Claim" c ORDER BY c."id" LIMIT 1`,
    );
    expect(row!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
    expect([0, 1]).toContain(row!.contested);
    expect(row!.n).toBe(await prisma.claim.count());
  });

  it("keeps a whole-database result only until a write commits", async () => {
    const count = sql`SELECT count(*) AS "n" FROM "Topic" WHERE "key" <> ${"-"}`;
    const before = (await sharedReader.allUntilChanged<{ n: number }>(count))[0]!.n;
    expect((await sharedReader.allUntilChanged<{ n: number }>(count))[0]!.n).toBe(before);
    await prisma.topic.create({ data: { key: "reader-cache-test", label: "Reader cache test" } });
    expect((await sharedReader.allUntilChanged<{ n: number }>(count))[0]!.n).toBe(before + 1);
  });

  it("reads a snapshot in batches that a later write does not change", async () => {
    const reader = await openSnapshotReader();
    try {
      const total = await prisma.claim.count();
      const batches = reader.batches<{ id: number }>(sql`SELECT "id" FROM "Claim" ORDER BY "id"`, 5);
      const first = await batches.next();
      const topic = await prisma.topic.findFirstOrThrow();
      const status = await prisma.status.findFirstOrThrow();
      await prisma.claim.create({ data: { text: "Written while the snapshot is read", normalizedText: "written while the snapshot is read", topicId: topic.id, statusId: status.id } });
      const ids: number[] = (first.value as { id: number }[]).map((row) => row.id);
      for await (const batch of batches) ids.push(...batch.map((row) => row.id));
      expect(ids).toHaveLength(total);
      await expect(reader.all(sql`SELECT 1 AS "x" FROM "Claim" WHERE "text" = ${"Written while the snapshot is read"}`)).resolves.toEqual([]);
      await expect(reader.all(sql`INSERT INTO "Topic" ("key", "label") VALUES ('x', 'x')`)).rejects.toThrow(/read-only transaction/);
    } finally {
      await reader.close();
    }
  });

  it("answers statements asked for at once, one after the other on its one connection", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    const reader = await openSnapshotReader();
    try {
      const batches = reader.batches<{ id: number }>(sql`SELECT "id" FROM "Claim" ORDER BY "id"`, 3);
      // What an export does: the related rows of a batch while the cursor is open, several at once.
      const [first, ...counts] = await Promise.all([
        batches.next(),
        ...Array.from({ length: 5 }, (_, n) => reader.one<{ n: number }>(sql`SELECT count(*) + ${n} AS "n" FROM "Claim"`)),
      ]);
      const total = await prisma.claim.count();
      expect(counts.map((row) => row!.n)).toEqual([0, 1, 2, 3, 4].map((n) => total + n));
      const ids = (first.value as { id: number }[]).map((row) => row.id);
      for await (const batch of batches) ids.push(...batch.map((row) => row.id));
      expect(ids).toHaveLength(total);
      // Let a deprecation warning, emitted on the next tick, arrive before looking.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((message) => /already executing a query/.test(message))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      await reader.close();
    }
  });

  it("make a primary server ready for writes, with no file checks (readiness on PostgreSQL)", async () => {
    expect(await writeReadinessProblems()).toEqual([]);
  });
});
