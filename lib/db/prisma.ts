import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-settings";

/**
 * One PrismaClient per process. In development Next re-evaluates modules on every edit,
 * so the client is kept on globalThis to avoid opening a new connection each time.
 */
function createPrismaClient() {
  const adapter = new PrismaBetterSQLite3({ url: env.DATABASE_URL, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { claimtrailPrisma?: ReturnType<typeof createPrismaClient> };

export const prisma = globalForPrisma.claimtrailPrisma ?? createPrismaClient();
if (env.NODE_ENV === "development") globalForPrisma.claimtrailPrisma = prisma;

export type Db = typeof prisma;
export type { Prisma } from "@/lib/generated/prisma/client";
