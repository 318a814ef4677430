import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { verifyPassword } from "better-auth/crypto";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "@/tests/support/run-script";

/*
 * `npm run users -- set-password --email …`: the password comes from CLAIMTRAIL_PASSWORD or
 * standard input (never an argument), is hashed by better-auth, ends every session of the
 * account, and is written to the audit log without the password.
 */

const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-set-password-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, "users.db");
const EMAIL = "desk@example.org";

function account() {
  const db = new Database(file);
  try {
    const user = db.prepare("SELECT id FROM user WHERE email = ?").get(EMAIL) as { id: string };
    return {
      hash: db.prepare("SELECT password FROM account WHERE userId = ? AND providerId = 'credential'").pluck().get(user.id) as string,
      sessions: () => db.prepare("SELECT COUNT(*) FROM session WHERE userId = ?").pluck().get(user.id) as number,
      audit: db.prepare("SELECT after FROM AuditLog WHERE action = 'set_password' AND entityId = ? ORDER BY id").pluck().all(user.id) as string[],
      addSession: (token: string) =>
        db
          .prepare("INSERT INTO session (id, token, userId, expiresAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)")
          .run(token, token, user.id, Date.now() + 86_400_000, Date.now(), Date.now()),
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

describe("npm run users -- set-password", () => {
  it("sets the password from the environment or standard input and signs the account out everywhere", async () => {
    const added = await runScript("scripts/users.ts", ["add", "--email", EMAIL, "--role", "fact_checker"], file, { CLAIMTRAIL_PASSWORD: "the first long password" });
    expect(added).toMatchObject({ code: 0, stderr: "" });
    let state = account();
    state.addSession("session-one");
    state.addSession("session-two");
    expect(state.sessions()).toBe(2);
    state.close();

    const fromEnv = await runScript("scripts/users.ts", ["set-password", "--email", EMAIL], file, { CLAIMTRAIL_PASSWORD: "the second long password" });
    expect(fromEnv).toMatchObject({ code: 0, stderr: "" });
    expect(fromEnv.stdout).toContain(`${EMAIL} has a new password`);
    state = account();
    expect(await verifyPassword({ hash: state.hash, password: "the second long password" })).toBe(true);
    expect(await verifyPassword({ hash: state.hash, password: "the first long password" })).toBe(false);
    expect(state.sessions()).toBe(0);
    state.addSession("session-three");
    state.close();

    const fromStdin = await runScript("scripts/users.ts", ["set-password", "--email", EMAIL], file, { CLAIMTRAIL_PASSWORD: "" }, "the third long password\n");
    expect(fromStdin).toMatchObject({ code: 0, stderr: "" });
    state = account();
    expect(await verifyPassword({ hash: state.hash, password: "the third long password" })).toBe(true);
    expect(state.sessions()).toBe(0);
    expect(state.audit).toHaveLength(2);
    expect(state.audit.join(" ")).not.toContain("long password");
    state.close();
  }, 120_000);

  it("refuses a short password or an unknown account and changes nothing", async () => {
    const before = account();
    const hash = before.hash;
    before.close();
    const short = await runScript("scripts/users.ts", ["set-password", "--email", EMAIL], file, { CLAIMTRAIL_PASSWORD: "short" });
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain("at least 12 characters");
    const unknown = await runScript("scripts/users.ts", ["set-password", "--email", "nobody@example.org"], file, { CLAIMTRAIL_PASSWORD: "a long enough password" });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("No account for nobody@example.org");
    const after = account();
    expect(after.hash).toBe(hash);
    after.close();
  }, 60_000);
});
