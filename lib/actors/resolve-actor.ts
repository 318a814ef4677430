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

/** The actor whose name or alias matches `name` (case and spacing ignored), if any. */
export async function findActorByNameOrAlias(tx: Tx, name: string): Promise<{ id: number } | null> {
  const key = normalizeKey(name);
  const byName = await tx.actor.findUnique({ where: { normalizedName: key }, select: { id: true } });
  if (byName) return byName;
  const byAlias = await tx.actorAlias.findUnique({ where: { normalizedAlias: key }, select: { actorId: true } });
  return byAlias ? { id: byAlias.actorId } : null;
}

/**
 * Match an actor by name or alias, or create one. A new actor without a known kind is
 * recorded as an organisation until someone says otherwise. Aliases that already
 * belong to another actor are skipped rather than stolen.
 */
export async function findOrCreateActor(tx: Tx, name: string, details: ActorDetails = {}): Promise<{ id: number; created: boolean }> {
  const existing = await findActorByNameOrAlias(tx, name);
  if (existing) return { id: existing.id, created: false };
  const displayName = tidyText(name);
  const actor = await tx.actor.create({
    data: {
      name: displayName,
      normalizedName: normalizeKey(displayName),
      kind: details.kind ?? "organisation",
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
