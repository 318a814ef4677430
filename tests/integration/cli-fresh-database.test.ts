import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { knownMigrations } from "@/lib/db/migrate";
import { DEFAULT_STATUSES } from "@/lib/vocabulary/default-statuses";
import { attributionsFile } from "@/tests/support/empty-database";
import { runScript } from "@/tests/support/run-script";

/*
 * The command-line tools may be the first thing run on a fresh clone (the README's first
 * admin), before `npm start` has created the database: they create and migrate it
 * themselves, with the default verdict vocabulary, instead of failing on a missing table.
 */

const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-cli-fresh-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readDatabase(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      migrations: db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name").pluck().all(),
      statuses: db.prepare("SELECT key FROM Status ORDER BY sortOrder").pluck().all(),
      users: db.prepare("SELECT email FROM user").pluck().all(),
      claims: db.prepare("SELECT text FROM Claim").pluck().all(),
    };
  } finally {
    db.close();
  }
}

describe("command-line tools on a database that does not exist yet", () => {
  it("npm run users creates and migrates it, then adds and lists the first admin", async () => {
    const file = path.join(dir, "nested", "users.db");
    expect(existsSync(file)).toBe(false);
    const env = { CLAIMTRAIL_PASSWORD: "a long enough passphrase" };

    const added = await runScript("scripts/users.ts", ["add", "--email", "first@example.org", "--role", "admin"], file, env);
    expect(added).toMatchObject({ code: 0, stderr: "" });
    const listed = await runScript("scripts/users.ts", ["list"], file);
    expect(listed.stdout).toMatch(/first@example\.org.*admin/);

    const state = readDatabase(file);
    expect(state.migrations).toEqual(knownMigrations());
    expect(state.statuses).toEqual(DEFAULT_STATUSES.map((status) => status.key));
    expect(state.users).toEqual(["first@example.org"]);
  }, 90_000);

  it("npm run import creates and migrates it, then imports into it", async () => {
    const file = path.join(dir, "import.db");
    const csv = path.join(dir, "attributions.csv");
    const row = { claim: "Imported into a new database", topic: "new-topic", status: "unreviewed", actor: "First Speaker", stance: "asserts", source_title: "First story", source_outlet: "First Wire", quote: "first words" };
    writeFileSync(csv, attributionsFile([row]).bytes);

    const result = await runScript("scripts/import.ts", [csv, "--create-topics"], file);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(readDatabase(file).claims).toEqual([row.claim]);
  }, 90_000);
});
