import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_STATUSES, INITIAL_STATUS_KEY } from "@/lib/vocabulary/default-statuses";

/** Create the default verdict vocabulary where missing; never overwrite an admin's edits. */
export async function ensureDefaultStatuses(tx: Prisma.TransactionClient): Promise<void> {
  for (const [index, status] of DEFAULT_STATUSES.entries()) {
    await tx.status.upsert({
      where: { key: status.key },
      create: { ...status, sortOrder: index },
      update: {},
    });
  }
}

export async function initialStatusId(tx: Prisma.TransactionClient): Promise<number> {
  const status = await tx.status.findUnique({ where: { key: INITIAL_STATUS_KEY }, select: { id: true } });
  if (!status) throw new Error(`The status "${INITIAL_STATUS_KEY}" is missing`);
  return status.id;
}
