import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { setClaimStatus } from "@/lib/claims/mutations";
import { sqliteFilePath } from "@/lib/env";
import { createUserWithToken } from "@/tests/support/users";

/**
 * Another process (the import command, a second server) holding the write lock must make
 * our writes wait, not fail: every transaction takes the lock first (lib/db/prisma.ts).
 */
function holdWriteLock(file: string, milliseconds: number): Promise<void> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)});
    db.prepare("BEGIN IMMEDIATE").run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.prepare("COMMIT").run(); db.close(); }, ${milliseconds});
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () => resolve());
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
