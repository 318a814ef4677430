import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { sharedReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";
import { toBoolean } from "@/lib/db/values";

/**
 * Personal API tokens for `Authorization: Bearer`. The token carries 256 random bits and
 * is shown once; only its SHA-256 is stored (no salt or slow hash is needed for a random
 * secret of that size, and lookup by a unique hash needs no constant-time comparison).
 */
const TOKEN_PREFIX = "ct_";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await prisma.apiToken.create({
    data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, 10) },
    select: { id: true },
  });
  return { id: row.id, token };
}

export type ApiTokenSummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  return prisma.apiToken.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Revoke one of the user's own tokens; false if there was no such live token. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<boolean> {
  const result = await prisma.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count === 1;
}

/** The user behind a Bearer token, or null for a missing, unknown, revoked or disabled one. */
export async function userFromBearerToken(authorization: string | null) {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (!token?.startsWith(TOKEN_PREFIX)) return null;
  // Every API write starts here: read through the read-only connection, plain SQL, rather
  // than Prisma, whose query compiler costs more than the lookup itself (issue 18).
  const row = await sharedReader.one<TokenRow>(sql`
    SELECT t."id" AS "tokenId", t."revokedAt", t."lastUsedAt", u."id", u."email", u."name", u."role", u."banned", u."mustChangePassword"
    FROM "ApiToken" t JOIN "user" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashToken(token)}`);
  if (!row || row.revokedAt !== null || toBoolean(row.banned)) return null;
  await noteTokenUse(row.tokenId, row.lastUsedAt === null ? null : new Date(row.lastUsedAt));
  return { id: row.id, email: row.email, name: row.name, role: row.role, banned: false, mustChangePassword: toBoolean(row.mustChangePassword) };
}

type TokenRow = {
  tokenId: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  id: string;
  email: string;
  name: string;
  role: string | null;
  banned: boolean | number | null;
  mustChangePassword: boolean | number | null;
};

const LAST_USED_PRECISION_MS = 60_000;

/**
 * Record when a token was last used, at most once a minute: a write on every request
 * would queue every API request behind other writers (an import, say). The check comes
 * before the UPDATE because even an UPDATE that matches no row takes SQLite's write lock,
 * and waits for it. Bookkeeping only, so a failure is logged and the request goes on.
 */
async function noteTokenUse(tokenId: string, lastUsedAt: Date | null): Promise<void> {
  const now = new Date();
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_PRECISION_MS) return;
  try {
    await prisma.apiToken.updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] },
      data: { lastUsedAt: now },
    });
  } catch (error) {
    console.warn("Could not record API token use:", error);
  }
}
