import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "@/lib/env";
import { attributionsFile, copyDatabase, type CsvRow } from "@/tests/support/empty-database";
import { runScript } from "@/tests/support/run-script";

/* `npm run import -- file.csv`: exit codes, problems on stderr, the summary on stdout. */

const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-import-cli-"));
const database = copyDatabase(sqliteFilePath());
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function importCli(rows: CsvRow[], ...flags: string[]) {
  const file = path.join(dir, "attributions.csv");
  writeFileSync(file, attributionsFile(rows).bytes);
  return runScript("scripts/import.ts", [file, ...flags], database.file);
}

const row: CsvRow = { claim: "The command line imported this claim", topic: "diplomacy", status: "unreviewed", actor: "CLI Tester", stance: "asserts", source_title: "CLI story", source_outlet: "Terminal Times", quote: "typed words" };

describe("scripts/import.ts", () => {
  it("exits 1 and lists every problem on stderr, one line each, writing nothing", async () => {
    const result = await importCli([row, { ...row, stance: "yells" }, { ...row, topic: "weather" }]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^line 3, column stance: must be one of asserts, denies, reports, declines_to_clarify \(got "yells"\)$/),
      expect.stringMatching(/^line 4, column topic: unknown topic "weather"/),
      "attributions.csv: 2 problems; nothing was imported.",
    ]);
    expect(await database.prisma.claim.count({ where: { text: row.claim } })).toBe(0);
  }, 60_000);

  it("exits 0 with a summary on stdout, as the system (no user in the audit log)", async () => {
    const result = await importCli([row]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Imported attributions\.csv: 1 row read; 1 claim created, .*1 attribution added, 0 duplicates skipped\.\n$/);
    expect(await database.prisma.claim.count({ where: { text: row.claim } })).toBe(1);
    expect(await database.prisma.auditLog.findFirst({ where: { action: "import" }, select: { userId: true } })).toEqual({ userId: null });
  }, 60_000);

  it("--check prints, for a would-be-new claim, the existing claims it is likely the same as", async () => {
    const checked = await importCli([{ ...row, claim: "Six soldiers from North Korea died on the frontline in Ukraine" }], "--check");
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^line 2: new claim "Six soldiers from North Korea died on the frontline in Ukraine" is possibly the same as:\n {2}claim \d+ \(Troop deaths, score \d\.\d\d\): "Six North Korean soldiers have been killed on the front line in Ukraine\."\n/);
  }, 60_000);

  it("--check says what would happen and writes nothing; no file is a usage error (exit 2)", async () => {
    const checked = await importCli([{ ...row, claim: "Only checked, never imported" }], "--check");
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^Checked attributions\.csv: .*1 claim would be created/);
    expect(await database.prisma.claim.count({ where: { text: "Only checked, never imported" } })).toBe(0);
    const usage = await runScript("scripts/import.ts", [], database.file);
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage: npm run import/) });
  }, 60_000);
});
