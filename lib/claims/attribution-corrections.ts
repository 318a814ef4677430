import "server-only";
import { prisma } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/roles";
import { ConflictError, NotFoundError, staleEdit } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { attributionColumns } from "@/lib/claims/write-attribution";
import type { AttributionEdit } from "@/lib/claims/schemas";

type Tx = Prisma.TransactionClient;

/** The columns of an attribution kept when it is corrected or removed: names, not ids. */
export const ATTRIBUTION_SNAPSHOT = {
  id: true,
  stance: true,
  verb: true,
  sourcing: true,
  actorRole: true,
  accuracy: true,
  quote: true,
  quoteStart: true,
  quoteEnd: true,
  actor: { select: { id: true, name: true } },
  via: { orderBy: { position: "asc" }, select: { actor: { select: { id: true, name: true } } } },
} satisfies Prisma.AttributionSelect;

/**
 * An attribution as a person reads it (names, not ids): the `before` and `after` of its
 * audit entries, and the `current` of a refused stale correction.
 */
export async function attributionState(tx: Tx, attributionId: number) {
  const row = await tx.attribution.findUnique({
    where: { id: attributionId },
    select: { ...ATTRIBUTION_SNAPSHOT, claimId: true, sourceId: true, version: true, updatedAt: true },
  });
  if (!row) throw new NotFoundError(`No attribution with id ${attributionId}.`);
  const { actor, via, updatedAt, ...rest } = row;
  return { ...rest, actor: actor.name, via: via.map((link) => link.actor.name), updatedAt: updatedAt.toISOString() };
}

/**
 * Correct an attribution: who, stance, verb, sourcing, role, via-chain and quote. The quote
 * is anchored again in its source's text exactly as when it was first saved (checked at
 * its offsets, or found once), so a correction can never store words the article does
 * not hold. Refused (409, nothing written) when the attribution changed since `version`.
 */
export async function updateAttribution(user: CurrentUser, attributionId: number, input: AttributionEdit) {
  return prisma.$transaction(async (tx) => {
    const before = await attributionState(tx, attributionId);
    if (before.version !== input.version) throw staleEdit("attribution", input.version, before);
    const source = await tx.source.findUniqueOrThrow({ where: { id: before.sourceId }, select: { text: true } });
    const { columns, viaIds } = await attributionColumns(tx, source.text, input);
    const updated = await tx.attribution.updateMany({ where: { id: attributionId, version: input.version }, data: { ...columns, version: { increment: 1 } } });
    if (updated.count === 0) throw staleEdit("attribution", input.version, await attributionState(tx, attributionId));
    await tx.attributionVia.deleteMany({ where: { attributionId } });
    await tx.attributionVia.createMany({ data: viaIds.map((viaActorId, position) => ({ attributionId, position, actorId: viaActorId })) });
    const after = await attributionState(tx, attributionId);
    await recordAudit(tx, { userId: user.id, action: "update", entityType: "attribution", entityId: attributionId, before, after });
    return after;
  });
}

/**
 * Remove an attribution. Its notes stay with the claim (they are detached, not deleted),
 * and the whole attribution, with its accuracy history, is kept in the audit entry. A
 * claim's last attribution cannot be removed: a claim is only ever recorded as someone's
 * words (an admin can delete the claim instead).
 */
export async function removeAttribution(user: CurrentUser, attributionId: number, version: number) {
  return prisma.$transaction(async (tx) => {
    const before = await attributionState(tx, attributionId);
    if (before.version !== version) throw staleEdit("attribution", version, before);
    const siblings = await tx.attribution.count({ where: { claimId: before.claimId } });
    if (siblings <= 1) {
      throw new ConflictError("This is the claim's only attribution: a claim needs at least one. Add the right one first, or ask an admin to delete the claim.", {
        fieldErrors: { attribution: ["is the claim's only attribution"] },
      });
    }
    const accuracyHistory = await tx.accuracyChange.findMany({
      where: { attributionId },
      orderBy: { id: "asc" },
      select: { fromAccuracy: true, toAccuracy: true, rationale: true, userId: true, createdAt: true },
    });
    const notesDetached = await tx.annotation.updateMany({ where: { attributionId }, data: { attributionId: null } });
    const removed = await tx.attribution.deleteMany({ where: { id: attributionId, version } });
    if (removed.count === 0) throw staleEdit("attribution", version, await attributionState(tx, attributionId));
    await recordAudit(tx, {
      userId: user.id,
      action: "delete",
      entityType: "attribution",
      entityId: attributionId,
      before: { ...before, accuracyHistory },
      after: { notesKeptOnClaim: notesDetached.count },
    });
    return { id: attributionId, claimId: before.claimId };
  });
}

/** An attribution with its claim's words and its source's title, for the correction page. */
export async function getAttributionForEditing(attributionId: number) {
  const state = await attributionState(prisma, attributionId).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!state) return null;
  const [claim, source] = await Promise.all([
    prisma.claim.findUniqueOrThrow({ where: { id: state.claimId }, select: { text: true, _count: { select: { attributions: true } } } }),
    prisma.source.findUniqueOrThrow({ where: { id: state.sourceId }, select: { title: true } }),
  ]);
  return { ...state, claimText: claim.text, siblingCount: claim._count.attributions, sourceTitle: source.title };
}
