import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { noteWriteSucceeded } from "@/lib/db/storage";

/** What every driver adapter factory gives (better-sqlite3's is typed as the common interface). */
type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type AdapterFactory = { connect(): Promise<Adapter> };
export type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type ExecuteRaw = Transaction["executeRaw"];
type SqlQuery = Parameters<ExecuteRaw>[0];

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
 * Turns on one connection, first come first served: a transaction holds its turn from
 * before BEGIN until it ends; a statement outside a transaction holds one for itself.
 */
class ConnectionTurns {
  private last: Promise<void> = Promise.resolve();

  /** Resolves, in the order asked, with the function that ends the turn (calling it twice is harmless). */
  take(): Promise<() => void> {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const turn = this.last.then(() => end);
    this.last = this.last.then(() => ended);
    return turn;
  }
}

/** `run`, each call waiting for its turn in `turns`. */
function inTurn<Input, Output>(turns: ConnectionTurns, run: (input: Input) => Promise<Output>): (input: Input) => Promise<Output> {
  return async (input) => {
    const endTurn = await turns.take();
    try {
      return await run(input);
    } finally {
      endTurn();
    }
  };
}

type Options = {
  /** Run as each transaction's first step; the transaction is abandoned when it fails. */
  begin?: (executeRaw: ExecuteRaw) => Promise<unknown>;
  /**
   * The adapter runs everything on one connection (better-sqlite3). Its own lock covers only
   * transactions against each other: a statement Prisma sends outside a transaction (a plain
   * create, update or read) went to the connection while another request's transaction was
   * open there, and so became part of it: it saw that transaction's uncommitted rows, and
   * its own write vanished if that transaction rolled back, after being answered as saved.
   * With this set, such a statement waits for the open transaction to end, and a transaction
   * for the statements before it. (node-postgres gives each transaction a connection of its
   * own: nothing to do there.)
   */
  oneConnection?: boolean;
  /**
   * Waits for this process's turn to write among the server's processes (SQLite,
   * lib/server/write-gate.ts), held by a transaction from BEGIN to its end and by a write
   * statement outside a transaction while it runs: for as long as the database's write
   * lock may be wanted, and no longer (not while a request's body arrives, say).
   */
  writeTurn?: () => Promise<() => void>;
};

/** Statements Prisma sends outside a transaction that only read; anything else may write. */
const READS = /^\s*SELECT\b/i;

/**
 * Makes a failed COMMIT or ROLLBACK end the transaction rather than leak it, runs `begin`
 * first in each transaction, and on one connection keeps statements outside transactions
 * out of the open one.
 */
export function withGuardedTransactions<F extends AdapterFactory>(factory: F, options: Options = {}): F {
  const { begin, oneConnection = false, writeTurn } = options;
  const connect = factory.connect.bind(factory);
  factory.connect = async (): Promise<Adapter> => {
    const adapter = await connect();
    const turns = oneConnection ? new ConnectionTurns() : null;
    /** The connection's turn, then (for what may write) the process's write turn. */
    const takeTurn = async (writes: boolean): Promise<() => void> => {
      const endConnectionTurn = turns ? await turns.take() : () => {};
      if (!writes || !writeTurn) return endConnectionTurn;
      let endWriteTurn: () => void;
      try {
        endWriteTurn = await writeTurn();
      } catch (error) {
        endConnectionTurn();
        throw error;
      }
      return () => {
        endWriteTurn();
        endConnectionTurn();
      };
    };
    if (turns || writeTurn) {
      const inItsTurn = <Input, Output>(run: (input: Input) => Promise<Output>, writes: (input: Input) => boolean) => async (input: Input) => {
        const endTurn = await takeTurn(writes(input));
        try {
          return await run(input);
        } finally {
          endTurn();
        }
      };
      const mayWrite = (query: SqlQuery) => !READS.test(query.sql);
      adapter.queryRaw = inItsTurn(adapter.queryRaw.bind(adapter), mayWrite);
      adapter.executeRaw = inItsTurn(adapter.executeRaw.bind(adapter), mayWrite);
      adapter.executeScript = inItsTurn(adapter.executeScript.bind(adapter), () => true);
    }
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const endTurn = await takeTurn(true);
      let transaction: Transaction;
      try {
        transaction = await startTransaction(isolationLevel);
      } catch (error) {
        endTurn();
        throw error;
      }
      // Whichever way the transaction ends (Prisma's commit or rollback, or abandon below).
      for (const end of ["commit", "rollback"] as const) {
        const finish = transaction[end].bind(transaction);
        transaction[end] = async () => {
          try {
            await finish();
          } finally {
            endTurn();
          }
        };
      }
      const executeRaw = transaction.executeRaw.bind(transaction);
      if (begin) {
        try {
          await begin(executeRaw);
        } catch (error) {
          await abandon(transaction, executeRaw);
          throw error;
        }
      }
      // A transaction's statements, one at a time on its connection, even when the code in
      // the transaction asks for several at once (Promise.all over `tx`): node-postgres
      // queues a query sent while another runs only as a deprecated behaviour (gone in pg 9).
      const statements = new ConnectionTurns();
      transaction.queryRaw = inTurn(statements, transaction.queryRaw.bind(transaction));
      const executeInTurn = inTurn(statements, executeRaw);
      transaction.executeRaw = async (query) => {
        try {
          const changes = await executeInTurn(query);
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
