import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "create"
  | "update"
  | "delete"
  | "set_status"
  | "set_accuracy"
  | "import"
  | "set_role"
  | "set_name"
  | "disable"
  | "enable"
  | "create_token"
  | "revoke_token"
  | "merge"
  | "add_text"
  | "replace_text"
  | "change_password"
  | "set_password";

export type AuditEntry = {
  userId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/**
 * Record a write in the audit log, inside the same transaction as the write itself, so
 * the log can never disagree with the data.
 */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}
