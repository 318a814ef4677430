/**
 * `npm run db:archive -- FILE [--with-accounts] [--force]`: the whole database at
 * DATABASE_URL as one gzipped JSON Lines file (docs/archive.md), for a partner, a new
 * server or safekeeping. Taken while the server keeps running.
 */
import path from "node:path";
import { env, sqliteFilePath } from "@/lib/env";
import { ArchiveError } from "@/lib/archive/format";
import { writeArchive } from "@/lib/archive/write-archive";
import { parseFileCommand } from "../shared/file-command";
import { runCommand } from "../shared/run-command";
import { requireSqlite } from "../shared/require-sqlite";

const USAGE = `Usage: npm run db:archive -- FILE [--with-accounts] [--force]

Writes everything in the database named by DATABASE_URL (now ${env.DATABASE_URL}) to FILE,
a gzipped JSON Lines archive (docs/archive.md): sources with their full text, actors,
topics, statuses, claims, attributions with their quotes' positions, histories, notes and
the audit log. People are kept by display name only, unless --with-accounts adds the login
accounts (e-mail addresses, password hashes, API tokens): keep such a file as safe as the
database. An existing FILE is replaced only with --force.

Load it into a new database with: npm run db:unarchive -- FILE`;

async function main(argv: string[]): Promise<number> {
  requireSqlite("db:archive", "copy it to a SQLite file with npm run db:copy -- --from, then archive that (docs/deploy.md).");
  const command = parseFileCommand(argv, USAGE, ["with-accounts", "force"]);
  if ("exitCode" in command) return command.exitCode;
  const target = path.resolve(command.file);
  const result = await writeArchive(sqliteFilePath(env.DATABASE_URL), target, { withAccounts: command.flags["with-accounts"], overwrite: command.flags.force });
  const total = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
  console.log(`Archived ${total} rows (${result.rows.Claim ?? 0} claims) to ${result.file}: ${(result.bytes / 1024 / 1024).toFixed(1)} MiB in ${result.durationMs} ms.`);
  return 0;
}

runCommand(() => main(process.argv.slice(2)), {
  describeError: (error) => (error instanceof ArchiveError ? `Archive failed: ${error.message}` : null),
});
