import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { setClaimStatus } from "@/lib/claims/mutations";
import { sqliteFilePath } from "@/lib/env";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-settings";
import { POST as postStatus } from "@/app/api/claims/[id]/status/route";
import { databaseFingerprint } from "@/tests/support/database-fingerprint";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/**
 * Another process (the import command, a second server) holding the write lock must make
 * our writes wait, not fail: every transaction takes the lock first (lib/db/prisma.ts).
 */
function holdWriteLock(file: string, milliseconds: number): Promise<{ released: Promise<void> }> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)});
    db.prepare("BEGIN IMMEDIATE").run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.prepare("COMMIT").run(); db.close(); }, ${milliseconds});
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const released = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () => resolve({ released }));
    child.once("error", reject);
  });
}

describe("writes while another process holds the lock", () => {
  it("wait for the lock and then succeed", async () => {
    const user = await createUserWithToken("fact_checker");
    const claim = await prisma.claim.findFirstOrThrow({ select: { id: true, version: true } });
    // A read first, so that the connection has a snapshot (the case a plain BEGIN gets wrong).
    await prisma.claim.count();
    await holdWriteLock(sqliteFilePath(), 1500);
    const started = Date.now();
    const result = await setClaimStatus({ id: user.id, email: user.email, name: "x", role: "fact_checker" }, claim.id, {
      status: "in_review",
      rationale: "Written while another process held the lock.",
      evidence: [],
      version: claim.version,
    });
    expect(result.version).toBe(claim.version + 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe("a write that cannot get the lock within the busy timeout", () => {
  it("answers 503 with Retry-After and a message, and changes nothing", async () => {
    const user = await createUserWithToken("fact_checker");
    const claim = await prisma.claim.findFirstOrThrow({ select: { id: true, version: true } });
    const request = (body: unknown) =>
      postStatus(
        new Request(`${BASE_URL}/api`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${user.token}` }, body: JSON.stringify(body) }),
        routeParams({ id: String(claim.id) }),
      );
    // Use the token once first: its "last used" time is then not written again for a minute.
    expect((await request({})).status).toBe(400);
    const used = await prisma.apiToken.findFirstOrThrow({ where: { userId: user.id }, select: { lastUsedAt: true } });
    expect(used.lastUsedAt).not.toBeNull();
    const before = await databaseFingerprint();

    // Held well past the busy timeout, so the write gives up even on a slow machine.
    const lock = await holdWriteLock(sqliteFilePath(), SQLITE_BUSY_TIMEOUT_MS + 5_000);
    const response = await request({ status: "in_review", rationale: "Sent while an import held the lock.", version: claim.version });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error).toMatch(/database is busy .* nothing was changed/);

    await lock.released;
    expect(await databaseFingerprint()).toBe(before);
  }, 60_000);
});
