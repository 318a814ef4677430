import "server-only";
import { prisma } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/roles";
import { ConflictError, fieldError, InvalidInputError, NotFoundError, staleEdit, type FieldErrors } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeKey, tidyText } from "@/lib/text/normalize";
import { findActorByNameOrAlias } from "@/lib/actors/resolve-actor";
import type { ActorEdit, ActorMerge } from "@/lib/actors/schemas";

type Tx = Prisma.TransactionClient;

/** An actor with its aliases, for audit entries and stale-edit refusals. */
export async function actorState(tx: Tx, actorId: number) {
  const row = await tx.actor.findUnique({
    where: { id: actorId },
    select: { id: true, name: true, kind: true, role: true, affiliation: true, version: true, updatedAt: true, aliases: { orderBy: { id: "asc" }, select: { alias: true } } },
  });
  if (!row) throw new NotFoundError(`No actor with id ${actorId}.`);
  const { aliases, updatedAt, ...rest } = row;
  return { ...rest, aliases: aliases.map((a) => a.alias), updatedAt: updatedAt.toISOString() };
}

/** Refused when `name` already identifies another actor: two actors would answer to one name. */
async function assertNameFree(tx: Tx, actorId: number, name: string, field: string) {
  const owner = await findActorByNameOrAlias(tx, name);
  if (owner && owner.id !== actorId) {
    const message = `"${tidyText(name)}" is already actor ${owner.id}'s name or alias; merge the two actors instead`;
    throw new ConflictError(`${field}: ${message}`, { fieldErrors: { [field]: [message] }, actorId: owner.id });
  }
}

/**
 * Rename an actor, change its kind or role, and replace its aliases. A name or alias
 * already used by another actor is refused: those are one actor under two spellings,
 * which is what merging is for. Refused (409) when the actor changed since `version`.
 */
export async function updateActor(user: CurrentUser, actorId: number, input: ActorEdit) {
  return prisma.$transaction(async (tx) => {
    const before = await actorState(tx, actorId);
    if (before.version !== input.version) throw staleEdit("actor", input.version, before);
    const name = tidyText(input.name);
    await assertNameFree(tx, actorId, name, "name");
    const aliases = new Map<string, string>();
    const problems: FieldErrors = {};
    for (const [index, alias] of input.aliases.entries()) {
      const key = normalizeKey(alias);
      if (key === normalizeKey(name) || aliases.has(key)) continue;
      const owner = await findActorByNameOrAlias(tx, alias);
      if (owner && owner.id !== actorId) problems[`aliases.${index}`] = [`"${tidyText(alias)}" is already actor ${owner.id}'s name or alias; merge the two actors instead`];
      aliases.set(key, tidyText(alias));
    }
    if (Object.keys(problems).length > 0) throw new InvalidInputError(`aliases: ${Object.values(problems).flat().join("; ")}`, problems);
    const updated = await tx.actor.updateMany({
      where: { id: actorId, version: input.version },
      data: { name, normalizedName: normalizeKey(name), kind: input.kind, role: input.role, version: { increment: 1 } },
    });
    if (updated.count === 0) throw staleEdit("actor", input.version, await actorState(tx, actorId));
    await tx.actorAlias.deleteMany({ where: { actorId } });
    await tx.actorAlias.createMany({ data: [...aliases].map(([normalizedAlias, alias]) => ({ actorId, alias, normalizedAlias })) });
    const after = await actorState(tx, actorId);
    await recordAudit(tx, { userId: user.id, action: "update", entityType: "actor", entityId: actorId, before, after });
    return after;
  });
}

/**
 * Merge actor `actorId` into `input.into`: two spellings of one actor become one. Its
 * attributions and via-links move to the other actor, its name and aliases become the
 * other's aliases (so imports and the actor field still find it), and it is removed.
 * Both actors as they were are kept in the audit entries (one on each), so the merge can
 * be traced and, by hand, undone.
 */
export async function mergeActors(user: CurrentUser, actorId: number, input: ActorMerge) {
  if (actorId === input.into) throw fieldError("into", "is the same actor: choose another one to merge into");
  return prisma.$transaction(async (tx) => {
    const merged = await actorState(tx, actorId);
    if (merged.version !== input.version) throw staleEdit("actor", input.version, merged);
    const target = await tx.actor.findUnique({ where: { id: input.into }, select: { id: true } });
    if (!target) throw fieldError("into", `no actor with id ${input.into}`);
    const kept = await actorState(tx, input.into);
    if (kept.version !== input.intoVersion) throw staleEdit("actor", input.intoVersion, kept);

    const attributions = await tx.attribution.updateMany({ where: { actorId }, data: { actorId: input.into } });
    const viaLinks = await tx.attributionVia.updateMany({ where: { actorId }, data: { actorId: input.into } });
    await tx.actorAlias.updateMany({ where: { actorId }, data: { actorId: input.into } });
    await tx.actor.delete({ where: { id: actorId } });
    if (normalizeKey(merged.name) !== normalizeKey(kept.name)) {
      await tx.actorAlias.create({ data: { actorId: input.into, alias: merged.name, normalizedAlias: normalizeKey(merged.name) } });
    }
    await tx.actor.update({ where: { id: input.into }, data: { version: { increment: 1 }, role: kept.role ?? merged.role, affiliation: kept.affiliation ?? merged.affiliation } });
    const after = await actorState(tx, input.into);
    const moved = { attributions: attributions.count, viaLinks: viaLinks.count };
    await recordAudit(tx, { userId: user.id, action: "merge", entityType: "actor", entityId: actorId, before: merged, after: { mergedInto: input.into, moved } });
    await recordAudit(tx, { userId: user.id, action: "merge", entityType: "actor", entityId: input.into, before: kept, after: { ...after, mergedFrom: merged, moved } });
    return { actor: after, mergedFrom: actorId, moved };
  });
}

/** The actor a removed actor was merged into, so its old address can lead there. */
export async function mergedInto(actorId: number): Promise<number | null> {
  const entry = await prisma.auditLog.findFirst({ where: { action: "merge", entityType: "actor", entityId: String(actorId) }, orderBy: { id: "desc" }, select: { after: true } });
  if (!entry?.after) return null;
  const after = JSON.parse(entry.after) as { mergedInto?: number };
  return typeof after.mergedInto === "number" ? after.mergedInto : null;
}
