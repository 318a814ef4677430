import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";

/*
 * A COMMIT that PostgreSQL refuses (here a deferred constraint trigger; in production a
 * serialisation failure at commit, a disk full, a server shutting down) must end the
 * transaction and give its connection back to the pool. When it did not, each such failure
 * kept one of the process's write connections forever; after as many failures as the pool
 * holds, every later write waited and timed out: one kind of bad request bricked the server.
 */
const FAIL_MARK = "fail at commit";

beforeAll(async () => {
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION test_fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.description = '${FAIL_MARK}' THEN RAISE EXCEPTION 'refused at commit'; END IF;
      RETURN NULL;
    END $$`);
  await prisma.$executeRawUnsafe(`
    CREATE CONSTRAINT TRIGGER test_fail_at_commit AFTER UPDATE ON "Topic"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_at_commit()`);
});

afterAll(async () => {
  await prisma.$executeRawUnsafe(`DROP TRIGGER test_fail_at_commit ON "Topic"`);
  await prisma.$executeRawUnsafe(`DROP FUNCTION test_fail_at_commit()`);
});

describe("a COMMIT that fails on PostgreSQL", () => {
  it("is reported, writes nothing, and leaves the server able to write", async () => {
    const topic = await prisma.topic.findFirstOrThrow({ select: { id: true, description: true }, orderBy: { id: "asc" } });
    // More failures than the write pool has connections (lib/db/postgres/prisma.ts).
    for (let attempt = 0; attempt < 12; attempt++) {
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.topic.update({ where: { id: topic.id }, data: { description: FAIL_MARK } });
        }),
      ).rejects.toThrow(/refused at commit/);
    }
    expect((await prisma.topic.findUniqueOrThrow({ where: { id: topic.id } })).description).toBe(topic.description);

    const started = Date.now();
    await prisma.$transaction(async (tx) => {
      await tx.topic.update({ where: { id: topic.id }, data: { description: "after the failures" } });
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await prisma.topic.findUniqueOrThrow({ where: { id: topic.id } })).description).toBe("after the failures");
  });
});

describe("statements asked for at once inside a transaction", () => {
  it("run one after the other on the transaction's connection", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      // Code asking for several at once, and one query whose relations Prisma reads in parallel.
      const read = (client: Pick<typeof prisma, "claim" | "topic">) =>
        Promise.all([client.claim.findMany({ include: { topic: true, status: true, attributions: { include: { actor: true, source: true } } } }), client.topic.count()]);
      const inside = await prisma.$transaction(async (tx) => read(tx));
      expect(inside).toEqual(await read(prisma));
      // A deprecation warning is emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((message) => /already executing a query/.test(message))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
