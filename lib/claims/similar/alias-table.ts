import { aliasTokens } from "@/lib/claims/similar/words";

/** Alias word sequences by their first word, longest first, each with the actor name's words. */
export type AliasTable = ReadonlyMap<string, readonly { from: readonly string[]; to: readonly string[] }[]>;

export function buildAliasTable(rows: readonly { alias: string; name: string }[]): AliasTable {
  const table = new Map<string, { from: string[]; to: string[] }[]>();
  for (const row of rows) {
    const from = aliasTokens(row.alias);
    const to = aliasTokens(row.name);
    if (from.length === 0 || to.length === 0 || from.join(" ") === to.join(" ")) continue;
    const list = table.get(from[0]!) ?? [];
    list.push({ from, to });
    table.set(from[0]!, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.from.length - a.from.length);
  return table;
}
