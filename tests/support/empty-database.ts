import { dialect } from "@/lib/db/dialect";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { migrateDatabase } from "@/lib/db/migrate";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ensureDefaultStatuses } from "@/lib/seed/default-statuses";
import { ATTRIBUTION_COLUMNS, type AttributionColumn } from "@/lib/export/columns";
import { csvLines } from "@/lib/export/csv";
import type { ImportFile } from "@/lib/import/run-import";
import { TEST_DATA_DIR } from "@/tests/setup/paths";

/**
 * Fresh empty databases for tests that need more than the per-file seeded copy (the
 * round-trip property needs a new one per run): migrated once per test file into a
 * template with the default statuses and nothing else, then copied per use. Each comes
 * with its own Prisma client; the export side opens its own read-only connection on `file`.
 * Also: files to import and table counts, which the export and import tests share.
 */
export type TestDatabase = { file: string; prisma: PrismaClient; close(): Promise<void> };

let template: Promise<string> | null = null;
let counter = 0;

export function emptyDatabaseTemplate(): Promise<string> {
  template ??= (async () => {
    mkdirSync(TEST_DATA_DIR, { recursive: true });
    const file = path.join(TEST_DATA_DIR, `empty-${process.pid}-${Date.now()}.db`);
    migrateDatabase(`file:${file}`);
    const prisma = openPrisma(file);
    try {
      await prisma.$transaction((tx) => ensureDefaultStatuses(tx));
    } finally {
      await prisma.$disconnect();
    }
    return file;
  })();
  return template;
}

export function openPrisma(file: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
}

/** A new empty database (migrated, default statuses, no topics). */
export async function openEmptyDatabase(): Promise<TestDatabase> {
  return copyDatabase(await emptyDatabaseTemplate());
}

/** A private copy of any database file, e.g. the seeded per-file database. */
export function copyDatabase(source: string): TestDatabase {
  const file = path.join(TEST_DATA_DIR, `copy-${process.pid}-${Date.now()}-${++counter}.db`);
  copyFileSync(source, file);
  for (const suffix of ["-wal", "-shm"]) if (existsSync(`${source}${suffix}`)) copyFileSync(`${source}${suffix}`, `${file}${suffix}`);
  const prisma = openPrisma(file);
  return {
    file,
    prisma,
    async close() {
      await prisma.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/** Remove the template when the test file is done. */
export async function removeEmptyDatabaseTemplate(): Promise<void> {
  if (!template) return;
  const file = await template;
  template = null;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

export type CsvRow = Partial<Record<AttributionColumn, string>>;

/** An attributions.csv file written the way the export writes it (quoting, neutralising, CRLF). */
export function attributionsFile(rows: readonly CsvRow[], options: { columns?: readonly string[]; fileName?: string } = {}): ImportFile {
  const columns = options.columns ?? ATTRIBUTION_COLUMNS;
  const text = csvLines([columns, ...rows.map((row) => columns.map((column) => row[column as AttributionColumn] ?? ""))]);
  return { bytes: new TextEncoder().encode(text), fileName: options.fileName ?? "attributions.csv" };
}

/** Row counts of every table in the database (FTS shadow tables included), for "nothing changed" checks. */
export async function tableCounts(db: PrismaClient): Promise<Record<string, number>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    dialect === "postgresql"
      ? `SELECT "tablename"::text AS "name" FROM pg_tables WHERE "schemaname" = 'public' ORDER BY "tablename"`
      : `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}
