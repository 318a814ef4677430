/**
 * `npm run db:backup -- FILE [--force]`: a consistent copy of the database at
 * DATABASE_URL, taken while the server keeps running (SQLite's online backup API, all
 * pages in one read transaction: the copy is the database as of one commit, and writers
 * are not held up). FILE may be a folder: the copy is then named claimtrail-<time>.db.
 * The result is a single self-contained SQLite file; restore it with `npm run db:restore`.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { env, sqliteFilePath } from "@/lib/env";
import { backupDatabase, BackupError, fileTimestamp } from "@/lib/db/backup";
import { parseFileCommand } from "../shared/file-command";
import { runCommand } from "../shared/run-command";
import { requireSqlite } from "../shared/require-sqlite";

const USAGE = `Usage: npm run db:backup -- FILE [--force]

Copies the database named by DATABASE_URL (now ${env.DATABASE_URL}) to FILE, consistently,
while the server keeps running: no need to stop it. FILE may be an existing folder, in which
case the copy is named claimtrail-<UTC time>.db inside it. An existing file is not replaced
unless --force is given. The copy is checked (integrity_check, Claimtrail migrations) before
it is given its final name, so FILE only ever holds a complete backup.

Restore with: npm run db:restore -- FILE   (the server must be stopped for that).`;

async function main(argv: string[]): Promise<number> {
  requireSqlite("db:backup", "use pg_dump (docs/deploy.md).");
  const command = parseFileCommand(argv, USAGE, ["force"]);
  if ("exitCode" in command) return command.exitCode;
  let target = path.resolve(command.file);
  if (existsSync(target) && statSync(target).isDirectory()) {
    target = path.join(target, `claimtrail-${fileTimestamp()}.db`);
  }
  const result = await backupDatabase(sqliteFilePath(env.DATABASE_URL), target, { overwrite: command.flags.force });
  console.log(
    `Backed up ${sqliteFilePath(env.DATABASE_URL)} to ${result.file}: ${result.claims} claims, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB, ` +
      `${result.migrations.length} migrations, in ${result.durationMs} ms.`,
  );
  return 0;
}

runCommand(() => main(process.argv.slice(2)), {
  describeError: (error) => (error instanceof BackupError ? `Backup failed: ${error.message}` : null),
});
