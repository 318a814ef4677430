import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";

/**
 * Lets a page wait until what it has rendered so far has been written to its response, so
 * that work which blocks the event loop (SQLite reads: the facet counts of /claims) starts
 * only after the rows have left. Waiting a fixed number of event-loop turns instead
 * (decision 060) held the counts back for as long as every other request in the process
 * took to pass those turns: on a busy server, hundreds of milliseconds for each page.
 *
 * The front door (lib/server/front-door.ts) runs each request inside `trackResponseWrites`,
 * which notes every write Next makes to the Node response. A page rendered elsewhere (`next
 * dev`, a test rendering a component) has no tracked response, and `nextResponseWrite`
 * falls back to waiting event-loop turns.
 */
type Tracked = { waiting: (() => void)[] };

// One instance for the whole process: the front door is loaded by tsx and the page by
// Next's bundle, each with its own copy of this module.
const STORAGE_KEY = Symbol.for("claimtrail.responseWrites");
const globalStore = globalThis as unknown as Record<symbol, AsyncLocalStorage<Tracked> | undefined>;
const storage = (globalStore[STORAGE_KEY] ??= new AsyncLocalStorage<Tracked>());

/** Event-loop turns waited where no response is tracked: the measured heuristic of decision 060. */
const UNTRACKED_TURNS = 20;

/** Run `handle` with the writes to `response` tracked for `nextResponseWrite`. */
export function trackResponseWrites<T>(response: ServerResponse, handle: () => T): T {
  const tracked: Tracked = { waiting: [] };
  const wake = () => {
    for (const resolve of tracked.waiting.splice(0)) resolve();
  };
  // Wrapped on this response object only; every call goes on to Node's own write.
  const write = response.write;
  response.write = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
    const result = write.apply(this, args);
    wake();
    return result;
  } as ServerResponse["write"];
  // A response that ends (or whose client goes) without another write wakes its waiters too.
  response.once("finish", wake);
  response.once("close", wake);
  return storage.run(tracked, handle);
}

/**
 * Resolves after the next write to this request's response has been handed to the socket
 * (what the page rendered so far has left), or after `capMs` if none comes first.
 */
export async function nextResponseWrite(capMs: number): Promise<void> {
  const tracked = storage.getStore();
  if (!tracked) {
    for (let turn = 0; turn < UNTRACKED_TURNS; turn++) await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, capMs);
    tracked.waiting.push(() => {
      clearTimeout(timer);
      // Not at once: Node corks a response's socket for the rest of the tick in which it is
      // written (it uncorks in process.nextTick), and a waiter resumed from the write would
      // run its blocking work in the same drain of microtasks, before the uncork: the rows
      // then left after the counts (measured: 90 ms later at 100k claims). The next turn of
      // the event loop comes after the uncork.
      setImmediate(resolve);
    });
  });
}
