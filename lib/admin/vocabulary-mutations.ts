import "server-only";
import { prisma } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/roles";
import { fieldError, NotFoundError } from "@/lib/errors";
import type { StatusDefinitionInput } from "@/lib/admin/schemas";

/** Statuses and topics are records an admin extends; keys are permanent because URLs and exports use them. */
export async function createStatus(user: CurrentUser, input: StatusDefinitionInput & { key: string }) {
  return prisma.$transaction(async (tx) => {
    if (await tx.status.findUnique({ where: { key: input.key } })) throw fieldError("key", `a status "${input.key}" already exists`);
    const status = await tx.status.create({ data: input });
    await recordAudit(tx, { userId: user.id, action: "create", entityType: "status", entityId: status.key, after: status });
    return status;
  });
}

export async function updateStatus(user: CurrentUser, key: string, input: StatusDefinitionInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.status.findUnique({ where: { key } });
    if (!before) throw new NotFoundError(`No status "${key}".`);
    const after = await tx.status.update({ where: { key }, data: input });
    await recordAudit(tx, { userId: user.id, action: "update", entityType: "status", entityId: key, before, after });
    return after;
  });
}

export async function createTopic(user: CurrentUser, input: { key: string; label: string; description: string | null }) {
  return prisma.$transaction(async (tx) => {
    if (await tx.topic.findUnique({ where: { key: input.key } })) throw fieldError("key", `a topic "${input.key}" already exists`);
    const topic = await tx.topic.create({ data: input });
    await recordAudit(tx, { userId: user.id, action: "create", entityType: "topic", entityId: topic.key, after: topic });
    return topic;
  });
}

export async function updateTopic(user: CurrentUser, key: string, input: { label: string; description: string | null }) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.topic.findUnique({ where: { key } });
    if (!before) throw new NotFoundError(`No topic "${key}".`);
    const after = await tx.topic.update({ where: { key }, data: input });
    await recordAudit(tx, { userId: user.id, action: "update", entityType: "topic", entityId: key, before, after });
    return after;
  });
}
