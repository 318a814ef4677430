import "server-only";
import { prisma } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/roles";
import { ConflictError, fieldError, NotFoundError, StaleVersionError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeKey } from "@/lib/text/normalize";
import { unknownKey } from "@/lib/text/text-schema";
import { INITIAL_STATUS_KEY } from "@/lib/vocabulary/default-statuses";
import { writeAttribution } from "@/lib/claims/write-attribution";
import type { AccuracyChangeInput, AttributionInput, ClaimEdit, ClaimInput, StatusChangeInput } from "@/lib/claims/schemas";

type Tx = Prisma.TransactionClient;

async function topicIdByKey(tx: Tx, key: string): Promise<number> {
  const topic = await tx.topic.findUnique({ where: { key }, select: { id: true } });
  if (!topic) throw fieldError("topic", unknownKey("topic", key, (await tx.topic.findMany({ select: { key: true } })).map((t) => t.key)));
  return topic.id;
}

async function assertNoDuplicate(tx: Tx, topicId: number, text: string, exceptId?: number) {
  const existing = await tx.claim.findUnique({ where: { topicId_normalizedText: { topicId, normalizedText: normalizeKey(text) } }, select: { id: true } });
  if (existing && existing.id !== exceptId) {
    throw new ConflictError(`A claim with this text already exists in this topic (claim ${existing.id}); add an attribution to it instead.`, {
      existingClaimId: existing.id,
      fieldErrors: { text: [`already recorded as claim ${existing.id}`] },
    });
  }
}

/** A new claim with its first attributions, all or nothing. It starts unreviewed. */
export async function createClaim(user: CurrentUser, input: ClaimInput) {
  return prisma.$transaction(async (tx) => {
    const topicId = await topicIdByKey(tx, input.topic);
    await assertNoDuplicate(tx, topicId, input.text);
    const status = await tx.status.findUniqueOrThrow({ where: { key: INITIAL_STATUS_KEY }, select: { id: true } });
    const claim = await tx.claim.create({
      data: { text: input.text, normalizedText: normalizeKey(input.text), topicId, statusId: status.id },
      select: { id: true, text: true, topicId: true, statusId: true, version: true },
    });
    const attributions = [];
    for (const [index, attribution] of input.attributions.entries()) {
      attributions.push(await writeAttribution(tx, claim.id, attribution, `attributions.${index}`));
    }
    await recordAudit(tx, { userId: user.id, action: "create", entityType: "claim", entityId: claim.id, after: { ...claim, attributions } });
    return claim;
  });
}

export async function addAttribution(user: CurrentUser, claimId: number, input: AttributionInput) {
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } });
    if (!claim) throw new NotFoundError(`No claim with id ${claimId}.`);
    const attribution = await writeAttribution(tx, claimId, input);
    await recordAudit(tx, { userId: user.id, action: "create", entityType: "attribution", entityId: attribution.id, after: attribution });
    return attribution;
  });
}

/** How a claim stands now, for the message that explains a refused stale edit. */
async function currentClaimState(tx: Tx, claimId: number) {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      version: true,
      text: true,
      updatedAt: true,
      topic: { select: { key: true } },
      status: { select: { key: true, label: true } },
      statusChanges: {
        orderBy: { id: "desc" },
        take: 1,
        select: { createdAt: true, rationale: true, toStatus: { select: { label: true } }, user: { select: { name: true, email: true } } },
      },
    },
  });
  if (!claim) throw new NotFoundError(`No claim with id ${claimId}.`);
  const last = claim.statusChanges[0];
  return {
    version: claim.version,
    text: claim.text,
    topic: claim.topic.key,
    status: claim.status.key,
    statusLabel: claim.status.label,
    updatedAt: claim.updatedAt.toISOString(),
    lastStatusChange: last
      ? { to: last.toStatus.label, by: last.user?.name ?? last.user?.email ?? "someone", at: last.createdAt.toISOString(), rationale: last.rationale }
      : null,
  };
}

/**
 * Set a claim's verdict. Refused (409, nothing written) when the claim changed since
 * `version`; the refusal carries how it looks now so the user can decide again.
 */
export async function setClaimStatus(user: CurrentUser, claimId: number, input: StatusChangeInput) {
  return prisma.$transaction(async (tx) => {
    const status = await tx.status.findUnique({ where: { key: input.status }, select: { id: true, key: true } });
    if (!status) throw fieldError("status", unknownKey("status", input.status, (await tx.status.findMany({ select: { key: true } })).map((s) => s.key)));
    const before = await tx.claim.findUnique({ where: { id: claimId }, select: { statusId: true, version: true, status: { select: { key: true } } } });
    if (!before) throw new NotFoundError(`No claim with id ${claimId}.`);
    const updated = await tx.claim.updateMany({ where: { id: claimId, version: input.version }, data: { statusId: status.id, version: { increment: 1 } } });
    if (updated.count === 0) {
      throw new StaleVersionError(
        `This claim was changed by someone else (you edited version ${input.version}, it is now version ${before.version}). Nothing was saved.`,
        await currentClaimState(tx, claimId),
      );
    }
    await tx.statusChange.create({
      data: { claimId, fromStatusId: before.statusId, toStatusId: status.id, rationale: input.rationale, evidence: JSON.stringify(input.evidence), userId: user.id },
    });
    const after = { status: status.key, version: input.version + 1, rationale: input.rationale, evidence: input.evidence };
    await recordAudit(tx, { userId: user.id, action: "set_status", entityType: "claim", entityId: claimId, before: { status: before.status.key, version: before.version }, after });
    return { id: claimId, ...after };
  });
}

/** Edit a claim's wording or topic, with the same stale-version protection. */
export async function updateClaim(user: CurrentUser, claimId: number, input: ClaimEdit) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.claim.findUnique({ where: { id: claimId }, select: { text: true, version: true, topic: { select: { key: true } } } });
    if (!before) throw new NotFoundError(`No claim with id ${claimId}.`);
    const topicId = await topicIdByKey(tx, input.topic);
    await assertNoDuplicate(tx, topicId, input.text, claimId);
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version: input.version },
      data: { text: input.text, normalizedText: normalizeKey(input.text), topicId, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new StaleVersionError(
        `This claim was changed by someone else (you edited version ${input.version}, it is now version ${before.version}). Nothing was saved.`,
        await currentClaimState(tx, claimId),
      );
    }
    const after = { text: input.text, topic: input.topic, version: input.version + 1 };
    await recordAudit(tx, { userId: user.id, action: "update", entityType: "claim", entityId: claimId, before: { text: before.text, topic: before.topic.key, version: before.version }, after });
    return { id: claimId, ...after };
  });
}

/** Mark whether the actor really said it, with the same stale-version protection. */
export async function setAttributionAccuracy(user: CurrentUser, attributionId: number, input: AccuracyChangeInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.attribution.findUnique({ where: { id: attributionId }, select: { accuracy: true, version: true, claimId: true, updatedAt: true } });
    if (!before) throw new NotFoundError(`No attribution with id ${attributionId}.`);
    const updated = await tx.attribution.updateMany({ where: { id: attributionId, version: input.version }, data: { accuracy: input.accuracy, version: { increment: 1 } } });
    if (updated.count === 0) {
      const last = await tx.accuracyChange.findFirst({
        where: { attributionId },
        orderBy: { id: "desc" },
        select: { toAccuracy: true, rationale: true, createdAt: true, user: { select: { name: true, email: true } } },
      });
      throw new StaleVersionError(
        `This attribution was changed by someone else (you edited version ${input.version}, it is now version ${before.version}). Nothing was saved.`,
        {
          version: before.version,
          accuracy: before.accuracy,
          updatedAt: before.updatedAt.toISOString(),
          lastAccuracyChange: last ? { to: last.toAccuracy, by: last.user?.name ?? last.user?.email ?? "someone", at: last.createdAt.toISOString(), rationale: last.rationale } : null,
        },
      );
    }
    await tx.accuracyChange.create({ data: { attributionId, fromAccuracy: before.accuracy, toAccuracy: input.accuracy, rationale: input.rationale, userId: user.id } });
    const after = { accuracy: input.accuracy, version: input.version + 1, rationale: input.rationale };
    await recordAudit(tx, { userId: user.id, action: "set_accuracy", entityType: "attribution", entityId: attributionId, before: { accuracy: before.accuracy, version: before.version }, after });
    return { id: attributionId, claimId: before.claimId, ...after };
  });
}
