import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "@/lib/env";
import { attributionsCsv } from "@/load/fixtures";
import { checkConsistency, searchClaimIds } from "@/tests/support/consistency";
import { runScript } from "@/tests/support/run-script";

/*
 * Fault test: the import command killed (SIGKILL, no chance to clean up) while it is
 * writing a large file. After a restart (the same database preparation `npm start` does)
 * the database must be consistent and hold NONE of that import; and importing still works.
 *
 * The command is driven as an operator runs it: `tsx --conditions=react-server
 * scripts/import.ts FILE` with DATABASE_URL, in its own process group, which is killed as a
 * whole. "While it is writing" is seen from the outside: the Prisma driver adapter's debug
 * log (DEBUG=prisma:driver-adapter:better-sqlite3) shows the first INSERT into Claim or
 * Attribution, and the kill comes a moment later. If the importer ever stops logging
 * through that adapter, the test falls back to killing a while after the import's
 * transaction has taken SQLite's write lock.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const IMPORT_SCRIPT = path.join(ROOT, "scripts/import.ts");
const WORK_DIR = path.join(ROOT, ".tmp", `load-import-crash-${process.pid}`);
/**
 * Large enough that writing takes much longer than the kill delay, even on a fast machine.
 * (The importer writes in multi-row batches: 4,000 rows are written in well under 250 ms.)
 */
const ROWS = 20_000;
/** How long after the first row insert the kill comes. */
const KILL_AFTER_FIRST_INSERT_MS = 250;
/** Fallback: how long after the import's transaction took the write lock. */
const KILL_AFTER_WRITE_LOCK_MS = 2500;

const TABLES = ["Claim", "Attribution", "AttributionVia", "Source", "Actor", "ActorAlias", "Topic", "StatusChange", "AuditLog", "claim_search", "search_sync_pause"] as const;

function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

function rowsTagged(file: string, tag: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const like = `%${tag}%`;
    return {
      claims: db.prepare(`SELECT count(*) FROM "Claim" WHERE text LIKE ?`).pluck().get(like) as number,
      attributions: db.prepare(`SELECT count(*) FROM "Attribution" WHERE quote LIKE ?`).pluck().get(like) as number,
      sources: db.prepare(`SELECT count(*) FROM "Source" WHERE title LIKE ?`).pluck().get(like) as number,
      actors: db.prepare(`SELECT count(*) FROM "Actor" WHERE name LIKE ?`).pluck().get(like) as number,
    };
  } finally {
    db.close();
  }
}

/** True while another connection holds the write lock (probing takes no lock that anyone waits on for long). */
function writeLockHeld(file: string): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.exec("BEGIN IMMEDIATE");
    db.exec("ROLLBACK");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    db.close();
  }
}

type KillOutcome = { killed: boolean; signal: NodeJS.Signals | null; code: number | null; how: string; stderrTail: string; stdout: string };

/** Run the import command and SIGKILL its whole process group while it writes. */
function importAndKill(databaseFile: string, csvFile: string, deadlineMs: number): Promise<KillOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, "--conditions=react-server", IMPORT_SCRIPT, csvFile], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NODE_ENV: "test", DEBUG: "prisma:driver-adapter:better-sqlite3", DEBUG_COLORS: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let how = "";
    let killed = false;
    let adapterLogSeen = false;
    let lockSeenAt: number | null = null;
    let stdout = "";
    let stderrTail = "";
    let pending = "";
    const timers: NodeJS.Timeout[] = [];
    const kill = (reason: string) => {
      if (killed || child.exitCode !== null) return;
      killed = true;
      how = reason;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    let insertSeen = false;
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      stderrTail = (stderrTail + text).slice(-4000);
      if (insertSeen) return;
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line.includes("prisma:driver-adapter")) adapterLogSeen = true;
        // Prisma's own statements name `main`.`Claim`; the importer's batched ones "Claim" (escaped in the log: \\"Claim\\").
        if (/INSERT INTO (?:`main`\.)?(?:\\*[`"])?(?:Claim|Attribution)\b/.test(line)) {
          insertSeen = true;
          timers.push(setTimeout(() => kill(`${KILL_AFTER_FIRST_INSERT_MS} ms after the first row insert`), KILL_AFTER_FIRST_INSERT_MS));
          return;
        }
      }
    });
    // Fallback when the importer does not log through the Prisma adapter.
    const probe = setInterval(() => {
      if (adapterLogSeen || killed || child.exitCode !== null || !existsSync(databaseFile)) return;
      if (lockSeenAt === null && writeLockHeld(databaseFile)) {
        lockSeenAt = Date.now();
        timers.push(setTimeout(() => kill(`${KILL_AFTER_WRITE_LOCK_MS} ms after the import took the write lock`), KILL_AFTER_WRITE_LOCK_MS));
      }
    }, 100);
    timers.push(setTimeout(() => kill("the deadline"), deadlineMs));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearInterval(probe);
      for (const timer of timers) clearTimeout(timer);
      resolve({ killed: killed && signal === "SIGKILL", signal, code, how, stderrTail, stdout });
    });
  });
}


describe("an import killed while it writes", () => {
  afterAll(() => rmSync(WORK_DIR, { recursive: true, force: true }));

  it("leaves, after a restart, a consistent database with none of that import, and importing still works", { timeout: 120_000 }, async () => {
    expect(existsSync(IMPORT_SCRIPT), `${path.relative(ROOT, IMPORT_SCRIPT)} does not exist yet: this test drives the import command`).toBe(true);
    mkdirSync(WORK_DIR, { recursive: true });
    const database = sqliteFilePath();
    const tag = `zq${Date.now().toString(36)}`;
    const csv = path.join(WORK_DIR, "large.csv");
    writeFileSync(csv, attributionsCsv(ROWS, tag));
    expect((await checkConsistency(database)).problems).toEqual([]);
    const before = tableCounts(database);

    const outcome = await importAndKill(database, csv, 90_000);
    expect(outcome.killed, `the import was not killed while writing (${outcome.signal ?? `exit ${outcome.code}`}): ${outcome.stdout} ${outcome.stderrTail.slice(-800)}`).toBe(true);
    expect(outcome.how).not.toBe("the deadline");
    console.info(`import-crash: SIGKILL ${outcome.how}`);

    // Restart: what `npm start` does first (migrations, WAL, seed when empty).
    const restart = await runScript("scripts/db/prepare.ts", [], database);
    expect(restart.code, restart.output).toBe(0);

    const report = await checkConsistency(database);
    expect(report.problems).toEqual([]);
    expect(tableCounts(database)).toEqual(before);
    expect(rowsTagged(database, tag)).toEqual({ claims: 0, attributions: 0, sources: 0, actors: 0 });
    expect(searchClaimIds(database, tag)).toEqual([]);
    // Search still finds what it should: the seed article's claims.
    expect(searchClaimIds(database, "peskov").length).toBeGreaterThan(0);

    // The crash left nothing in the way (no paused triggers, no lock): a small import goes
    // through and is searchable at once.
    const smallTag = `${tag}ok`;
    const small = path.join(WORK_DIR, "small.csv");
    writeFileSync(small, attributionsCsv(20, smallTag));
    const second = await runScript(IMPORT_SCRIPT, [small], database);
    expect(second.code, second.output).toBe(0);
    expect((await checkConsistency(database)).problems).toEqual([]);
    expect(rowsTagged(database, smallTag)).toEqual({ claims: 10, attributions: 20, sources: 1, actors: 20 });
    expect(searchClaimIds(database, smallTag)).toHaveLength(10);
    expect(statSync(database).size).toBeGreaterThan(0);
  });
});
