import "server-only";
import { prisma } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { fieldError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/roles";
import { sha256Hex } from "@/lib/text/sha256";
import type { SourceInput } from "@/lib/sources/schemas";

/** Store a pasted article as a snapshot. A URL identifies one source: pasting it twice is refused. */
export async function createSource(user: CurrentUser, input: SourceInput) {
  return prisma.$transaction(async (tx) => {
    if (input.url) {
      const existing = await tx.source.findUnique({ where: { url: input.url }, select: { id: true } });
      if (existing) throw fieldError("url", `a source with this address is already stored (source ${existing.id})`);
    }
    const source = await tx.source.create({
      data: {
        ...sourceDetailColumns(input),
        text: input.text,
        textSha256: sha256Hex(input.text),
      },
      select: { id: true, title: true, outlet: true, url: true, author: true, publishedAt: true, textSha256: true, createdAt: true },
    });
    await recordAudit(tx, { userId: user.id, action: "create", entityType: "source", entityId: source.id, after: { ...source, textLength: input.text.length } });
    return source;
  });
}

/** A source's descriptive columns from its input (new or corrected): everything but the text. */
export function sourceDetailColumns(input: Omit<SourceInput, "text">) {
  return {
    title: input.title,
    outlet: input.outlet,
    url: input.url ?? null,
    author: input.author ?? null,
    publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
  };
}
