import { describe, expect, it } from "vitest";
import { isDatabaseBusy } from "@/lib/db/busy";
import { prisma } from "@/lib/db/prisma";

/*
 * On PostgreSQL a deadlock between two writers rolls one back: that is "busy, try again"
 * (503 with Retry-After, lib/db/busy.ts), never an internal error. A real one, through Prisma.
 */
describe("isDatabaseBusy on PostgreSQL", () => {
  it("recognises the deadlock PostgreSQL breaks by rolling one writer back", async () => {
    const [a, b] = await prisma.topic.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 2 });
    let release!: () => void;
    const bothHoldOne = new Promise<void>((resolve) => {
      let held = 0;
      release = () => {
        held += 1;
        if (held === 2) resolve();
      };
    });
    const writer = (first: number, second: number) =>
      prisma.$transaction(
        async (tx) => {
          await tx.topic.update({ where: { id: first }, data: { description: `first ${first}` } });
          release();
          await bothHoldOne;
          await tx.topic.update({ where: { id: second }, data: { description: `second ${second}` } });
        },
        { timeout: 20_000 },
      );
    const results = await Promise.allSettled([writer(a!.id, b!.id), writer(b!.id, a!.id)]);
    const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(failures).toHaveLength(1);
    expect(isDatabaseBusy(failures[0])).toBe(true);
  });
});
