import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

/**
 * When one server process is saturated, a new read waits behind everything already queued:
 * seconds, on a busy machine, before it even starts. Answering it at once with 503 and
 * Retry-After lets a client (or a load balancer) try again or elsewhere, and keeps the
 * answers that are served fast. Writes are never shed: dropping one would lose work that a
 * person typed, and they are few. (docs/decisions/052)
 *
 * Two signals, either one sheds:
 * - reads in flight in this process (the queue itself; latency grows with it);
 * - event-loop delay, the mean lag of the last second as perf_hooks measures it: long
 *   synchronous work (a huge render, an export) holds every request, however few are in
 *   flight. The mean, not the maximum: one slow tick (a route module loading on its first
 *   request) is not saturation, and shedding on it turned away reads for nothing.
 */
export type OverloadSettings = { maxEventLoopDelayMs: number; maxInFlight: number };

export type OverloadReason = { kind: "in-flight"; inFlight: number } | { kind: "event-loop-delay"; delayMs: number };

/** How often the event-loop delay window is read and restarted. */
const WINDOW_MS = 1000;

export class OverloadGuard {
  private inFlight = 0;
  private recentDelayMs = 0;
  private shedCount = 0;
  private readonly histogram: IntervalHistogram;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly settings: OverloadSettings) {
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.timer = setInterval(() => {
      // The histogram is in nanoseconds.
      this.recentDelayMs = this.histogram.count > 0 ? this.histogram.mean / 1e6 : 0;
      this.histogram.reset();
    }, WINDOW_MS);
    this.timer.unref();
  }

  /** Count a request in; call `leave` once its response is done (or its connection gone). */
  enter(): void {
    this.inFlight += 1;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Why a new read should be shed now, or null. The request asking is not counted yet. */
  reason(): OverloadReason | null {
    if (this.inFlight >= this.settings.maxInFlight) return { kind: "in-flight", inFlight: this.inFlight };
    // Only with something else in flight: a process with nothing queued serves a new read
    // however late its timers ran (on a busy machine, waiting for a CPU looks the same).
    if (this.inFlight > 0 && this.recentDelayMs > this.settings.maxEventLoopDelayMs) return { kind: "event-loop-delay", delayMs: Math.round(this.recentDelayMs) };
    return null;
  }

  noteShed(): void {
    this.shedCount += 1;
  }

  /** Reads shed since the last call (for a periodic log line rather than one per request). */
  takeShedCount(): number {
    const count = this.shedCount;
    this.shedCount = 0;
    return count;
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}

export function describeOverload(reason: OverloadReason): string {
  return reason.kind === "in-flight" ? `${reason.inFlight} requests in flight` : `event-loop delay ${reason.delayMs} ms`;
}
