import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from "node:perf_hooks";

/**
 * When one server process is saturated, a new read waits behind everything already queued:
 * seconds, on a busy machine, before it even starts. Answering it at once with 503 and
 * Retry-After lets a client (or a load balancer) try again or elsewhere, and keeps the
 * answers that are served fast. Writes are never shed: dropping one would lose work that a
 * person typed, and they are few. (docs/decisions/052)
 *
 * Three signals, any one sheds:
 * - the wait a new read can expect: the reads in flight times the time this process spends
 *   per request (its event loop's busy time over the requests it finished in the last
 *   second). A queue longer than a process clears in `maxQueueMs` only adds latency: the
 *   cores are busy either way, so the reads served per second stay the same and come sooner.
 *   Measured, not configured per route, because a page costs several API answers;
 * - reads in flight in this process, a hard limit whatever they cost;
 * - event-loop delay, the mean lag of the last second as perf_hooks measures it: long
 *   synchronous work (a huge render, an export) holds every request, however few are in
 *   flight. The mean, not the maximum: one slow tick (a route module loading on its first
 *   request) is not saturation, and shedding on it turned away reads for nothing.
 */
export type OverloadSettings = { maxEventLoopDelayMs: number; maxInFlight: number; maxQueueMs: number };

export type OverloadReason =
  | { kind: "queue"; inFlight: number; expectedWaitMs: number }
  | { kind: "in-flight"; inFlight: number }
  | { kind: "event-loop-delay"; delayMs: number };

/** Fewer reads in flight than this are never a queue worth shedding, whatever they cost. */
const MIN_QUEUE = 4;

/** How often the event-loop delay window is read and restarted. */
const WINDOW_MS = 1000;

export class OverloadGuard {
  private inFlight = 0;
  private recentDelayMs = 0;
  private shedCount = 0;
  /** Requests finished in the current window, and the busy milliseconds per request of the last one (0: not known yet). */
  private finished = 0;
  private busyMsPerRequest = 0;
  private utilization: EventLoopUtilization;
  private readonly histogram: IntervalHistogram;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly settings: OverloadSettings) {
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.utilization = performance.eventLoopUtilization();
    this.timer = setInterval(() => this.closeWindow(), WINDOW_MS);
    this.timer.unref();
  }

  /** Once a second: the mean event-loop lag and the busy time per finished request, then a new window. */
  private closeWindow(): void {
    // The histogram is in nanoseconds.
    this.recentDelayMs = this.histogram.count > 0 ? this.histogram.mean / 1e6 : 0;
    this.histogram.reset();
    const now = performance.eventLoopUtilization();
    const busyMs = performance.eventLoopUtilization(now, this.utilization).active;
    this.utilization = now;
    // A window in which nothing finished says nothing new about the cost of a request.
    if (this.finished > 0) this.busyMsPerRequest = busyMs / this.finished;
    this.finished = 0;
  }

  /** Count a request in; call `leave` once its response is done (or its connection gone). */
  enter(): void {
    this.inFlight += 1;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.finished += 1;
  }

  /** Why a new read should be shed now, or null. The request asking is not counted yet. */
  reason(): OverloadReason | null {
    if (this.inFlight >= this.settings.maxInFlight) return { kind: "in-flight", inFlight: this.inFlight };
    const expectedWaitMs = this.inFlight * this.busyMsPerRequest;
    if (this.inFlight >= MIN_QUEUE && expectedWaitMs > this.settings.maxQueueMs) return { kind: "queue", inFlight: this.inFlight, expectedWaitMs: Math.round(expectedWaitMs) };
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
  if (reason.kind === "queue") return `${reason.inFlight} requests in flight, about ${reason.expectedWaitMs} ms of work`;
  return reason.kind === "in-flight" ? `${reason.inFlight} requests in flight` : `event-loop delay ${reason.delayMs} ms`;
}
