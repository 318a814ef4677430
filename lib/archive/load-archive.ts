import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import Database from "better-sqlite3";
import { ARCHIVE_VERSION, ArchiveError, headerSchema, rowLineSchema, trailerSchema, type ArchiveHeader, type ArchiveRow, type ArchiveTrailer } from "@/lib/archive/format";
import { appliedMigrations, idSequences } from "@/lib/archive/sqlite-facts";
import { columnsOf, USER_TABLE } from "@/lib/archive/tables";
import { rebuildAllClaimSearchSync } from "@/lib/search/rebuild";

export type LoadSummary = { rows: Record<string, number>; withAccounts: boolean; durationMs: number; auditRenumbered: boolean };

const PAUSE_REASON = "archive load";
/** Replaced by the archive's own rows: a new database's default verdict vocabulary. */
const REPLACED_TABLES = new Set(["Status"]);
/** May already hold rows: the archive's entries go after them, in their order. */
const APPENDED_TABLES = new Set(["AuditLog"]);
/** Everything a person kept by display name needs to be a valid account row that cannot sign in. */
const PERSON_DEFAULTS = { role: "viewer", banned: 1, banReason: "Loaded from an archive made without accounts" };

/**
 * Load an archive into the database at `databaseFile`, which must be migrated and hold no
 * claim data: all or nothing, in one transaction (a bad line, a file cut short or a broken
 * reference rolls everything back). The search index and derived columns are rebuilt from
 * the loaded rows; the id counters are set as the archived database had them.
 */
export async function loadArchive(archiveFile: string, databaseFile: string): Promise<LoadSummary> {
  const started = performance.now();
  if (!existsSync(archiveFile)) throw new ArchiveError(`${archiveFile} does not exist.`);
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 10_000 });
  const lines = createInterface({ input: createReadStream(archiveFile).pipe(createGunzip()), crlfDelay: Infinity });
  let transaction = false;
  try {
    db.pragma("foreign_keys = OFF");
    const iterator = lines[Symbol.asyncIterator]();
    const header = parseHeader(await readLine(iterator, 1));
    checkSchema(header, appliedMigrations(db));

    db.exec("BEGIN IMMEDIATE");
    transaction = true;
    const target = prepareTarget(db, header);
    db.prepare(`INSERT INTO "search_sync_pause" ("reason") VALUES (?)`).run(PAUSE_REASON);

    const rows: Record<string, number> = Object.fromEntries(header.tables.map((table) => [table.name, 0]));
    let trailer: ArchiveTrailer | null = null;
    for (let lineNumber = 2; ; lineNumber++) {
      const next = await iterator.next();
      if (next.done) break;
      if (trailer) throw new ArchiveError(`Line ${lineNumber}: the archive goes on after its last line.`);
      const value = parseJson(next.value, lineNumber);
      if (value !== null && typeof value === "object" && "end" in value) {
        trailer = parseWith(trailerSchema, value, lineNumber, "the last line");
        continue;
      }
      const line = parseRowLine(value, lineNumber);
      const insert = target.inserts.get(line.table);
      if (!insert) throw new ArchiveError(`Line ${lineNumber}: table "${line.table}" is not in the archive's header.`);
      insert(line.row, lineNumber);
      rows[line.table]! += 1;
    }
    if (!trailer) throw new ArchiveError("The archive is incomplete: it ends before its last line (was the file cut short?). Nothing was loaded.");
    for (const [table, count] of Object.entries(trailer.rows)) {
      if (rows[table] !== count) throw new ArchiveError(`The archive says it holds ${count} rows of ${table} but holds ${rows[table] ?? 0}. Nothing was loaded.`);
    }

    rebuildAllClaimSearchSync(db);
    db.prepare(`DELETE FROM "search_sync_pause" WHERE "reason" = ?`).run(PAUSE_REASON);
    restoreSequences(db, trailer.sequences);
    const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
    if (broken.length > 0) throw new ArchiveError(`The archive's rows refer to rows it does not hold (${broken.length}, e.g. ${broken[0]!.table} → ${broken[0]!.parent}). Nothing was loaded.`);
    db.exec("COMMIT");
    transaction = false;
    db.pragma("optimize = 0x10002");
    return { rows, withAccounts: header.withAccounts, durationMs: Math.round(performance.now() - started), auditRenumbered: target.auditRenumbered };
  } catch (error) {
    if (transaction) db.exec("ROLLBACK");
    throw translateReadError(error, archiveFile);
  } finally {
    lines.close();
    db.pragma("foreign_keys = ON");
    db.close();
  }
}

async function readLine(iterator: AsyncIterator<string>, lineNumber: number): Promise<string> {
  const next = await iterator.next();
  if (next.done) throw new ArchiveError(`Line ${lineNumber}: the archive is empty.`);
  return next.value;
}

function parseJson(text: string, lineNumber: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ArchiveError(`Line ${lineNumber} is not JSON: the file is damaged or not a Claimtrail archive.`);
  }
}

function parseWith<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, lineNumber: number, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ArchiveError(`Line ${lineNumber} is not ${what} of a Claimtrail archive (${issue.path.map(String).join(".") || "line"}: ${issue.message}).`);
}

/**
 * A row line, checked by hand: the same rules as rowLineSchema (lib/archive/format.ts),
 * which costs a fifth of the load time when run on a million lines.
 */
function parseRowLine(value: unknown, lineNumber: number): ArchiveRow {
  const line = value as Partial<ArchiveRow> | null;
  const row = line?.row;
  const cellsOk = row !== null && typeof row === "object" && !Array.isArray(row) && Object.values(row).every((cell) => cell === null || typeof cell === "string" || typeof cell === "number");
  if (typeof line?.table !== "string" || !cellsOk) return parseWith(rowLineSchema, value, lineNumber, "a row");
  return line as ArchiveRow;
}

function parseHeader(text: string): ArchiveHeader {
  const value = parseJson(text, 1);
  const version = value !== null && typeof value === "object" && "version" in value ? (value as { version: unknown }).version : undefined;
  if (typeof version === "number" && version > ARCHIVE_VERSION) {
    throw new ArchiveError(`This archive has format version ${version}; this Claimtrail reads versions up to ${ARCHIVE_VERSION}. Update Claimtrail to load it.`);
  }
  return parseWith(headerSchema, value, 1, "the header");
}

/** The archive's rows must fit this database: every migration it was made with must be applied here. */
function checkSchema(header: ArchiveHeader, applied: readonly string[]): void {
  const unknown = header.migrations.filter((name) => !applied.includes(name));
  if (unknown.length > 0) {
    throw new ArchiveError(`This archive was made by a newer Claimtrail (migrations ${unknown.join(", ")} are not applied to this database); update Claimtrail to load it.`);
  }
}

type Target = { inserts: Map<string, (row: Record<string, string | number | null>, lineNumber: number) => void>; auditRenumbered: boolean };

/** Check the database is empty where it must be, clear what the archive replaces, and prepare one INSERT per table. */
function prepareTarget(db: Database.Database, header: ArchiveHeader): Target {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  const present = new Set(db.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'table'`).pluck().all() as string[]);
  const occupied = header.tables
    .filter((table) => present.has(table.name) && !REPLACED_TABLES.has(table.name) && !APPENDED_TABLES.has(table.name))
    .filter((table) => table.name !== USER_TABLE || header.withAccounts)
    .map((table) => ({ table: table.name, rows: count(table.name) }))
    .filter((entry) => entry.rows > 0);
  if (occupied.length > 0) {
    const accounts = header.withAccounts && occupied.some((entry) => entry.table === USER_TABLE);
    throw new ArchiveError(
      `The database is not empty (${occupied.map((entry) => `${entry.table}: ${entry.rows}`).join(", ")}). ` +
        (accounts ? "An archive with accounts loads only into a database with no accounts. " : "") +
        "Load an archive into a new database: point DATABASE_URL at a new file and run this before the first npm start.",
    );
  }
  for (const table of REPLACED_TABLES) db.prepare(`DELETE FROM "${table}"`).run();
  const auditRenumbered = present.has("AuditLog") && count("AuditLog") > 0;

  const inserts: Target["inserts"] = new Map();
  for (const table of header.tables) {
    if (!present.has(table.name)) throw new ArchiveError(`This database has no table "${table.name}", which the archive holds.`);
    const known = new Set(columnsOf(db, table.name));
    const missing = table.columns.filter((column) => !known.has(column));
    if (missing.length > 0) throw new ArchiveError(`This database's table ${table.name} has no column ${missing.join(", ")}, which the archive holds.`);
    const columns = table.name === "AuditLog" && auditRenumbered ? table.columns.filter((column) => column !== "id") : [...table.columns];
    const person = table.name === USER_TABLE && !header.withAccounts;
    const statement = db.prepare(insertStatement(table.name, columns, person));
    inserts.set(table.name, (row, lineNumber) => {
      const values = columns.map((column) => (column in row ? row[column]! : null));
      // The made-up address is built from the id, bound once more.
      if (person) values.push(row.id ?? null);
      try {
        statement.run(...values);
      } catch (error) {
        throw new ArchiveError(`Line ${lineNumber}: the ${table.name} row cannot be stored (${(error as Error).message}). Nothing was loaded.`);
      }
    });
  }
  return { inserts, auditRenumbered };
}

function insertStatement(table: string, columns: readonly string[], person: boolean): string {
  const names = columns.map((column) => `"${column}"`);
  const values = columns.map(() => "?");
  if (person) {
    // A person kept by name only: an account nobody can sign in to, with an address that cannot receive mail.
    // An account with this id already here (a reload into the same server) is kept as it is.
    return `INSERT OR IGNORE INTO "${table}" (${[...names, '"email"', '"role"', '"banned"', '"banReason"'].join(", ")})
      VALUES (${[...values, `'archived-' || ? || '@accounts.invalid'`, `'${PERSON_DEFAULTS.role}'`, String(PERSON_DEFAULTS.banned), `'${PERSON_DEFAULTS.banReason}'`].join(", ")})`;
  }
  return `INSERT INTO "${table}" (${names.join(", ")}) VALUES (${values.join(", ")})`;
}

/** Id counters as high as the archived database had them, so ids it retired are never given again. */
function restoreSequences(db: Database.Database, sequences: Record<string, number>): void {
  const current = idSequences(db);
  const update = db.prepare(`UPDATE sqlite_sequence SET "seq" = ? WHERE "name" = ?`);
  const insert = db.prepare(`INSERT INTO sqlite_sequence ("name", "seq") VALUES (?, ?)`);
  for (const [table, seq] of Object.entries(sequences)) {
    if (!(table in current)) insert.run(table, seq);
    else if (current[table]! < seq) update.run(seq, table);
  }
}

function translateReadError(error: unknown, file: string): unknown {
  if (error instanceof ArchiveError) return error;
  const code = (error as { code?: string }).code;
  if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR" || code === "ERR_INVALID_ARG_TYPE") {
    return new ArchiveError(`${file} is not a gzipped Claimtrail archive, or it is damaged (${(error as Error).message}). Nothing was loaded.`);
  }
  return error;
}
