import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseKindOf, env } from "@/lib/env";
import { createPostgresPrismaClient } from "@/lib/db/postgres/prisma";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-settings";
import { noteWriteSucceeded } from "@/lib/db/storage";

type AdapterFactory = InstanceType<typeof PrismaBetterSQLite3>;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;

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
const ROLLBACK = { sql: "ROLLBACK", args: [], argTypes: [] };

type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * End a transaction that cannot go on: undo whatever SQLite still holds of it and release
 * the adapter's transaction mutex. The adapter's commit() and rollback() only release that
 * mutex; Prisma calls them after its own COMMIT or ROLLBACK statement succeeded, so a
 * COMMIT that fails (a full disk, SQLITE_FULL) or a ROLLBACK that fails (SQLite already
 * rolled the transaction back itself after an I/O error) would otherwise leave every later
 * transaction of the process waiting forever, with no error and no timeout.
 */
async function abandon(transaction: Transaction, executeRaw: Transaction["executeRaw"]): Promise<void> {
  // Fails with "no transaction is active" when SQLite has already rolled back: nothing left to undo.
  await executeRaw(ROLLBACK).catch(() => undefined);
  await transaction.rollback();
}

/** The statements with which Prisma ends a transaction. */
const ENDS_TRANSACTION = new Set(["COMMIT", "ROLLBACK"]);

function withImmediateTransactions(factory: AdapterFactory): AdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async (): Promise<Adapter> => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      const executeRaw = transaction.executeRaw.bind(transaction);
      try {
        await executeRaw(TAKE_WRITE_LOCK);
      } catch (error) {
        await abandon(transaction, executeRaw);
        throw error;
      }
      transaction.executeRaw = async (query) => {
        try {
          const changes = await executeRaw(query);
          if (query.sql === "COMMIT") noteWriteSucceeded();
          return changes;
        } catch (error) {
          if (!ENDS_TRANSACTION.has(query.sql)) throw error;
          await abandon(transaction, executeRaw);
          // A failed COMMIT is the write's failure and is reported as such; a failed ROLLBACK
          // is not: the statement that made Prisma roll back is the error worth reporting.
          if (query.sql === "COMMIT") throw error;
          console.warn("ROLLBACK failed; the transaction was ended anyway:", (error as Error).message);
          return 0;
        }
      };
      return transaction;
    };
    return adapter;
  };
  return factory;
}

/**
 * One PrismaClient per process, on SQLite or on PostgreSQL (lib/db/postgres/prisma.ts). In development Next re-evaluates modules on every edit,
 * so the client is kept on globalThis to avoid opening a new connection each time.
 */
function createPrismaClient(): PrismaClient {
  if (databaseKindOf(env.DATABASE_URL) === "postgresql") return createPostgresPrismaClient(env.DATABASE_URL, SQLITE_BUSY_TIMEOUT_MS);
  const adapter = withImmediateTransactions(new PrismaBetterSQLite3({ url: env.DATABASE_URL, timeout: SQLITE_BUSY_TIMEOUT_MS }));
  // Transactions queue behind each other in the adapter; let one wait as long as SQLite would.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: SQLITE_BUSY_TIMEOUT_MS } });
}

const globalForPrisma = globalThis as unknown as { claimtrailPrisma?: ReturnType<typeof createPrismaClient> };

export const prisma = globalForPrisma.claimtrailPrisma ?? createPrismaClient();
if (env.NODE_ENV === "development") globalForPrisma.claimtrailPrisma = prisma;

export type { Prisma } from "@/lib/generated/prisma/client";
