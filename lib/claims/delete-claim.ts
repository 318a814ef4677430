import "server-only";
import { prisma } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/roles";
import { staleEdit } from "@/lib/errors";
import type { ClaimDelete } from "@/lib/claims/schemas";
import { claimSnapshot } from "@/lib/claims/claim-snapshot";

/**
 * An admin deletes a claim (a duplicate, a test, something that should never have been
 * recorded). Its rows go, but a tombstone takes its place: the id stays taken, /claims/[id]
 * and the API say who deleted it, when and why, and the whole record as it was (quotes,
 * verdict history, notes) is kept on the tombstone and in the audit log
 * (docs/decisions/013). Refused (409) when the claim changed since `version`.
 */
export async function deleteClaim(user: CurrentUser, claimId: number, input: ClaimDelete) {
  return prisma.$transaction(async (tx) => {
    const { claim, record } = await claimSnapshot(tx, claimId);
    if (claim.version !== input.version) {
      throw staleEdit("claim", input.version, { version: claim.version, text: claim.text, topic: claim.topic.key, status: claim.status.key, updatedAt: claim.updatedAt.toISOString() });
    }
    const tombstone = await tx.claimTombstone.create({
      data: { claimId, text: claim.text, topic: claim.topic.label, reason: input.reason, deletedById: user.id, record: JSON.stringify(record) },
      select: { claimId: true, deletedAt: true },
    });
    // Replies point at their parent without a cascade: remove the notes before the claim.
    await tx.annotation.deleteMany({ where: { claimId } });
    await tx.claim.delete({ where: { id: claimId } });
    await recordAudit(tx, { userId: user.id, action: "delete", entityType: "claim", entityId: claimId, before: record, after: { tombstone: true, reason: input.reason } });
    return { id: claimId, deleted: true, reason: input.reason, deletedAt: tombstone.deletedAt.toISOString() };
  });
}

export type ClaimTombstoneView = { claimId: number; text: string; topic: string; reason: string; deletedAt: string; deletedBy: string | null };

/** What is left of a deleted claim, for its page and GET /api/claims/[id]; null if it was never deleted. */
export async function findClaimTombstone(claimId: number): Promise<ClaimTombstoneView | null> {
  const row = await prisma.claimTombstone.findUnique({
    where: { claimId },
    select: { claimId: true, text: true, topic: true, reason: true, deletedAt: true, deletedBy: { select: { name: true, email: true } } },
  });
  if (!row) return null;
  return { claimId: row.claimId, text: row.text, topic: row.topic, reason: row.reason, deletedAt: row.deletedAt.toISOString(), deletedBy: row.deletedBy?.name ?? row.deletedBy?.email ?? null };
}
