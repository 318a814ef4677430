/**
 * `npm run db:unarchive -- FILE`: load an archive made by `npm run db:archive` into the
 * database at DATABASE_URL, which must hold no claim data (a new file: run this before the
 * first `npm start`, which would otherwise load the example article). All or nothing.
 */
import path from "node:path";
import { env, sqliteFilePath } from "@/lib/env";
import { ArchiveError } from "@/lib/archive/format";
import { loadArchive } from "@/lib/archive/load-archive";
import { ensureMigrated } from "@/lib/db/migrate";
import { parseFileCommand } from "../shared/file-command";
import { runCommand } from "../shared/run-command";
import { requireSqlite } from "../shared/require-sqlite";

const USAGE = `Usage: npm run db:unarchive -- FILE

Loads FILE, an archive made by npm run db:archive (docs/archive.md), into the database named
by DATABASE_URL (now ${env.DATABASE_URL}), creating and migrating it when needed. The
database must hold no claims, sources, actors or topics: point DATABASE_URL at a new file
and run this before the first npm start. Everything is loaded in one transaction: a damaged,
incomplete or newer archive changes nothing.`;

async function main(argv: string[]): Promise<number> {
  requireSqlite("db:unarchive", "unarchive into a SQLite file, then copy it with npm run db:copy -- --to (docs/deploy.md).");
  const command = parseFileCommand(argv, USAGE);
  if ("exitCode" in command) return command.exitCode;
  ensureMigrated(env.DATABASE_URL);
  const result = await loadArchive(path.resolve(command.file), sqliteFilePath(env.DATABASE_URL));
  const total = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
  console.log(
    `Loaded ${total} rows (${result.rows.Claim ?? 0} claims) in ${result.durationMs} ms` +
      `${result.withAccounts ? ", accounts included" : "; people are kept by display name and cannot sign in (the archive has no accounts)"}` +
      `${result.auditRenumbered ? "; the audit entries were numbered after the ones already here" : ""}.`,
  );
  return 0;
}

runCommand(() => main(process.argv.slice(2)), {
  describeError: (error) => (error instanceof ArchiveError ? `Unarchive failed: ${error.message}` : null),
});
