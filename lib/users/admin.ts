import "server-only";
import { APIError } from "better-auth/api";
import { auth, MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, fieldError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/auth/roles";
import { ACCOUNT_FIELD_LIMITS } from "@/lib/auth/auth";
import { hasControlCharacter } from "@/lib/text/control-characters";
import { normalizeKey, tidyText } from "@/lib/text/normalize";

/**
 * A display name is how notes, verdicts and the audit log say who did something, so it
 * must not pass for someone else: never another account's e-mail address or name
 * (compared ignoring case and spacing), at most 100 characters, one line. Returns the
 * tidied name.
 */
export async function checkDisplayName(name: string, exceptUserId: string | null = null): Promise<string> {
  const tidy = tidyText(name);
  if (tidy === "") throw fieldError("name", "is required");
  if (tidy.length > ACCOUNT_FIELD_LIMITS.name) throw fieldError("name", `must be at most ${ACCOUNT_FIELD_LIMITS.name} characters`);
  if (hasControlCharacter(name.replace(/[\t\n\r]/g, " "))) throw fieldError("name", "must not contain control characters");
  const key = normalizeKey(tidy);
  const others = await prisma.user.findMany({ where: exceptUserId ? { id: { not: exceptUserId } } : {}, select: { email: true, name: true } });
  if (others.some((other) => normalizeKey(other.email) === key || normalizeKey(other.name) === key)) {
    throw fieldError("name", "is another account's e-mail address or name");
  }
  return tidy;
}

/**
 * Account management shared by the admin pages and the `npm run users` command line.
 * `actorId` is the admin doing it (null for the command line, which has shell access).
 */
export async function createUserAccount(actorId: string | null, input: { email: string; name?: string; role: Role; password: string }) {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw fieldError("password", `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const email = input.email.trim().toLowerCase();
  const name = input.name?.trim() ? await checkDisplayName(input.name) : email;
  try {
    const { user } = await auth.api.createUser({ body: { email, name, password: input.password, role: input.role } });
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

/** Change an account's display name (admins and the command line only; see checkDisplayName). */
export async function setUserName(actorId: string | null, emailOrId: string, name: string) {
  const user = await findUser(emailOrId);
  const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } });
  const tidy = await checkDisplayName(name, user.id);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { name: tidy } });
    await recordAudit(tx, { userId: actorId, action: "set_name", entityType: "user", entityId: user.id, before: { name: before.name }, after: { name: tidy } });
  });
  return { ...user, name: tidy };
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
