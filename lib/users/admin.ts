import "server-only";
import { APIError } from "better-auth/api";
import { auth, MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, fieldError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/auth/roles";

/**
 * Account management shared by the admin pages and the `npm run users` command line.
 * `actorId` is the admin doing it (null for the command line, which has shell access).
 */
export async function createUserAccount(actorId: string | null, input: { email: string; name?: string; role: Role; password: string }) {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw fieldError("password", `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const email = input.email.trim().toLowerCase();
  try {
    const { user } = await auth.api.createUser({ body: { email, name: input.name?.trim() || email, password: input.password, role: input.role } });
    await prisma.$transaction((tx) => recordAudit(tx, { userId: actorId, action: "create", entityType: "user", entityId: user.id, after: { email, role: input.role } }));
    return { id: user.id, email: user.email, role: input.role };
  } catch (error) {
    if (error instanceof APIError && error.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      throw new ConflictError(`An account for ${email} already exists.`, { fieldErrors: { email: ["already has an account"] } });
    }
    throw error;
  }
}

async function findUser(emailOrId: string) {
  const user = await prisma.user.findFirst({ where: { OR: [{ id: emailOrId }, { email: emailOrId.trim().toLowerCase() }] }, select: { id: true, email: true, role: true, banned: true } });
  if (!user) throw new NotFoundError(`No account for ${emailOrId}.`);
  return user;
}

export async function setUserRole(actorId: string | null, emailOrId: string, role: Role) {
  const user = await findUser(emailOrId);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, { userId: actorId, action: "set_role", entityType: "user", entityId: user.id, before: { role: user.role }, after: { role } });
  });
  return { ...user, role };
}

/**
 * Disable an account: it can no longer sign in, its open sessions end and its API tokens
 * stop working (they are checked against `banned`). Reversible with enableUser.
 */
export async function disableUser(actorId: string | null, emailOrId: string) {
  const user = await findUser(emailOrId);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { banned: true, banReason: "disabled by an administrator" } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { userId: actorId, action: "disable", entityType: "user", entityId: user.id, before: { banned: user.banned ?? false }, after: { banned: true } });
  });
  return { ...user, banned: true };
}

export async function enableUser(actorId: string | null, emailOrId: string) {
  const user = await findUser(emailOrId);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { banned: false, banReason: null } });
    await recordAudit(tx, { userId: actorId, action: "enable", entityType: "user", entityId: user.id, before: { banned: user.banned ?? false }, after: { banned: false } });
  });
  return { ...user, banned: false };
}

export async function listUsers() {
  return prisma.user.findMany({
    select: { id: true, email: true, name: true, role: true, banned: true, mustChangePassword: true, createdAt: true, _count: { select: { apiTokens: { where: { revokedAt: null } } } } },
    orderBy: { email: "asc" },
  });
}

export { findUser };
