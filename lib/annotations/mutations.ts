import "server-only";
import { prisma } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleCan, type CurrentUser } from "@/lib/auth/roles";
import { fieldError, ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { lastChange, overwriteOf, type StoredField } from "@/lib/audit/stale-edit";
import type { AnnotationEdit, AnnotationInput } from "@/lib/annotations/schemas";

const ANNOTATION_FIELDS = { id: true, claimId: true, attributionId: true, parentId: true, authorId: true, body: true, version: true, createdAt: true, updatedAt: true } as const;

/** A note on a claim, or on one of its attributions, or a reply to another note on the same claim. */
export async function addAnnotation(user: CurrentUser, claimId: number, input: AnnotationInput) {
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } });
    if (!claim) throw new NotFoundError(`No claim with id ${claimId}.`);
    if (input.attributionId !== undefined) {
      const attribution = await tx.attribution.findUnique({ where: { id: input.attributionId }, select: { claimId: true } });
      if (attribution?.claimId !== claimId) throw fieldError("attributionId", `claim ${claimId} has no attribution ${input.attributionId}`);
    }
    let attributionId = input.attributionId;
    if (input.parentId !== undefined) {
      const parent = await tx.annotation.findUnique({ where: { id: input.parentId }, select: { claimId: true, attributionId: true } });
      if (parent?.claimId !== claimId) throw fieldError("parentId", `claim ${claimId} has no note ${input.parentId}`);
      // A reply belongs where its parent does.
      attributionId = parent.attributionId ?? undefined;
    }
    const annotation = await tx.annotation.create({
      data: { claimId, attributionId: attributionId ?? null, parentId: input.parentId ?? null, authorId: user.id, body: input.body },
      select: ANNOTATION_FIELDS,
    });
    await recordAudit(tx, { userId: user.id, action: "create", entityType: "annotation", entityId: annotation.id, after: annotation });
    return annotation;
  });
}

async function loadOwned(tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0], id: number) {
  const annotation = await tx.annotation.findUnique({ where: { id }, select: { ...ANNOTATION_FIELDS, deletedAt: true } });
  if (!annotation || annotation.deletedAt) throw new NotFoundError(`No note with id ${id}.`);
  return annotation;
}

/** Only the author edits a note; a stale edit is refused with the current text. */
export async function editAnnotation(user: CurrentUser, id: number, input: AnnotationEdit) {
  return prisma.$transaction(async (tx) => {
    const before = await loadOwned(tx, id);
    if (before.authorId !== user.id) throw new ForbiddenError("Only the author of a note can edit it.");
    const updated = await tx.annotation.updateMany({ where: { id, version: input.version, deletedAt: null }, data: { body: input.body, version: { increment: 1 } } });
    if (updated.count === 0) {
      throw new StaleVersionError(`This note was changed since you opened it (version ${input.version}, now ${before.version}). Nothing was saved.`, {
        version: before.version,
        body: before.body,
        updatedAt: before.updatedAt.toISOString(),
        ...(await lastChange(tx, "annotation", id)),
        fields: { body: { label: "Note", value: before.body, shown: before.body } } satisfies Record<string, StoredField>,
      });
    }
    const after = await tx.annotation.findUniqueOrThrow({ where: { id }, select: ANNOTATION_FIELDS });
    await recordAudit(tx, { userId: user.id, action: "update", entityType: "annotation", entityId: id, before, after: { ...after, ...overwriteOf(input) } });
    return after;
  });
}

/**
 * The author or an admin deletes a note. It stays as a tombstone so that replies keep
 * their thread; its text is kept in the audit log.
 */
export async function deleteAnnotation(user: CurrentUser, id: number) {
  return prisma.$transaction(async (tx) => {
    const before = await loadOwned(tx, id);
    if (before.authorId !== user.id && !roleCan(user.role, "admin")) throw new ForbiddenError("Only the author of a note or an admin can delete it.");
    await tx.annotation.update({ where: { id }, data: { body: "", deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, { userId: user.id, action: "delete", entityType: "annotation", entityId: id, before });
    return { id, claimId: before.claimId };
  });
}
