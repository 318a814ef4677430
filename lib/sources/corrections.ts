import "server-only";
import { prisma } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/roles";
import { fieldError, NotFoundError, staleEdit } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sha256Hex } from "@/lib/text/sha256";
import { sourceDetailColumns } from "@/lib/sources/mutations";
import { reanchorSourceQuotes } from "@/lib/sources/reanchor-quotes";
import type { SourceDetailsEdit, SourceTextEdit } from "@/lib/sources/schemas";

type Tx = Prisma.TransactionClient;

/** A source's details as stored (without its text), for audit entries and stale-edit refusals. */
async function sourceState(tx: Tx, sourceId: number) {
  const row = await tx.source.findUnique({
    where: { id: sourceId },
    select: { id: true, title: true, outlet: true, url: true, author: true, publishedAt: true, textSha256: true, version: true, updatedAt: true, text: true },
  });
  if (!row) throw new NotFoundError(`No source with id ${sourceId}.`);
  const { text, publishedAt, updatedAt, ...rest } = row;
  return { ...rest, publishedAt: publishedAt?.toISOString() ?? null, updatedAt: updatedAt.toISOString(), textLength: text.length };
}

/** Correct a source's title, outlet, address, author or date. Its text and quotes are untouched. */
export async function updateSourceDetails(user: CurrentUser, sourceId: number, input: SourceDetailsEdit) {
  return prisma.$transaction(async (tx) => {
    const before = await sourceState(tx, sourceId);
    if (before.version !== input.version) throw staleEdit("source", input.version, before);
    if (input.url) {
      const existing = await tx.source.findUnique({ where: { url: input.url }, select: { id: true } });
      if (existing && existing.id !== sourceId) throw fieldError("url", `a source with this address is already stored (source ${existing.id})`);
    }
    const updated = await tx.source.updateMany({
      where: { id: sourceId, version: input.version },
      data: { ...sourceDetailColumns(input), version: { increment: 1 } },
    });
    if (updated.count === 0) throw staleEdit("source", input.version, await sourceState(tx, sourceId));
    const after = await sourceState(tx, sourceId);
    await recordAudit(tx, { userId: user.id, action: "update", entityType: "source", entityId: sourceId, before, after });
    return after;
  });
}

/**
 * Store a source's article text (for one stored without it) or a corrected copy, and
 * re-anchor every quote of the source in it. The outcome of each quote is returned and
 * kept in the audit entry, which the source page reads to list the quotes that moved,
 * changed or could not be placed.
 */
export async function setSourceText(user: CurrentUser, sourceId: number, input: SourceTextEdit) {
  return prisma.$transaction(async (tx) => {
    const before = await sourceState(tx, sourceId);
    if (before.version !== input.version) throw staleEdit("source", input.version, before);
    const updated = await tx.source.updateMany({
      where: { id: sourceId, version: input.version },
      data: { text: input.text, textSha256: sha256Hex(input.text), version: { increment: 1 } },
    });
    if (updated.count === 0) throw staleEdit("source", input.version, await sourceState(tx, sourceId));
    const quotes = await reanchorSourceQuotes(tx, sourceId, input.text);
    const after = await sourceState(tx, sourceId);
    await recordAudit(tx, {
      userId: user.id,
      action: before.textLength === 0 ? "add_text" : "replace_text",
      entityType: "source",
      entityId: sourceId,
      before,
      after: { ...after, quotes },
    });
    return { source: after, quotes };
  });
}
