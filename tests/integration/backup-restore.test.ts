import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BackupError, databaseInUse, restoreDatabase, verifyDatabaseFile } from "@/lib/db/backup";
import { sqliteFilePath } from "@/lib/env";
import { loadSyntheticClaims, searchWords } from "@/load/fixtures";
import { assertConsistent, searchClaimIds } from "@/tests/support/consistency";
import { runScript } from "@/tests/support/run-script";

/*
 * A backup taken by `npm run db:backup` (a separate process, as an operator runs it) while
 * another process keeps writing through the app's mutation code restores to a consistent
 * database that holds every write acknowledged before the backup started, and nothing
 * half-written. Restore refuses what is not a sound Claimtrail database, and a database
 * that a running process has open.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORK_DIR = path.join(ROOT, ".tmp", `backup-test-${process.pid}`);
/** tsx as a loader: the script runs in the spawned process itself, so signals reach it directly. */
const TSX_LOADER = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const BASE_DATABASE = inject("baseDatabase");
const WRITER_PREFIX = "bk";

type Writer = { child: ChildProcess; acks: string[]; errors: string[]; lines: string[]; exited: Promise<number | null> };

function startWriter(databaseFile: string): Writer {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", TSX_LOADER, "load/write-loop.ts", "--prefix", WRITER_PREFIX, "--writers", "4", "--seconds", "40"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const writer: Writer = { child, acks: [], errors: [], lines: [], exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      writer.lines.push(line);
      if (line.startsWith("ack ")) writer.acks.push(line.slice(4));
      else if (line.startsWith("error ")) writer.errors.push(line);
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => writer.errors.push(chunk.toString("utf8")));
  return writer;
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}


/** Every claim's text: the synthetic claims' words to search for (a common one and a rarer one). */
function claimTexts(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT text FROM "Claim" ORDER BY id`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** The markers of the writer's notes and verdicts in a database, and how its audit log and versions agree with them. */
function writesIn(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const userId = `${WRITER_PREFIX}-user`;
    const notes = db.prepare(`SELECT body FROM "Annotation" WHERE authorId = ?`).pluck().all(userId) as string[];
    const verdicts = db.prepare(`SELECT rationale FROM "StatusChange" WHERE userId = ?`).pluck().all(userId) as string[];
    const audited = db.prepare(`SELECT action, count(*) AS n FROM "AuditLog" WHERE userId = ? GROUP BY action`).all(userId) as { action: string; n: number }[];
    // Every status change bumps the claim's version in the same transaction.
    const versionMismatches = db
      .prepare(`SELECT c.id FROM "Claim" c WHERE c.version <> 1 + (SELECT count(*) FROM "StatusChange" s WHERE s.claimId = c.id)`)
      .pluck()
      .all() as number[];
    return { markers: [...notes, ...verdicts], notes: notes.length, verdicts: verdicts.length, audit: Object.fromEntries(audited.map((r) => [r.action, r.n])), versionMismatches };
  } finally {
    db.close();
  }
}

describe("backup and restore", () => {
  let live: string;

  beforeAll(() => {
    mkdirSync(WORK_DIR, { recursive: true });
    live = sqliteFilePath();
    // A few thousand claims, so that the copy takes more than an instant.
    loadSyntheticClaims(live, 3000);
  });

  afterAll(() => {
    rmSync(WORK_DIR, { recursive: true, force: true });
  });

  it("a backup taken while another process writes restores to a consistent database with every write acknowledged before it", { timeout: 120_000 }, async () => {
    const writer = startWriter(live);
    try {
      await until(() => writer.acks.length >= 30 || writer.errors.length > 0 || writer.child.exitCode !== null, "the writer's first writes");
      expect(writer.errors).toEqual([]);

      const backupFile = path.join(WORK_DIR, "during-writes.db");
      const acknowledgedBefore = new Set(writer.acks);
      const backup = await runScript("scripts/db/backup.ts", [backupFile], live);
      expect(backup.output).toMatch(/Backed up/);
      expect(backup.code).toBe(0);
      const acknowledgedByBackupEnd = writer.acks.length;

      // Restoring over the live database is refused while the writer has it open.
      await expect(restoreDatabase(backupFile, live)).rejects.toThrow(/in use by another process/);
      expect(databaseInUse(live)).toBe(true);

      writer.child.kill("SIGTERM");
      expect(await writer.exited).toBe(0);
      expect(writer.errors).toEqual([]);
      expect(writer.lines.at(-1)).toBe("done");
      // The writer kept writing while the backup ran.
      expect(writer.acks.length).toBeGreaterThan(acknowledgedByBackupEnd);

      // Restore through the command line into a database that already exists.
      const target = path.join(WORK_DIR, "restored.db");
      copyFileSync(BASE_DATABASE, target);
      const restore = await runScript("scripts/db/restore.ts", [backupFile], target);
      expect(restore.output).toMatch(/Restored/);
      expect(restore.code).toBe(0);
      expect(restore.output).toMatch(/before-restore-/);

      await assertConsistent(target);
      const restored = writesIn(target);
      const all = new Set(writer.acks);
      const inRestore = new Set(restored.markers);
      // Every write acknowledged before the backup started is in it...
      expect([...acknowledgedBefore].filter((marker) => !inRestore.has(marker))).toEqual([]);
      // ...each once, nothing that was never acknowledged, and nothing half-written: each
      // note and verdict has its audit entry, each verdict its version bump.
      expect(restored.markers).toHaveLength(inRestore.size);
      expect([...inRestore].filter((marker) => !all.has(marker))).toEqual([]);
      expect(restored.audit).toEqual({ create: restored.notes, set_status: restored.verdicts });
      expect(restored.versionMismatches).toEqual([]);
      // ...and it is a snapshot of one moment: later writes are not in it.
      expect(inRestore.size).toBeLessThan(all.size);
      // Search works on the restored file.
      const words = searchWords(claimTexts(target), 2);
      expect(words).toHaveLength(2);
      for (const word of words) expect(searchClaimIds(target, word).length, word).toBeGreaterThan(0);
    } finally {
      if (writer.child.exitCode === null) writer.child.kill("SIGKILL");
    }
  });

  it("refuses files that are not sound Claimtrail databases, and leaves the target alone", async () => {
    const target = path.join(WORK_DIR, "target.db");
    copyFileSync(BASE_DATABASE, target);
    const before = verifyDatabaseFile(target);

    const text = path.join(WORK_DIR, "notes.txt");
    writeFileSync(text, "not a database\n".repeat(100));
    await expect(restoreDatabase(text, target)).rejects.toThrow(/not a SQLite database/);

    const foreign = path.join(WORK_DIR, "foreign.db");
    const db = new Database(foreign);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');");
    db.close();
    await expect(restoreDatabase(foreign, target)).rejects.toThrow(/not a Claimtrail one/);

    const damaged = path.join(WORK_DIR, "damaged.db");
    const good = path.join(WORK_DIR, "good.db");
    const backupResult = await import("@/lib/db/backup").then((m) => m.backupDatabase(live, good));
    copyFileSync(good, damaged);
    const fd = openSync(damaged, "r+");
    // Scribble over a page in the middle of the file (a b-tree page of some table or index).
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(backupResult.pages / 2) * 4096);
    closeSync(fd);
    await expect(restoreDatabase(damaged, target)).rejects.toBeInstanceOf(BackupError);

    await expect(restoreDatabase(path.join(WORK_DIR, "missing.db"), target)).rejects.toThrow(/does not exist/);
    expect(verifyDatabaseFile(target)).toEqual(before);

    // The intact backup restores, and the replaced database is kept.
    const result = await restoreDatabase(good, target);
    expect(result.previous).toMatch(/before-restore-/);
    expect(existsSync(result.previous!)).toBe(true);
    expect(result.claims).toBe(backupResult.claims);
    await assertConsistent(target);
  });
});
