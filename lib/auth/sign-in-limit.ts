import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { normalizeKey } from "@/lib/text/normalize";

/**
 * Sign-in limits beyond better-auth's per-client rule (which allows
 * AUTH_SIGN_IN_MAX_ATTEMPTS a minute from one client address, whatever the account):
 *
 * - per account and client: the same number of attempts a minute on one account from one
 *   address; past it, that address gets 429 for that account until the minute is over;
 * - per account, from every address together: past the same number, each further attempt
 *   is slowed (half a second, doubling, at most eight seconds) but never refused. Guessing
 *   from many addresses gets slower and slower, while the account's owner, signing in from
 *   an address that has not been guessing, still gets in: a stranger cannot lock anyone out.
 *
 * The client address is the one Claimtrail's server stamps from the socket
 * (lib/http/client-address.ts), never a header the client chose.
 */
export const SIGN_IN_WINDOW_SECONDS = 60;
export const SIGN_IN_BACKOFF_FIRST_MS = 500;
export const SIGN_IN_BACKOFF_MAX_MS = 8_000;

export type SignInDecision = { allowed: false } | { allowed: true; delayMs: number };

/** Count one attempt on `email` from `client` and decide whether it may go ahead, and after how long a wait. */
export async function decideSignInAttempt(email: string, client: string, now = Date.now()): Promise<SignInDecision> {
  const account = `account|${normalizeKey(email)}`;
  const fromClient = await countAttempt(`${account}|${client}`, now);
  if (fromClient > env.AUTH_SIGN_IN_MAX_ATTEMPTS) return { allowed: false };
  const overall = await countAttempt(account, now);
  const over = overall - env.AUTH_SIGN_IN_MAX_ATTEMPTS;
  return { allowed: true, delayMs: over <= 0 ? 0 : Math.min(SIGN_IN_BACKOFF_FIRST_MS * 2 ** (over - 1), SIGN_IN_BACKOFF_MAX_MS) };
}

/** Wait out a decision's delay: an attempt past the account's limit answers only after it. */
export async function waitForSignIn(decision: SignInDecision): Promise<void> {
  if (decision.allowed && decision.delayMs > 0) await sleep(decision.delayMs);
}

/** Count one attempt under `key` in the current window; the number of attempts in it, this one included. */
async function countAttempt(key: string, now: number): Promise<number> {
  const windowStart = BigInt(now - SIGN_IN_WINDOW_SECONDS * 1000);
  return prisma.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    if (!row || row.lastRequest < windowStart) {
      await tx.rateLimit.upsert({ where: { key }, create: { id: key, key, count: 1, lastRequest: BigInt(now) }, update: { count: 1, lastRequest: BigInt(now) } });
      return 1;
    }
    const updated = await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return updated.count;
  });
}
