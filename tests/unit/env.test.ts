import { describe, expect, it } from "vitest";
import { envProblems } from "@/tests/support/env-problems";
import { databaseKindOf, parseEnv } from "@/lib/env";
import { runScript } from "@/tests/support/run-script";

/*
 * Every setting is parsed once, in lib/env.ts: a bad value stops the start with a message
 * naming the variable, never a silent fallback.
 */

const problemsOf = envProblems;

describe("the environment", () => {
  it("has a default for every setting", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATABASE_URL: "file:./data/claimtrail.db", PORT: 3000, READ_ACCESS: "public", AUTH_SIGN_IN_MAX_ATTEMPTS: 5 });
    expect(env.BETTER_AUTH_SECRET).toBeUndefined();
    expect(env.BETTER_AUTH_URL).toBeUndefined();
  });

  it("reads AUTH_SIGN_IN_MAX_ATTEMPTS as a number", () => {
    expect(parseEnv({ AUTH_SIGN_IN_MAX_ATTEMPTS: "1000" }).AUTH_SIGN_IN_MAX_ATTEMPTS).toBe(1000);
    expect(parseEnv({ AUTH_SIGN_IN_MAX_ATTEMPTS: "" }).AUTH_SIGN_IN_MAX_ATTEMPTS).toBe(5);
  });

  it.each([
    [{ AUTH_SIGN_IN_MAX_ATTEMPTS: "five" }, /AUTH_SIGN_IN_MAX_ATTEMPTS must be a whole number of 1 or more/],
    [{ AUTH_SIGN_IN_MAX_ATTEMPTS: "0" }, /AUTH_SIGN_IN_MAX_ATTEMPTS must be a whole number of 1 or more/],
    [{ AUTH_SIGN_IN_MAX_ATTEMPTS: "2.5" }, /AUTH_SIGN_IN_MAX_ATTEMPTS must be a whole number of 1 or more/],
    [{ BETTER_AUTH_URL: "auth.example.org" }, /BETTER_AUTH_URL must be an http\(s\) address/],
    [{ BETTER_AUTH_SECRET: "short" }, /BETTER_AUTH_SECRET must be at least 32 characters/],
    [{ PORT: "http" }, /^Invalid environment:\n {2}PORT: /],
    [{ READ_ACCESS: "private" }, /^Invalid environment:\n {2}READ_ACCESS: /],
    [{ DATABASE_URL: "mysql://db/claims" }, /DATABASE_URL must be a SQLite file URL .* or a PostgreSQL URL/],
    [{ DATABASE_URL: "postgresql:///claims" }, /DATABASE_URL must be a SQLite file URL .* or a PostgreSQL URL/],
  ])("refuses %j, naming the variable", (source, message) => {
    expect(problemsOf(source)).toMatch(message);
  });

  it.each([
    ["file:./data/claimtrail.db", "sqlite"],
    ["postgresql://claimtrail@db.example.org/claims", "postgresql"],
    ["postgres://claimtrail:secret@10.0.0.5:5433/claims?sslmode=require", "postgresql"],
  ])("accepts %s, a %s database", (url, kind) => {
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(databaseKindOf(url)).toBe(kind);
  });

  it("stops a command before it does anything when a setting is bad", async () => {
    const result = await runScript("scripts/users.ts", ["list"], ".tmp/never-created.db", { AUTH_SIGN_IN_MAX_ATTEMPTS: "lots" });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/AUTH_SIGN_IN_MAX_ATTEMPTS must be a whole number of 1 or more/);
  }, 60_000);
});

describe("an unusable PostgreSQL DATABASE_URL", () => {
  it.each([["scripts/db/prepare.ts", []], ["scripts/users.ts", ["list"]]] as const)("stops %s with one line naming the host and the reason", async (script, args) => {
    const result = await runScript(script, args, ".tmp/never-created.db", { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/x" });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split("\n")).toEqual(["Cannot use the PostgreSQL database at 127.0.0.1:1/x: connection refused (is PostgreSQL running and listening there?)."]);
    expect(result.stdout).toBe("");
  }, 60_000);
});
