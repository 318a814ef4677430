import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { prisma } from "@/lib/db/prisma";
import { sqliteFilePath } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";
import { setUserName } from "@/lib/users/admin";
import { copyDatabase } from "@/tests/support/empty-database";
import { runScript } from "@/tests/support/run-script";
import { createUserWithToken } from "@/tests/support/users";

/*
 * Display names are not a weapon (issue 11, finding 4): a viewer renamed themselves
 * "admin@x.test" through better-auth's update-user, and a 20 MB name made a claim page
 * 120 MB. Names are set by admins and the command line, checked on the server.
 */

const authRequest = (path: string, body: unknown, cookie = "") =>
  auth.handler(
    new Request(`http://localhost:3000/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );

async function signedInCookie(email: string): Promise<string> {
  const response = await authRequest("/sign-in/email", { email, password: "a-long-test-password" });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

describe("display names", () => {
  it("a viewer cannot rename themselves, as an admin's e-mail or as 20 MB of text", async () => {
    const viewer = await createUserWithToken("viewer");
    const admin = await createUserWithToken("admin");
    const cookie = await signedInCookie(viewer.email);
    const before = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { name: true } });
    for (const name of [admin.email, "x".repeat(20 * 1024 * 1024)]) {
      const response = await authRequest("/update-user", { name }, cookie);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { name: true } })).toEqual(before);
  });

  it("every account field has a length limit at better-auth's door", async () => {
    const response = await authRequest("/sign-in/email", { email: `${"a".repeat(300)}@x.test`, password: "a-long-test-password" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("email must be at most 254 characters");
  });

  it("an admin sets a name, never another account's e-mail or name, never over 100 characters", async () => {
    const checker = await createUserWithToken("fact_checker");
    const admin = await createUserWithToken("admin");
    const other = await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { name: true, email: true } });
    for (const name of [other.email.toUpperCase(), ` ${other.name}  `, "y".repeat(101), "two\u0000parts"]) {
      await expect(setUserName(admin.id, checker.email, name)).rejects.toBeInstanceOf(InvalidInputError);
    }
    const renamed = await setUserName(admin.id, checker.email, "  Jane   Checker ");
    expect(renamed.name).toBe("Jane Checker");
    expect(await prisma.auditLog.findFirst({ where: { action: "set_name", entityId: checker.id }, select: { userId: true, after: true } })).toEqual({
      userId: admin.id,
      after: JSON.stringify({ name: "Jane Checker" }),
    });
  });

  it("npm run users -- set-name works, refuses a taken name, and --help prints the usage without a stack trace", async () => {
    const checker = await createUserWithToken("fact_checker");
    const admin = await createUserWithToken("admin");
    const copy = copyDatabase(sqliteFilePath());
    try {
      const ok = await runScript("scripts/users.ts", ["set-name", "--email", checker.email, "--name", "Night Desk"], copy.file);
      expect(ok).toMatchObject({ code: 0, stderr: "" });
      const clash = await runScript("scripts/users.ts", ["set-name", "--email", checker.email, "--name", admin.email], copy.file);
      expect(clash.code).toBe(1);
      expect(clash.stderr).toMatch(/name: is another account's e-mail address or name/);
      expect(clash.stderr).not.toMatch(/\n\s+at /);
      const help = await runScript("scripts/users.ts", ["--help"], copy.file);
      expect(help).toMatchObject({ code: 0, stderr: "" });
      expect(help.stdout).toMatch(/^Usage: npm run users -- <command>/);
    } finally {
      await copy.close();
    }
  }, 180_000);
});
