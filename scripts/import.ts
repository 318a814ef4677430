/**
 * `npm run import -- <file.csv> [--check] [--create-topics] [--accept-close-quotes]`: import attributions.csv
 * (docs/export.md, "Import") as the system (the audit entry has no user). All or nothing:
 * any problem and nothing is written.
 *
 *   --check           only check the file and say what an import would do
 *   --create-topics   create topics the file names that do not exist yet (label = key)
 *   --accept-close-quotes
 *                     import a quote that is close to, but not exactly, the stored article's
 *                     words (quotes, dashes, spacing, a typo) as the article's words; without
 *                     it such a row is a problem that names those words
 *
 * Problems go to standard error, one per line (`line 12, column stance: …`); the summary
 * goes to standard output, with each close quote taken (line, the file's words, the article's). Exit code 0 on success, 1 when the file has problems, 2 when
 * the command itself is wrong (no file, unreadable file).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUSY_MESSAGE, isDatabaseBusy } from "@/lib/db/busy";
import { prisma } from "@/lib/db/prisma";
import { parseCommandLine } from "./shared/command-line";
import { readyDatabase } from "./shared/ready-database";
import { runCommand } from "./shared/run-command";
import { describeSummary } from "@/lib/import/describe";
import { formatProblem } from "@/lib/import/problems";
import { checkImport, runImport } from "@/lib/import/run-import";

const USAGE = `Usage: npm run import -- <attributions.csv> [--check] [--create-topics] [--accept-close-quotes]

Import attributions.csv (docs/export.md, "Import") into the database at DATABASE_URL, all or nothing.
  --check                only check the file and say what an import would do
  --create-topics        create the topics the file names that do not exist yet
  --accept-close-quotes  take a quote close to the article's words (quotes, dashes, spacing, a typo) as those words
Exit code 0 on success, 1 when the file has problems, 2 when the command line is wrong.`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, { check: { type: "boolean" }, "create-topics": { type: "boolean" }, "accept-close-quotes": { type: "boolean" } }, { min: 1, max: 1, name: "file" });
  if ("exitCode" in parsed) return parsed.exitCode;
  const { positionals, values } = parsed;
  const filePath = positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    console.error(`Cannot read ${filePath}: ${(error as Error).message}`);
    return 2;
  }
  await readyDatabase();
  const file = { bytes, fileName: path.basename(filePath) };
  const options = { createTopics: values["create-topics"] ?? false, acceptCloseQuotes: values["accept-close-quotes"] ? ("all" as const) : [] };
  const report = values.check ? await checkImport(prisma, file, options) : await runImport(prisma, file, { ...options, userId: null });

  if (!report.ok) {
    for (const problem of report.problems) console.error(formatProblem(problem));
    console.error(`${file.fileName}: ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}; nothing was imported.`);
    return 1;
  }
  for (const close of report.closeQuotes.filter((c) => c.accepted)) {
    console.log(`line ${close.line}: ${JSON.stringify(close.quote)} ${report.committed ? "imported" : "would be imported"} as the article's words ${JSON.stringify(close.suggestion.exact)} (characters ${close.suggestion.start}–${close.suggestion.end})`);
  }
  for (const similar of report.similarClaims ?? []) {
    console.log(`line ${similar.line}: new claim ${JSON.stringify(similar.text)} is possibly the same as:`);
    for (const match of similar.matches) console.log(`  claim ${match.id} (${match.topic}, score ${match.score.toFixed(2)}): ${JSON.stringify(match.text)}`);
  }
  console.log(`${values.check ? "Checked" : "Imported"} ${file.fileName}: ${describeSummary(report.summary!, report.committed)}.`);
  return 0;
}

runCommand(() => main(process.argv.slice(2)), {
  // Another process (the server, another import) held the write lock for too long.
  describeError: (error) => (isDatabaseBusy(error) ? BUSY_MESSAGE : null),
  cleanup: () => prisma.$disconnect(),
});
