import { databaseKindOf, env } from "@/lib/env";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";

/**
 * Stop a tool that works on the SQLite file itself (backup, restore, archive) when
 * DATABASE_URL names PostgreSQL, saying what to use there instead (docs/deploy.md).
 */
export function requireSqlite(command: string, instead: string): void {
  if (databaseKindOf(env.DATABASE_URL) === "postgresql") {
    throw new DatabaseUnavailableError(`npm run ${command} works on the SQLite file; DATABASE_URL names PostgreSQL: ${instead}`);
  }
}
