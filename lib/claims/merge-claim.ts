import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/roles";
import { ConflictError, fieldError, staleEdit } from "@/lib/errors";
import { claimSnapshot } from "@/lib/claims/claim-snapshot";
import type { ClaimMergeInput } from "@/lib/claims/schemas";

type Tx = Prisma.TransactionClient;

export type ClaimMergeResult = { id: number; mergedInto: number; movedAttributions: number; collapsedAttributions: number; verdict: string };

/**
 * Merge claim `claimId` into `input.into` (docs/decisions/056): its attributions (with
 * their via chains, accuracy histories and notes), its notes and its verdict history move
 * to the survivor; an attribution identical to one the survivor has (same source, actor,
 * stance and quote) collapses into it, its accuracy history and notes going along. When
 * the two verdicts differ, `input.verdict` says which stands. The merged claim leaves a
 * tombstone (the whole record as it was; the deletion feed lists it) and a ClaimMerge row
 * (its page and API redirect to the survivor), and the audit log records the merge. The
 * triggers recompute the survivor's derived columns and search document. One transaction:
 * a refusal (itself, a merged claim, a stale version) changes nothing.
 */
export async function mergeClaim(user: CurrentUser, claimId: number, input: ClaimMergeInput): Promise<ClaimMergeResult> {
  return prisma.$transaction(async (tx) => {
    const alreadyMerged = await tx.claimMerge.findUnique({ where: { claimId } });
    if (alreadyMerged) throw new ConflictError(`Claim ${claimId} was already merged into claim ${alreadyMerged.intoClaimId}. Nothing was changed.`);
    if (input.into === claimId) throw fieldError("into", "must be another claim: a claim cannot be merged into itself");
    const survivorMerged = await tx.claimMerge.findUnique({ where: { claimId: input.into } });
    if (survivorMerged) throw fieldError("into", `claim ${input.into} was itself merged into claim ${survivorMerged.intoClaimId}: merge into that one`);
    const { claim, record } = await claimSnapshot(tx, claimId);
    if (claim.version !== input.version) {
      throw staleEdit("claim", input.version, { version: claim.version, text: claim.text, topic: claim.topic.key, status: claim.status.key, updatedAt: claim.updatedAt.toISOString() });
    }
    const survivor = await tx.claim.findUnique({ where: { id: input.into }, select: { id: true, statusId: true, status: { select: { key: true } } } });
    if (!survivor) throw fieldError("into", `there is no claim ${input.into}`);
    const merged = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { statusId: true } });
    const verdictsDiffer = merged.statusId !== survivor.statusId;
    if (verdictsDiffer && input.verdict === undefined) {
      throw fieldError("verdict", `the two verdicts differ (${claim.status.key} here, ${survivor.status.key} on claim ${survivor.id}): say which stands, 'into' or 'merged'`);
    }

    const { moved, collapsed } = await moveAttributions(tx, claimId, survivor.id);
    // Notes on the claim itself (and replies) follow; notes on collapsed attributions were re-pointed above.
    await tx.annotation.updateMany({ where: { claimId }, data: { claimId: survivor.id } });
    await tx.statusChange.updateMany({ where: { claimId }, data: { claimId: survivor.id } });
    let verdict = survivor.status.key;
    if (verdictsDiffer && input.verdict === "merged") {
      verdict = claim.status.key;
      await tx.statusChange.create({
        data: { claimId: survivor.id, fromStatusId: survivor.statusId, toStatusId: merged.statusId, rationale: `Verdict of merged claim ${claimId} kept: ${input.rationale}`, userId: user.id },
      });
    }
    await tx.claim.update({
      where: { id: survivor.id },
      data: { version: { increment: 1 }, ...(verdict !== survivor.status.key ? { statusId: merged.statusId } : {}) },
    });
    const reason = `Merged into claim ${survivor.id}: ${input.rationale}`;
    await tx.claimTombstone.create({ data: { claimId, text: claim.text, topic: claim.topic.label, reason, deletedById: user.id, record: JSON.stringify(record) } });
    await tx.claimMerge.create({ data: { claimId, intoClaimId: survivor.id, rationale: input.rationale, mergedById: user.id } });
    await tx.claim.delete({ where: { id: claimId } });
    const result = { id: claimId, mergedInto: survivor.id, movedAttributions: moved, collapsedAttributions: collapsed, verdict };
    await recordAudit(tx, { userId: user.id, action: "merge", entityType: "claim", entityId: claimId, before: record, after: { ...result, rationale: input.rationale } });
    return result;
  });
}

/** Attributions of `fromId` to `intoId`; an identical one collapses into the survivor's, its history and notes moving along. */
async function moveAttributions(tx: Tx, fromId: number, intoId: number): Promise<{ moved: number; collapsed: number }> {
  const key = (a: { sourceId: number; actorId: number; stance: string; quote: string }) => JSON.stringify([a.sourceId, a.actorId, a.stance, a.quote]);
  const select = { id: true, sourceId: true, actorId: true, stance: true, quote: true } as const;
  const survivors = new Map((await tx.attribution.findMany({ where: { claimId: intoId }, select })).map((a) => [key(a), a.id]));
  let moved = 0;
  let collapsed = 0;
  for (const attribution of await tx.attribution.findMany({ where: { claimId: fromId }, select, orderBy: { id: "asc" } })) {
    const twin = survivors.get(key(attribution));
    if (twin === undefined) {
      await tx.attribution.update({ where: { id: attribution.id }, data: { claimId: intoId } });
      moved += 1;
      continue;
    }
    await tx.accuracyChange.updateMany({ where: { attributionId: attribution.id }, data: { attributionId: twin } });
    await tx.annotation.updateMany({ where: { attributionId: attribution.id }, data: { attributionId: twin, claimId: intoId } });
    await tx.attribution.delete({ where: { id: attribution.id } });
    collapsed += 1;
  }
  return { moved, collapsed };
}

/**
 * Where a merged claim lives now: the end of its chain of merges (a survivor may have been
 * merged in turn); null when `claimId` was never merged.
 */
export async function findMergeTarget(claimId: number): Promise<number | null> {
  let target: number | null = null;
  let current = claimId;
  for (let hop = 0; hop < 50; hop += 1) {
    const merge = await prisma.claimMerge.findUnique({ where: { claimId: current }, select: { intoClaimId: true } });
    if (!merge) break;
    target = merge.intoClaimId;
    current = merge.intoClaimId;
  }
  return target;
}
