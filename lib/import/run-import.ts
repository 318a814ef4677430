import "server-only";
import { dialect } from "@/lib/db/dialect";
import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { applyImportPlan } from "@/lib/import/apply";
import { IMPORT_COLUMNS } from "@/lib/import/columns";
import { planImport, type CloseQuote, type ImportOptions, type ImportPlan } from "@/lib/import/plan";
import { sortProblems, type ImportProblem } from "@/lib/import/problems";
import { readCsv } from "@/lib/import/read-csv";
import { similarClaimsOfPlan, type ImportSimilarClaims } from "@/lib/import/similar-matches";
import { pauseSearchSync, rebuildClaimSearch, resumeSearchSync } from "@/lib/search/rebuild";

/**
 * Import attributions.csv, all or nothing (docs/export.md, "Import"). The database is a
 * parameter: the app and the command line pass the default client, tests and the
 * round-trip property pass clients for their own database files.
 */
export type ImportFile = { bytes: Uint8Array; fileName: string };

export type ImportReport = {
  fileName: string;
  /** True when the file has no problems (for a check: it can be imported). */
  ok: boolean;
  /** True when the import was written. */
  committed: boolean;
  problems: ImportProblem[];
  summary: ImportPlan["summary"] | null;
  /** Rows whose quotes match the article only approximately, with the article's words (accepted or not). */
  closeQuotes: CloseQuote[];
  /** A check only: claims the file would create that are likely already tracked in other words. */
  similarClaims?: ImportSimilarClaims[];
};

/** Writes of a big file are many statements in one transaction; Prisma's default limit is 5 s. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;
const TRANSACTION_MAX_WAIT_MS = 30_000;

/** Parse and check the file and say what an import would do. Writes nothing. */
export async function checkImport(db: PrismaClient, file: ImportFile, options: ImportOptions = {}): Promise<ImportReport> {
  const read = readCsv(file.bytes);
  if (!read.ok) return refused(file, read.problems, null);
  const { plan, problems } = await planImport(db, read.table, options);
  if (problems.length > 0) return refused(file, problems, plan);
  return { fileName: file.fileName, ok: true, committed: false, problems: [], summary: plan.summary, closeQuotes: plan.closeQuotes, similarClaims: await similarClaimsOfPlan(plan) };
}

class Refused extends Error {
  constructor(readonly report: ImportReport) {
    super("import refused");
  }
}

/**
 * Check the file again and, if it has no problem at all, write everything in one
 * transaction: search triggers paused, the touched claims' search documents rebuilt at
 * the end, one audit entry. Any problem (or failure) leaves the database as it was.
 */
export async function runImport(db: PrismaClient, file: ImportFile, options: ImportOptions & { userId: string | null }): Promise<ImportReport> {
  const read = readCsv(file.bytes);
  if (!read.ok) return refused(file, read.problems, null);
  // A file with problems is refused before taking the write lock, so a bad upload never
  // makes other writers wait; a good one is checked again inside the transaction.
  const preliminary = await planImport(db, read.table, options);
  if (preliminary.problems.length > 0) return refused(file, preliminary.problems, preliminary.plan);
  const pause = `import ${randomUUID()}`;
  try {
    const report = await db.$transaction(
      async (tx) => {
        // Written first, so the transaction holds the write lock while it checks the data.
        await pauseSearchSync(tx, pause);
        const { plan, problems } = await planImport(tx, read.table, options);
        if (problems.length > 0) throw new Refused(refused(file, problems, plan));
        const touched = await applyImportPlan(tx, plan, { userId: options.userId, fileName: file.fileName });
        await rebuildClaimSearch(tx, touched);
        await resumeSearchSync(tx, pause);
        await recordAudit(tx, {
          userId: options.userId,
          action: "import",
          entityType: "import",
          entityId: file.fileName,
          after: {
            file: file.fileName,
            sha256: createHash("sha256").update(file.bytes).digest("hex"),
            ...plan.summary,
            // What the file said and what was stored instead, for each close quote accepted.
            ...(plan.summary.closeQuotesAccepted > 0
              ? { closeQuotes: plan.closeQuotes.filter((close) => close.accepted).map(({ line, quote, suggestion }) => ({ line, quote, stored: suggestion.exact, start: suggestion.start, end: suggestion.end })) }
              : {}),
          },
        });
        return { fileName: file.fileName, ok: true, committed: true, problems: [], summary: plan.summary, closeQuotes: plan.closeQuotes };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_MAX_WAIT_MS },
    );
    // A large import can change the data's shape: refresh the planner's statistics
    // (PostgreSQL's autovacuum does this by itself).
    if (dialect === "sqlite") await db.$executeRawUnsafe("PRAGMA optimize");
    return report;
  } catch (error) {
    if (error instanceof Refused) return error.report;
    throw error;
  }
}

function refused(file: ImportFile, problems: ImportProblem[], plan: Pick<ImportPlan, "summary" | "closeQuotes"> | null): ImportReport {
  return { fileName: file.fileName, ok: false, committed: false, problems: sortProblems(problems, IMPORT_COLUMNS), summary: plan?.summary ?? null, closeQuotes: plan?.closeQuotes ?? [] };
}
