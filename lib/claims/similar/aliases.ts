import "server-only";
import { sql } from "@/lib/db/sql";
import type { SqlReader } from "@/lib/db/reader";
import { buildAliasTable, type AliasTable } from "@/lib/claims/similar/alias-table";

export type { AliasTable };

/**
 * Every known alias of an actor, as the words the matcher replaces by the actor's name:
 * "Kim Jong-un" or "Ким Чен Ын" in a new quote meets "Kim Jong Un" in a stored claim.
 * Read per request: the table is small (one row per alias) and corrections change it.
 */
export async function loadAliasTable(reader: SqlReader): Promise<AliasTable> {
  const rows = await reader.all<{ alias: string; name: string }>(
    sql`SELECT al."alias" AS "alias", ac."name" AS "name" FROM "ActorAlias" al JOIN "Actor" ac ON ac."id" = al."actorId"`,
  );
  return buildAliasTable(rows);
}
