import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldError } from "@/lib/errors";

/**
 * One editable field of a record as it is stored now: `value` as a form sends it (a key),
 * `shown` as people read it (a label), so a refused stale edit can set both side by side.
 */
export type StoredField = { label: string; value: string; shown: string };

/** Who made the record's latest change, from the audit log (the one place every write is in). */
export async function lastChange(tx: Prisma.TransactionClient, entityType: string, entityId: number | string) {
  const entry = await tx.auditLog.findFirst({
    where: { entityType, entityId: String(entityId) },
    orderBy: { id: "desc" },
    select: { createdAt: true, user: { select: { name: true, email: true } } },
  });
  return entry ? { changedBy: entry.user?.name || entry.user?.email || "someone", changedAt: entry.createdAt.toISOString() } : {};
}

/**
 * The `after` addition of an edit that deliberately replaced a colleague's version ("keep
 * mine" after a refused stale edit): `overwrite` names the version the user saw and chose
 * to replace, and can only be the version the edit is based on.
 */
export function overwriteOf(input: { version: number; overwrite?: number }): { overwrote?: number } {
  if (input.overwrite === undefined) return {};
  if (input.overwrite !== input.version) throw fieldError("overwrite", `must be the version you are replacing (${input.version})`);
  return { overwrote: input.overwrite };
}
