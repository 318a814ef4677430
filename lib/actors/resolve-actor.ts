import { findInChunks } from "@/lib/db/chunks";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeKey, tidyText } from "@/lib/text/normalize";
import type { ActorKind } from "@/lib/vocabulary/terms";

type Tx = Prisma.TransactionClient;

export type ActorDetails = {
  kind?: ActorKind;
  role?: string | null;
  affiliation?: string | null;
  aliases?: readonly string[];
};

export type StoredActor = { id: number; name: string; kind: string };

/**
 * The rule that matches a name to an actor: its comparison key (lib/text/normalize.ts) is
 * an actor's name, else one of its aliases. Many names at once, keyed by comparison key
 * (the importer's batches); `findActorByNameOrAlias` asks for one.
 */
export async function findActorsByNameOrAlias(tx: Tx, names: Iterable<string>): Promise<Map<string, StoredActor>> {
  const keys = [...names].map(normalizeKey);
  const select = { id: true, name: true, kind: true } as const;
  const byName = await findInChunks(keys, (chunk) => tx.actor.findMany({ where: { normalizedName: { in: chunk } }, select: { ...select, normalizedName: true } }));
  const byAlias = await findInChunks(keys, (chunk) => tx.actorAlias.findMany({ where: { normalizedAlias: { in: chunk } }, select: { normalizedAlias: true, actor: { select } } }));
  const found = new Map<string, StoredActor>();
  for (const alias of byAlias) found.set(alias.normalizedAlias, alias.actor);
  // A name wins over an alias: set last.
  for (const { normalizedName, ...actor } of byName) found.set(normalizedName, actor);
  return found;
}

/** The actor whose name or alias matches `name` (case and spacing ignored), if any. */
export async function findActorByNameOrAlias(tx: Tx, name: string): Promise<{ id: number } | null> {
  return (await findActorsByNameOrAlias(tx, [name])).get(normalizeKey(name)) ?? null;
}

/** A new actor's stored fields: the name tidied for display, its comparison key, and its kind (an organisation until someone says otherwise). */
export function newActorFields(name: string, kind: ActorKind | null | undefined) {
  const displayName = tidyText(name);
  return { name: displayName, normalizedName: normalizeKey(displayName), kind: kind ?? "organisation" };
}

/**
 * Match an actor by name or alias, or create one. A new actor without a known kind is
 * recorded as an organisation until someone says otherwise. Aliases that already
 * belong to another actor are skipped rather than stolen.
 */
export async function findOrCreateActor(tx: Tx, name: string, details: ActorDetails = {}): Promise<{ id: number; created: boolean }> {
  const existing = await findActorByNameOrAlias(tx, name);
  if (existing) return { id: existing.id, created: false };
  const actor = await tx.actor.create({
    data: {
      ...newActorFields(name, details.kind),
      role: details.role ?? null,
      affiliation: details.affiliation ?? null,
    },
    select: { id: true },
  });
  for (const alias of details.aliases ?? []) await addAliasIfFree(tx, actor.id, alias);
  return { id: actor.id, created: true };
}

/** Give an actor an alias unless that name already identifies someone. */
export async function addAliasIfFree(tx: Tx, actorId: number, alias: string): Promise<boolean> {
  const key = normalizeKey(alias);
  if (await findActorByNameOrAlias(tx, key)) return false;
  await tx.actorAlias.create({ data: { actorId, alias: tidyText(alias), normalizedAlias: key } });
  return true;
}
