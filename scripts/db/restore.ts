/**
 * `npm run db:restore -- FILE`: replace the database at DATABASE_URL with the backup FILE.
 * STOP THE SERVER FIRST. See USAGE for what is checked and in which order.
 */
import { env, sqliteFilePath } from "@/lib/env";
import { BackupError, restoreDatabase } from "@/lib/db/backup";
import { parseFileCommand } from "../shared/file-command";
import { runCommand } from "../shared/run-command";
import { requireSqlite } from "../shared/require-sqlite";

const USAGE = `Usage: npm run db:restore -- FILE

Replaces the database named by DATABASE_URL (now ${env.DATABASE_URL}) with the backup FILE
made by \`npm run db:backup\`.

The server must be stopped first. A running server keeps the old database file open and
would go on reading and writing it after the swap, losing those writes; so the restore
refuses while any other process has the database open, and the server must not be started
until it has finished.

Steps:
  1. FILE is checked: a SQLite database, PRAGMA integrity_check ok, the Claimtrail tables
     and migrations table, and no migration unknown to this code. Anything else is refused.
  2. It is copied next to the database, checked again, switched to WAL and fsynced.
  3. The current database is kept as <database>.before-restore-<time> (a hard link), its
     -wal and -shm files are removed, and the copy is renamed over it in one atomic step.
Then start the server (\`npm start\`), which applies any migration the backup predates.`;

async function main(argv: string[]): Promise<number> {
  requireSqlite("db:restore", "use pg_restore (docs/deploy.md).");
  const command = parseFileCommand(argv, USAGE);
  if ("exitCode" in command) return command.exitCode;
  const target = sqliteFilePath(env.DATABASE_URL);
  const result = await restoreDatabase(command.file, target);
  console.log(`Restored ${result.claims} claims into ${target} from ${command.file}.`);
  if (result.previous) console.log(`The database it replaced is kept as ${result.previous}; delete it once you are satisfied.`);
  if (result.pendingMigrations.length > 0) console.log(`The backup predates ${result.pendingMigrations.length} migration(s); \`npm start\` applies them.`);
  return 0;
}

runCommand(() => main(process.argv.slice(2)), {
  describeError: (error) => (error instanceof BackupError ? `Restore refused: ${error.message}` : null),
});
