import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { noteWriteSucceeded } from "@/lib/db/storage";

/** What every driver adapter factory gives (better-sqlite3's is typed as the common interface). */
type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type AdapterFactory = { connect(): Promise<Adapter> };
export type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type ExecuteRaw = Transaction["executeRaw"];

const ROLLBACK = { sql: "ROLLBACK", args: [], argTypes: [] };

/** The statements with which Prisma ends a transaction. */
const ENDS_TRANSACTION = new Set(["COMMIT", "ROLLBACK"]);

/**
 * End a transaction that cannot go on: undo whatever the database still holds of it and
 * give back what the adapter holds for it (better-sqlite3: its transaction mutex;
 * node-postgres: the pool connection). The adapters' commit() and rollback() only do the
 * giving back, and Prisma calls them only after its own COMMIT or ROLLBACK statement
 * succeeded. So a COMMIT that fails (SQLite: a full disk; PostgreSQL: a deferred trigger or
 * a serialisation failure at commit) or a ROLLBACK that fails (SQLite already rolled back
 * after an I/O error) would otherwise keep the mutex or the connection forever: on SQLite
 * every later transaction of the process waits with no error; on PostgreSQL each failure
 * takes one connection of the pool, and once they are all gone every write times out.
 */
async function abandon(transaction: Transaction, executeRaw: ExecuteRaw): Promise<void> {
  // Fails when the database has already ended the transaction (PostgreSQL always does on a
  // failed COMMIT): nothing is left to undo.
  await executeRaw(ROLLBACK).catch(() => undefined);
  await transaction.rollback();
}

/**
 * Runs `begin` as each transaction's first step (abandoning the transaction when it fails)
 * and makes a failed COMMIT or ROLLBACK end the transaction rather than leak it.
 */
export function withGuardedTransactions<F extends AdapterFactory>(factory: F, begin?: (executeRaw: ExecuteRaw) => Promise<unknown>): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async (): Promise<Adapter> => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      const executeRaw = transaction.executeRaw.bind(transaction);
      if (begin) {
        try {
          await begin(executeRaw);
        } catch (error) {
          await abandon(transaction, executeRaw);
          throw error;
        }
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
