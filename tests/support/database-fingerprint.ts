import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/prisma";

/**
 * A hash of every row of every table that holds user data, so a test can assert that a
 * refused request changed nothing at all. Sessions, rate-limit counters and token
 * last-used times are bookkeeping of the request itself and are left out.
 */
const TABLES = [
  "Source",
  "Actor",
  "ActorAlias",
  "Topic",
  "Status",
  "Claim",
  "Attribution",
  "AttributionVia",
  "StatusChange",
  "AccuracyChange",
  "Annotation",
  "AuditLog",
  "ClaimTombstone",
  "ClaimMerge",
  "user",
  "account",
];

export async function databaseFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const table of TABLES) {
    // Rows in a fixed order on both databases (PostgreSQL has no rowid): sorted by their JSON.
    const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    const serialised = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).sort();
    hash.update(table).update(serialised.join("\n"));
  }
  const tokens = await prisma.apiToken.findMany({ select: { id: true, userId: true, name: true, tokenHash: true, revokedAt: true }, orderBy: { id: "asc" } });
  hash.update(JSON.stringify(tokens));
  return hash.digest("hex");
}
