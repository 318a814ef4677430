import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseKindOf, env } from "@/lib/env";
import { createPostgresPrismaClient } from "@/lib/db/postgres/prisma";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-settings";
import { withGuardedTransactions } from "@/lib/db/guarded-transactions";
import { acquireWriteTurn } from "@/lib/server/write-gate";

/**
 * A no-op write as each transaction's first statement, which is what BEGIN IMMEDIATE
 * does. The adapter opens transactions with a plain BEGIN and our writes read first; if
 * another process (the import command, a second server) holds the write lock at the
 * moment a reading transaction wants to write, SQLite fails it at once with SQLITE_BUSY
 * instead of waiting. Taking the lock first makes it wait up to the busy timeout.
 * (Issuing BEGIN IMMEDIATE ourselves is not possible: the adapter hard-codes BEGIN, and a
 * failure inside its startTransaction would never release its transaction mutex.)
 */
const TAKE_WRITE_LOCK = { sql: `DELETE FROM "search_sync_queue" WHERE 0`, args: [], argTypes: [] };

/**
 * One PrismaClient per process, on SQLite or on PostgreSQL (lib/db/postgres/prisma.ts),
 * kept on globalThis. Not only for development, where Next re-evaluates modules on every
 * edit: in a production build the route handlers and the pages are separate bundles, each
 * with its own copy of this module. Two clients meant two write connections in one process
 * (two pools on PostgreSQL): on SQLite a transaction on one connection made the other's
 * next write wait in SQLite's busy handler, which blocks the process's only thread, so the
 * first transaction could not finish either until the busy timeout (10 s) ran out.
 */
function createPrismaClient(): PrismaClient {
  if (databaseKindOf(env.DATABASE_URL) === "postgresql") return createPostgresPrismaClient(env.DATABASE_URL, SQLITE_BUSY_TIMEOUT_MS);
  const adapter = withGuardedTransactions(new PrismaBetterSQLite3({ url: env.DATABASE_URL, timeout: SQLITE_BUSY_TIMEOUT_MS }), {
    begin: (executeRaw) => executeRaw(TAKE_WRITE_LOCK),
    oneConnection: true,
    // Server processes take turns to write (docs/decisions/053); nothing to wait for outside a cluster.
    writeTurn: () => acquireWriteTurn(SQLITE_BUSY_TIMEOUT_MS),
  });
  // Transactions queue behind each other in the adapter; let one wait as long as SQLite would.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: SQLITE_BUSY_TIMEOUT_MS } });
}

const globalForPrisma = globalThis as unknown as { claimtrailPrisma?: ReturnType<typeof createPrismaClient> };

export const prisma = (globalForPrisma.claimtrailPrisma ??= createPrismaClient());

export type { Prisma } from "@/lib/generated/prisma/client";
