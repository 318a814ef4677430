/**
 * `npm run db:copy -- --to URL` copies the database at DATABASE_URL into the one at URL;
 * `--from URL` copies the one at URL into DATABASE_URL's. Either side may be SQLite or
 * PostgreSQL (lib/db/copy.ts, docs/deploy.md).
 */
import { env, parseEnv } from "@/lib/env";
import { copyDatabase } from "@/lib/db/copy";
import { migrateAnyDatabase } from "@/lib/db/migrate";
import { parseCommandLine, USAGE_EXIT_CODE } from "../shared/command-line";
import { runCommand } from "../shared/run-command";

const USAGE = `Usage: npm run db:copy -- --to URL     copy DATABASE_URL's database into URL's
       npm run db:copy -- --from URL   copy URL's database into DATABASE_URL's

Copies everything (sources, actors, claims, attributions, histories, notes, accounts, API
tokens, the audit log) with its ids, in one transaction on the target. Either side may be a
SQLite file URL (file:./data/claimtrail.db) or a PostgreSQL URL (postgresql://user@host/db).
The target is migrated first and must hold no data: a new file, or a new PostgreSQL
database (createdb). DATABASE_URL is now ${env.DATABASE_URL}.`;

async function main(argv: string[]): Promise<number> {
  const commandLine = parseCommandLine(argv, USAGE, { to: { type: "string" }, from: { type: "string" } });
  if ("exitCode" in commandLine) return commandLine.exitCode;
  const { to, from } = commandLine.values;
  if (Boolean(to) === Boolean(from)) {
    console.error(`Give exactly one of --to and --from.\n${USAGE}`);
    return USAGE_EXIT_CODE;
  }
  const other = (to ?? from)!;
  // The other database's URL must be one DATABASE_URL could hold.
  parseEnv({ DATABASE_URL: other });
  const [source, target] = to ? [env.DATABASE_URL, other] : [other, env.DATABASE_URL];
  await migrateAnyDatabase(source);
  await migrateAnyDatabase(target);
  const result = await copyDatabase(source, target);
  const total = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
  console.log(`Copied ${total} rows (${result.rows.Claim ?? 0} claims, ${result.rows.Attribution ?? 0} attributions) in ${result.durationMs} ms.`);
  return 0;
}

runCommand(() => main(process.argv.slice(2)));
