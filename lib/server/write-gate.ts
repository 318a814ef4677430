import cluster, { type Worker } from "node:cluster";
import { channelGuard } from "@/lib/server/ipc-channel";

/*
 * Writes from several server processes, one process at a time (docs/decisions/053).
 *
 * SQLite lets one connection write at a time. Inside one process the Prisma adapter queues
 * writes asynchronously; but a process whose write finds another process holding the lock
 * waits in SQLite's busy handler, which better-sqlite3 runs synchronously: that process's
 * event loop stops (every read, the health check) until the other commits. With two server
 * processes both taking writes, each kept stopping the other.
 *
 * So the cluster's primary hands a write turn to one worker at a time. A worker's Prisma
 * adapter (lib/db/guarded-transactions.ts) asks before a transaction's BEGIN, or before a
 * statement outside a transaction that may write, and gives the turn back when the
 * transaction ends or the statement is done: it is held only while the database's write lock
 * may be wanted, never while a request's body arrives or its answer renders. While a worker
 * holds the turn it takes more, unless another worker is waiting (then it passes the turn on,
 * first come first served). A worker that waits longer than the SQLite busy timeout goes
 * ahead anyway: SQLite's own locking still keeps every write whole, as it does for the
 * command-line tools, which never ask.
 */

const CHANNEL = "claimtrail:write-gate";
type Message = { channel: typeof CHANNEL; op: "acquire" | "release" | "cancel" | "granted"; ticket: number };

const isGateMessage = channelGuard<Message>(CHANNEL);

/** In the primary: grant write turns to the workers. */
export function runWriteGate(): void {
  let holder: Worker | null = null;
  /** Tickets the holder was granted and has not given back. */
  const held = new Set<string>();
  const waiting: { worker: Worker; ticket: number }[] = [];
  const key = (worker: Worker, ticket: number) => `${worker.id}:${ticket}`;
  const grant = (worker: Worker, ticket: number) => {
    holder = worker;
    held.add(key(worker, ticket));
    if (worker.isConnected()) worker.send({ channel: CHANNEL, op: "granted", ticket } satisfies Message);
  };
  const passOn = () => {
    if (held.size > 0 || waiting.length === 0) {
      if (held.size === 0) holder = null;
      return;
    }
    // The next worker in line gets the turn, with every ticket it has waiting.
    const next = waiting[0]!.worker;
    for (let i = 0; i < waiting.length; ) {
      if (waiting[i]!.worker === next) grant(next, waiting.splice(i, 1)[0]!.ticket);
      else i++;
    }
  };
  cluster.on("message", (worker, message: unknown) => {
    if (!isGateMessage(message)) return;
    if (message.op === "acquire") {
      if (holder === null || (holder === worker && waiting.length === 0)) grant(worker, message.ticket);
      else waiting.push({ worker, ticket: message.ticket });
      return;
    }
    // release, or cancel (the worker stopped waiting): either way the ticket is done.
    const index = waiting.findIndex((entry) => entry.worker === worker && entry.ticket === message.ticket);
    if (index >= 0) waiting.splice(index, 1);
    held.delete(key(worker, message.ticket));
    passOn();
  });
  cluster.on("exit", (worker) => {
    for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i]!.worker === worker) waiting.splice(i, 1);
    for (const entry of [...held]) if (entry.startsWith(`${worker.id}:`)) held.delete(entry);
    passOn();
  });
}

/**
 * A worker's side, kept on globalThis: the production build holds a copy of this module per
 * bundle, and tickets from two copies must never share a number.
 */
type WorkerSide = { nextTicket: number; pending: Map<number, () => void>; listening: boolean };
const workerSide = ((globalThis as { claimtrailWriteGate?: WorkerSide }).claimtrailWriteGate ??= { nextTicket: 1, pending: new Map(), listening: false });

/**
 * In a worker: wait for the write turn (at most `timeoutMs`); resolves with the function
 * that gives it back. Outside a cluster (one process) there is nothing to wait for.
 */
export function acquireWriteTurn(timeoutMs: number): Promise<() => void> {
  const worker = cluster.worker;
  if (!worker || !process.send) return Promise.resolve(() => {});
  const { pending } = workerSide;
  if (!workerSide.listening) {
    workerSide.listening = true;
    process.on("message", (message: unknown) => {
      if (isGateMessage(message) && message.op === "granted") pending.get(message.ticket)?.();
    });
  }
  const ticket = workerSide.nextTicket++;
  const send = (op: Message["op"]) => process.send?.({ channel: CHANNEL, op, ticket } satisfies Message);
  return new Promise((resolve) => {
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      send("release");
    };
    const timer = setTimeout(() => {
      pending.delete(ticket);
      // Gave up waiting: the primary forgets the ticket (or takes back a grant on its way).
      send("cancel");
      done = true;
      resolve(() => {});
    }, timeoutMs);
    timer.unref();
    pending.set(ticket, () => {
      pending.delete(ticket);
      clearTimeout(timer);
      resolve(release);
    });
    send("acquire");
  });
}
