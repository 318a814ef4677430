import "server-only";
import { sql } from "@/lib/db/sql";
import type { SqlReader } from "@/lib/db/reader";
import { buildAliasTable, type AliasTable } from "@/lib/claims/similar/alias-table";

export type { AliasTable };

const ALIASES = sql`SELECT al."alias" AS "alias", ac."name" AS "name" FROM "ActorAlias" al JOIN "Actor" ac ON ac."id" = al."actorId"`;

/** Built tables by the rows they were built from: the shared reader hands back the same rows until the database changes. */
const built = new WeakMap<object, AliasTable>();

/**
 * Every known alias of an actor, as the words the matcher replaces by the actor's name:
 * "Kim Jong-un" or "Ким Чен Ын" in a new quote meets "Kim Jong Un" in a stored claim.
 * Through the shared reader the table is read once per change of the database (and the
 * same table object comes back, which keys the matcher's cache of analysed texts).
 */
export async function loadAliasTable(reader: SqlReader): Promise<AliasTable> {
  const rows = await reader.allUntilChanged<{ alias: string; name: string }>(ALIASES);
  let table = built.get(rows);
  if (!table) {
    table = buildAliasTable(rows);
    built.set(rows, table);
  }
  return table;
}
