import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAnnotation, deleteAnnotation } from "@/lib/annotations/mutations";
import { ArchiveError } from "@/lib/archive/format";
import { loadArchive } from "@/lib/archive/load-archive";
import { idSequences } from "@/lib/archive/sqlite-facts";
import { archivedTables } from "@/lib/archive/tables";
import { writeArchive } from "@/lib/archive/write-archive";
import type { CurrentUser } from "@/lib/auth/roles";
import { setAttributionAccuracy, setClaimStatus } from "@/lib/claims/mutations";
import { prisma } from "@/lib/db/prisma";
import { openSnapshotReader } from "@/lib/db/reader";
import { env, sqliteFilePath } from "@/lib/env";
import { createExport } from "@/lib/export/create-export";
import { attributionsCsv, claimReviewJsonLd, claimsCsv, claimsJson, historyCsv, notesCsv, type ExportFormat } from "@/lib/export/formats";
import { reviewContext } from "@/lib/export/review-context";
import { claimIdByText, createArticle } from "@/tests/support/article-factory";
import { openEmptyDatabase, removeEmptyDatabaseTemplate, type TestDatabase } from "@/tests/support/empty-database";
import { runScript } from "@/tests/support/run-script";
import { TEST_DATA_DIR } from "@/tests/setup/paths";
import { createUserWithToken } from "@/tests/support/users";

/*
 * The archive round trip: this file's seeded database plus an article of hostile text, notes
 * (a thread, a deletion), verdicts and accuracy marks, archived and loaded into an empty
 * database, gives the same rows and byte-identical exports, quote offsets included.
 */

const HOSTILE = {
  formula: '=HYPERLINK("http://evil.test","x")',
  newline: 'Line one, "quoted"\r\nline two\u2028after a separator',
  unicode: "Кремль 🙂 북한 \u200b zero-width, NUL-free, \\ backslash",
  json: '{"table":"Claim","row":{}}\n{"end":true}',
};

const dir = path.join(TEST_DATA_DIR, `archive-${process.pid}`);
const sourceFile = () => sqliteFilePath(env.DATABASE_URL);
const opened: TestDatabase[] = [];
let checker: CurrentUser;

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await openEmptyDatabase();
  opened.push(db);
  return db;
}

/** Every export of every claim, as bytes, read from the database file given. */
async function allExports(file: string): Promise<Record<string, string>> {
  const formats: [string, ExportFormat<never>, string][] = [
    ["claims.csv", claimsCsv as ExportFormat<never>, ""],
    ["attributions.csv", attributionsCsv as ExportFormat<never>, ""],
    ["notes.csv", notesCsv as ExportFormat<never>, ""],
    ["history.csv", historyCsv as ExportFormat<never>, ""],
    ["claims.json", claimsJson as ExportFormat<never>, "include=notes,history"],
    ["claimreview.jsonld", claimReviewJsonLd as ExportFormat<never>, ""],
  ];
  const files: Record<string, string> = {};
  for (const [name, format, query] of formats) {
    const created = await createExport(await openSnapshotReader(`file:${file}`), format, new URLSearchParams(query), reviewContext(), new Date("2026-01-01T00:00:00Z"));
    if (!created.ok) throw new Error(JSON.stringify(created.problems));
    files[name] = await new Response(created.stream).text();
  }
  return files;
}

function tableRows(file: string, withAccounts: boolean): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(archivedTables(db, { withAccounts }).map((table) => [table.name, db.prepare(`SELECT ${table.columns.map((c) => `"${c}"`).join(", ")} FROM "${table.name}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

const archiveLines = (file: string) => gunzipSync(readFileSync(file)).toString("utf8").split("\n").filter(Boolean);
const rewriteArchive = (from: string, to: string, change: (lines: string[]) => string[]) => writeFileSync(to, gzipSync(`${change(archiveLines(from)).join("\n")}\n`));

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await createArticle({
    title: `${HOSTILE.formula} headline`,
    outlet: HOSTILE.unicode,
    url: "https://news.test/hostile?a=1&b=2",
    publishedAt: "2024-10-15T09:30:00.000Z",
    statements: [
      { claim: HOSTILE.formula, topic: "archive-hostile", actor: "=Formula Person", stance: "asserts", words: `${HOSTILE.formula} was posted` },
      { claim: "A claim quoted across a line break", topic: "archive-hostile", actor: HOSTILE.unicode, stance: "denies", words: HOSTILE.newline, via: ["Agence \"France\" Presse"] },
      { claim: "A claim whose words look like archive lines", topic: "archive-hostile", actor: "Reporter", stance: "reports", words: HOSTILE.json },
    ],
  });
  const account = await createUserWithToken("fact_checker");
  checker = { id: account.id, email: account.email, name: "Ann O'Checker", role: "fact_checker" };
  await prisma.user.update({ where: { id: account.id }, data: { name: checker.name } });
  const claimId = await claimIdByText(HOSTILE.formula);
  const note = await addAnnotation(checker, claimId, { body: HOSTILE.json, attributionId: undefined, parentId: undefined });
  await addAnnotation(checker, claimId, { body: `Reply: ${HOSTILE.newline}`, attributionId: undefined, parentId: note.id });
  const withdrawn = await addAnnotation(checker, claimId, { body: "withdrawn", attributionId: undefined, parentId: undefined });
  await deleteAnnotation(checker, withdrawn.id);
  await setClaimStatus(checker, claimId, { status: "false", rationale: HOSTILE.unicode, evidence: ["https://evidence.test/1"], version: 1 });
  const attribution = await prisma.attribution.findFirstOrThrow({ where: { claimId }, select: { id: true } });
  await setAttributionAccuracy(checker, attribution.id, { accuracy: "disputed", rationale: HOSTILE.formula, version: 1 });
});

afterAll(async () => {
  for (const db of opened) await db.close();
  await removeEmptyDatabaseTemplate();
  rmSync(dir, { recursive: true, force: true });
});

describe("archive round trip", () => {
  it("loads into an empty database with the same rows and byte-identical exports, offsets included", async () => {
    const file = path.join(dir, "round-trip.jsonl.gz");
    const written = await writeArchive(sourceFile(), file);
    expect(written.rows.Claim).toBeGreaterThan(17);
    const target = await emptyDatabase();
    const loaded = await loadArchive(file, target.file);
    expect(loaded.rows).toEqual(written.rows);

    const [before, after] = [await allExports(sourceFile()), await allExports(target.file)];
    for (const name of Object.keys(before)) expect(after[name], name).toBe(before[name]);
    expect(before["attributions.csv"]).toContain("Line one");
    // Offsets are in the file and survive: the quote columns are not empty.
    expect(before["attributions.csv"]).toMatch(/,\d+,\d+,(unchecked|disputed)/);

    const [sourceRows, targetRows] = [tableRows(sourceFile(), false), tableRows(target.file, false)];
    for (const table of Object.keys(sourceRows).filter((name) => name !== "AuditLog")) expect(targetRows[table], table).toEqual(sourceRows[table]);

    // Search works on the loaded database: the index was rebuilt.
    const search = await target.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*) AS n FROM claim_search WHERE claim_search MATCH '"fake news"'`);
    expect(Number(search[0]!.n)).toBeGreaterThan(0);
  });

  it("keeps the id counters, so ids the archived database retired are not given again", async () => {
    const file = path.join(dir, "sequences.jsonl.gz");
    await writeArchive(sourceFile(), file);
    const target = await emptyDatabase();
    await loadArchive(file, target.file);
    const before = idSequences(new Database(sourceFile(), { readonly: true }));
    const db = new Database(target.file, { readonly: true });
    const after = idSequences(db);
    db.close();
    for (const [table, seq] of Object.entries(before).filter(([name]) => name !== "session" && name !== "verification" && name !== "rateLimit")) {
      if (table === "account" || table === "ApiToken") continue;
      expect(after[table] ?? 0, table).toBeGreaterThanOrEqual(seq);
    }
  });

  it("keeps people by display name only, without e-mail addresses, password hashes or account audit entries, unless asked", async () => {
    const file = path.join(dir, "people.jsonl.gz");
    await writeArchive(sourceFile(), file);
    const text = archiveLines(file).join("\n");
    expect(text).toContain(checker.name.replace("'", "'"));
    expect(text).not.toContain(checker.email);
    expect(text).not.toMatch(/"password"/);
    expect(text).not.toContain('"entityType":"user"');
    expect(text).not.toContain('"table":"ApiToken"');

    const full = path.join(dir, "accounts.jsonl.gz");
    await writeArchive(sourceFile(), full, { withAccounts: true });
    const fullText = archiveLines(full).join("\n");
    expect(fullText).toContain(checker.email);
    expect(fullText).toContain('"table":"ApiToken"');
    const target = await emptyDatabase();
    const loaded = await loadArchive(full, target.file);
    expect(loaded.withAccounts).toBe(true);
    const [sourceRows, targetRows] = [tableRows(sourceFile(), true), tableRows(target.file, true)];
    for (const table of ["user", "account", "ApiToken", "AuditLog"]) expect(targetRows[table], table).toEqual(sourceRows[table]);
  });

  it("names people who cannot sign in when loaded without accounts", async () => {
    const file = path.join(dir, "names.jsonl.gz");
    await writeArchive(sourceFile(), file);
    const target = await emptyDatabase();
    await loadArchive(file, target.file);
    const person = await target.prisma.user.findUniqueOrThrow({ where: { id: checker.id } });
    expect(person).toMatchObject({ name: checker.name, banned: true, role: "viewer" });
    expect(person.email).toMatch(/@accounts\.invalid$/);
    expect(await target.prisma.account.count()).toBe(0);
  });
});

describe("archive refusals change nothing", () => {
  let good: string;
  beforeAll(async () => {
    good = path.join(dir, "good.jsonl.gz");
    await writeArchive(sourceFile(), good);
  });

  async function refused(file: string, message: RegExp, target?: TestDatabase) {
    const db = target ?? (await emptyDatabase());
    const before = tableRows(db.file, true);
    const error = await loadArchive(file, db.file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toMatch(message);
    expect(tableRows(db.file, true)).toEqual(before);
    const paused = new Database(db.file, { readonly: true }).prepare(`SELECT count(*) AS n FROM search_sync_pause`).get() as { n: number };
    expect(paused.n).toBe(0);
  }

  it("refuses a database that already holds claims", async () => {
    const seeded = await emptyDatabase();
    await loadArchive(good, seeded.file);
    await refused(good, /not empty \(.*Claim: \d+/, seeded);
  });

  it("refuses a file cut short", async () => {
    const cut = path.join(dir, "cut.jsonl.gz");
    rewriteArchive(good, cut, (lines) => lines.slice(0, -1));
    await refused(cut, /incomplete/);
    const cutMidway = path.join(dir, "cut-midway.jsonl.gz");
    writeFileSync(cutMidway, readFileSync(good).subarray(0, Math.floor(readFileSync(good).length / 2)));
    await refused(cutMidway, /damaged|incomplete/);
  });

  it("refuses a newer format version and a newer schema with words that say so", async () => {
    const newer = path.join(dir, "newer.jsonl.gz");
    rewriteArchive(good, newer, ([header, ...rest]) => [JSON.stringify({ ...JSON.parse(header!), version: 2 }), ...rest]);
    await refused(newer, /format version 2; this Claimtrail reads versions up to 1/);
    const future = path.join(dir, "future.jsonl.gz");
    rewriteArchive(good, future, ([header, ...rest]) => {
      const parsed = JSON.parse(header!);
      return [JSON.stringify({ ...parsed, migrations: [...parsed.migrations, "29990101000000_future"] }), ...rest];
    });
    await refused(future, /newer Claimtrail \(migrations 29990101000000_future/);
  });

  it("refuses rows that are damaged, unknown or point at nothing", async () => {
    const notGzip = path.join(dir, "plain.txt");
    writeFileSync(notGzip, "claim_id,claim\n1,hello\n");
    await refused(notGzip, /not a gzipped Claimtrail archive/);

    const badJson = path.join(dir, "bad-json.jsonl.gz");
    rewriteArchive(good, badJson, (lines) => [lines[0]!, "{not json", ...lines.slice(1)]);
    await refused(badJson, /Line 2 is not JSON/);

    const unknownTable = path.join(dir, "unknown-table.jsonl.gz");
    rewriteArchive(good, unknownTable, (lines) => [lines[0]!, JSON.stringify({ table: "Secrets", row: { id: 1 } }), ...lines.slice(1)]);
    await refused(unknownTable, /table "Secrets" is not in the archive's header/);

    const dangling = path.join(dir, "dangling.jsonl.gz");
    rewriteArchive(good, dangling, (lines) =>
      lines.map((line) => {
        const parsed = JSON.parse(line);
        if (parsed.table !== "Attribution" || parsed.row.id !== 1) return line;
        return JSON.stringify({ ...parsed, row: { ...parsed.row, claimId: 999_999 } });
      }),
    );
    await refused(dangling, /refer to rows it does not hold/);
  });
});

describe("npm run db:archive and db:unarchive", () => {
  it("archive a database and load it into a new file that the command creates and migrates", async () => {
    const file = path.join(dir, "cli.jsonl.gz");
    const archived = await runScript("scripts/db/archive.ts", [file], sourceFile());
    expect(archived.code, archived.output).toBe(0);
    expect(archived.stdout).toMatch(/Archived \d+ rows \(\d+ claims\)/);
    const again = await runScript("scripts/db/archive.ts", [file], sourceFile());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    const newFile = path.join(dir, "fresh", "claimtrail.db");
    const loaded = await runScript("scripts/db/unarchive.ts", [file], newFile);
    expect(loaded.code, loaded.output).toBe(0);
    expect(loaded.stdout).toMatch(/Loaded \d+ rows .*cannot sign in/);
    const before = await allExports(sourceFile());
    const after = await allExports(newFile);
    expect(after["attributions.csv"]).toBe(before["attributions.csv"]);

    const twice = await runScript("scripts/db/unarchive.ts", [file], newFile);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/^Unarchive failed: The database is not empty/);
    expect(twice.stderr).not.toContain("    at ");

    for (const script of ["scripts/db/archive.ts", "scripts/db/unarchive.ts"]) {
      const help = await runScript(script, ["--help"], sourceFile());
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("Usage: npm run db:");
    }
    // Seven command runs, one of them migrating a new file: minutes on a busy machine.
  }, 240_000);
});

describe("GET /admin/archive.jsonl.gz", () => {
  it("gives an admin the archive (no accounts) and refuses everyone else", async () => {
    const { GET } = await import("@/app/admin/archive.jsonl.gz/route");
    const request = (token?: string) => new Request("http://localhost/admin/archive.jsonl.gz", { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await GET(request())).status).toBe(401);
    expect((await GET(request((await createUserWithToken("fact_checker")).token))).status).toBe(403);

    const response = await GET(request((await createUserWithToken("admin")).token));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/gzip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="claimtrail-archive-\d{8}T\d{6}Z\.jsonl\.gz"$/);
    const file = path.join(dir, "downloaded.jsonl.gz");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    expect(archiveLines(file).join("\n")).not.toContain(checker.email);
    const target = await emptyDatabase();
    const loaded = await loadArchive(file, target.file);
    expect(loaded.withAccounts).toBe(false);
    expect((await allExports(target.file))["claims.csv"]).toBe((await allExports(sourceFile()))["claims.csv"]);
  });
});
