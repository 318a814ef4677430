import "server-only";
import { randomBytes } from "node:crypto";
import { APIError } from "better-auth/api";
import { auth, MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { fieldError } from "@/lib/errors";
import { findUser } from "@/lib/users/admin";

/*
 * Passwords after an account exists. Every change ends the user's other sessions: a
 * password changed because it leaked must not leave the leaked session signed in.
 * Hashing and session handling are better-auth's; the audit entry never holds a password.
 */

function checkLength(field: string, password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw fieldError(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
}

/**
 * A signed-in user changes their own password (better-auth's `changePassword`, which checks
 * the current one); every other session of theirs ends. Not better-auth's
 * `revokeOtherSessions: true`: that replaces this session too, and the page drawn after the
 * Server Action still carries the old cookie, so the user would look signed out.
 */
export async function changeOwnPassword(userId: string, requestHeaders: Headers, input: { currentPassword: string; newPassword: string }) {
  checkLength("newPassword", input.newPassword);
  if (input.newPassword === input.currentPassword) throw fieldError("newPassword", "must differ from your current password");
  const current = await auth.api.getSession({ headers: requestHeaders });
  if (!current || current.user.id !== userId) throw fieldError("currentPassword", "needs a signed-in session (API tokens cannot change a password)");
  try {
    await auth.api.changePassword({ headers: requestHeaders, body: { currentPassword: input.currentPassword, newPassword: input.newPassword } });
  } catch (error) {
    if (error instanceof APIError && error.body?.code === "INVALID_PASSWORD") throw fieldError("currentPassword", "is not your current password");
    throw error;
  }
  await prisma.$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { userId, NOT: { token: current.session.token } } });
    await tx.user.update({ where: { id: userId }, data: { mustChangePassword: false } });
    await recordAudit(tx, { userId, action: "change_password", entityType: "user", entityId: userId, after: { otherSessionsEnded: ended.count } });
  });
}

/**
 * Set someone's password without knowing the old one: an admin's reset (with
 * `mustChange`, a temporary password the user must replace when they next sign in) or the
 * operator's `npm run users -- set-password`. All their sessions end.
 */
export async function setUserPassword(actorId: string | null, emailOrId: string, password: string, { mustChange }: { mustChange: boolean }) {
  checkLength("password", password);
  const user = await findUser(emailOrId);
  const context = await auth.$context;
  const hash = await context.password.hash(password);
  if (await context.internalAdapter.findCredentialAccount(user.id)) await context.internalAdapter.updatePassword(user.id, hash);
  else await context.internalAdapter.createAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  await prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.user.update({ where: { id: user.id }, data: { mustChangePassword: mustChange } });
    await recordAudit(tx, { userId: actorId, action: "set_password", entityType: "user", entityId: user.id, after: { mustChangePassword: mustChange, sessionsEnded: true } });
  });
  return user;
}

/** A temporary password for an admin's reset: 18 random bytes, shown once to the admin. */
export function temporaryPassword(): string {
  return randomBytes(18).toString("base64url");
}
