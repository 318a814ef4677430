import "server-only";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { normalizeKey } from "@/lib/text/normalize";

/**
 * A second limit on sign-in attempts, per account rather than per client address:
 * better-auth's own limiter keys on the client's IP, which a client talking to the
 * server directly can vary (X-Forwarded-For). Counting per e-mail address caps password
 * guessing against one account whatever addresses the guesses come from.
 */
export const SIGN_IN_WINDOW_SECONDS = 60;

/** Count one attempt for `email`; false when the account is over its limit for this window. */
export async function allowSignInAttempt(email: string, now = Date.now()): Promise<boolean> {
  const key = `account|${normalizeKey(email)}`;
  const windowStart = BigInt(now - SIGN_IN_WINDOW_SECONDS * 1000);
  return prisma.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    if (!row || row.lastRequest < windowStart) {
      await tx.rateLimit.upsert({
        where: { key },
        create: { id: key, key, count: 1, lastRequest: BigInt(now) },
        update: { count: 1, lastRequest: BigInt(now) },
      });
      return true;
    }
    if (row.count >= env.AUTH_SIGN_IN_MAX_ATTEMPTS) return false;
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return true;
  });
}
