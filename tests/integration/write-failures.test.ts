import { describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/health/ready/route";
import { POST as postSource } from "@/app/api/sources/route";
import { prisma } from "@/lib/db/prisma";
import { noteWriteSucceeded } from "@/lib/db/storage";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * A write that fails at any step releases what it holds: the next write works, without a
 * restart (issue 11, finding 1). The two provocations are SQLite's own (a size limit on
 * the writer connection, a constraint checked only at COMMIT); the assertions are about
 * the API and the data layer.
 */

function postSourceAs(token: string, title: string, text = "A short article text.") {
  const request = new Request(`${BASE_URL}/api/sources`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ title, outlet: "Tests", text }),
  });
  return postSource(request, routeParams({}));
}

/** The promise's value, or "no answer" when it takes longer than `ms` (the bug this guards against was a hang). */
function within<T>(ms: number, promise: Promise<T>): Promise<T | "no answer"> {
  return Promise.race([promise, new Promise<"no answer">((resolve) => setTimeout(() => resolve("no answer"), ms).unref())]);
}

/** Make the writer connection's database "full": it may not grow beyond a page or two. */
async function fillDisk(): Promise<() => Promise<void>> {
  const pragma = async (name: string) => Number((await prisma.$queryRawUnsafe<Record<string, bigint | number>[]>(`PRAGMA ${name}`))[0]![name]);
  const limit = await pragma("max_page_count");
  await prisma.$queryRawUnsafe(`PRAGMA max_page_count = ${(await pragma("page_count")) + 2}`);
  return async () => void (await prisma.$queryRawUnsafe(`PRAGMA max_page_count = ${limit}`));
}

describe("a write that fails in its transaction", () => {
  it("on a full disk answers 507 with a message, readiness says so, and once there is room the next write works", async () => {
    const { token } = await createUserWithToken("fact_checker");
    const sourcesBefore = await prisma.source.count();
    const makeRoom = await fillDisk();
    try {
      const full = await postSourceAs(token, "Too big for the disk", "word ".repeat(90_000));
      expect(full.status).toBe(507);
      expect((await full.json()).error).toMatch(/disk is full.*nothing was saved/i);
      expect(await prisma.source.count()).toBe(sourcesBefore);

      const readiness = await ready();
      expect(readiness.status).toBe(503);
      expect((await readiness.json()).problems.join(" ")).toMatch(/last write failed.*disk is full/i);
    } finally {
      await makeRoom();
    }
    const next = await within(5_000, postSourceAs(token, "After space was freed"));
    expect(next === "no answer" ? next : next.status).toBe(201);
    expect((await ready()).status).toBe(200);
  });

  it("at COMMIT releases the write lock: the next write gets an answer", async () => {
    const { token } = await createUserWithToken("fact_checker");
    const commitFails = prisma.$transaction(async (tx) => {
      // A foreign key checked only at COMMIT, which then fails (SQLite keeps the transaction open).
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
      await tx.$executeRawUnsafe(`INSERT INTO "Annotation" ("claimId", "body", "updatedAt") VALUES (987654321, 'orphan', 0)`);
    });
    await expect(commitFails).rejects.toThrow(/foreign ?key/i);
    const next = await within(5_000, postSourceAs(token, "After a failed commit"));
    expect(next === "no answer" ? next : next.status).toBe(201);
    noteWriteSucceeded();
  });
});
