import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import { ATTRIBUTION_SNAPSHOT } from "@/lib/claims/attribution-corrections";

type Tx = Prisma.TransactionClient;

/**
 * A claim as it was, whole (quotes, verdict history, notes), for the tombstone it leaves
 * when it is deleted or merged and for the audit entry of that write.
 */
export async function claimSnapshot(tx: Tx, claimId: number) {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      text: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      topic: { select: { key: true, label: true } },
      status: { select: { key: true, label: true } },
      attributions: {
        orderBy: { id: "asc" },
        select: {
          ...ATTRIBUTION_SNAPSHOT,
          source: { select: { id: true, title: true, outlet: true } },
          accuracyChanges: { orderBy: { id: "asc" }, select: { fromAccuracy: true, toAccuracy: true, rationale: true, userId: true, createdAt: true } },
        },
      },
      statusChanges: {
        orderBy: { id: "asc" },
        select: { fromStatus: { select: { key: true } }, toStatus: { select: { key: true } }, rationale: true, evidence: true, userId: true, createdAt: true },
      },
      annotations: { orderBy: { id: "asc" }, select: { id: true, attributionId: true, parentId: true, authorId: true, body: true, createdAt: true, deletedAt: true } },
    },
  });
  if (!claim) throw new NotFoundError(`No claim with id ${claimId}.`);
  const record = {
    ...claim,
    attributions: claim.attributions.map(({ via, ...attribution }) => ({ ...attribution, via: via.map((link) => link.actor) })),
    statusChanges: claim.statusChanges.map(({ fromStatus, toStatus, ...change }) => ({ ...change, from: fromStatus?.key ?? null, to: toStatus.key })),
  };
  return { claim, record };
}
