/*
 * Liveness answered by the cluster's primary (docs/decisions/068).
 *
 * A worker busy with reads answers a health check only when its event loop gets to it:
 * under load, hundreds of milliseconds, and a probe with a short timeout would take a
 * working server out of rotation. The primary does no request work, so it answers at
 * once, from what the workers told it: each worker checks its database once a second and
 * sends the result. A worker whose last word is older than STALE_AFTER_MS is stuck (or
 * starving): new connections go to the others, and liveness holds while at least one
 * worker is fresh and its database answers. One silent for WORKER_STALL_SECONDS is killed and
 * replaced (lib/server/primary-door.ts).
 */

import { channelGuard } from "@/lib/server/ipc-channel";

const CHANNEL = "claimtrail:heartbeat";
/** How often a worker checks its database and reports. */
export const HEARTBEAT_MS = 1000;
/** A worker silent for this long no longer counts as alive. */
export const STALE_AFTER_MS = 10_000;

type Message = { channel: typeof CHANNEL; databaseAnswers: boolean };

export const isHeartbeat = channelGuard<Message>(CHANNEL);

/** In a worker: report once now and then every HEARTBEAT_MS; returns the function that stops it. */
export function startHeartbeat(checkDatabase: () => Promise<void>): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const beat = async () => {
    const databaseAnswers = await checkDatabase().then(
      () => true,
      () => false,
    );
    if (stopped || !process.connected) return;
    process.send?.({ channel: CHANNEL, databaseAnswers } satisfies Message);
    // The next beat is timed from this one's end, so a slow check never stacks up beats.
    timer = setTimeout(() => void beat(), HEARTBEAT_MS);
    timer.unref();
  };
  void beat();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

export type Liveness = { status: 200 | 503; body: { ok: true; processes: number } | { ok: false; error: string } };

/** In the primary: the workers' last heartbeats, and the liveness they add up to. */
export class Heartbeats {
  private readonly last = new Map<number, { at: number; databaseAnswers: boolean }>();

  beat(workerId: number, message: Message, now = Date.now()): void {
    this.last.set(workerId, { at: now, databaseAnswers: message.databaseAnswers });
  }

  forget(workerId: number): void {
    this.last.delete(workerId);
  }

  /** Whether the worker reported within STALE_AFTER_MS; new connections go to such workers first. */
  isFresh(workerId: number, now = Date.now()): boolean {
    const last = this.last.get(workerId);
    return last !== undefined && now - last.at <= STALE_AFTER_MS;
  }

  /** Milliseconds since the worker's last report (0 for one that never reported: it is not serving yet). */
  silentFor(workerId: number, now = Date.now()): number {
    const last = this.last.get(workerId);
    return last === undefined ? 0 : now - last.at;
  }

  liveness(now = Date.now()): Liveness {
    const fresh = [...this.last.values()].filter((beat) => now - beat.at <= STALE_AFTER_MS);
    if (fresh.length === 0) return { status: 503, body: { ok: false, error: `No server process has answered for ${STALE_AFTER_MS / 1000} s.` } };
    const answering = fresh.filter((beat) => beat.databaseAnswers).length;
    if (answering === 0) return { status: 503, body: { ok: false, error: "The database does not answer." } };
    return { status: 200, body: { ok: true, processes: answering } };
  }
}
