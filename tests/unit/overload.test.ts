import { describe, expect, it } from "vitest";
import { describeOverload, OverloadGuard } from "@/lib/server/overload";

/*
 * The load-shedding decision (lib/server/overload.ts): a queue that would take longer than
 * the limit to clear, requests in flight at the limit, or an event loop held up, make a
 * process turn new reads away until it recovers.
 */

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // synchronous work on purpose: a render or an export
  }
};

describe("the overload guard", () => {
  it("sheds when the reads in flight would take longer than the limit to clear, at their measured cost", async () => {
    const settings = { maxEventLoopDelayMs: 60_000, maxInFlight: 1000, maxQueueMs: 110 };
    const fresh = new OverloadGuard(settings);
    // Nothing measured yet: no estimate, no shedding.
    for (let i = 0; i < 10; i++) fresh.enter();
    expect(fresh.reason()).toBeNull();
    fresh.stop();

    const guard = new OverloadGuard(settings);
    try {
      // A little over a second of reads costing about 20 ms each.
      for (const started = performance.now(); performance.now() - started < 1_300; ) {
        guard.enter();
        busy(20);
        guard.leave();
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Four in flight: about 80 ms of work, under the limit of 110; six: about 120 ms, over it.
      for (let i = 0; i < 4; i++) guard.enter();
      expect(guard.reason()).toBeNull();
      guard.enter();
      guard.enter();
      const reason = guard.reason();
      expect(reason).toMatchObject({ kind: "queue", inFlight: 6 });
      expect((reason as { expectedWaitMs: number }).expectedWaitMs).toBeGreaterThan(110);
      expect(describeOverload(reason!)).toMatch(/^6 requests in flight, about \d+ ms of work$/);
    } finally {
      guard.stop();
    }
  });

  it("sheds while the requests in flight are at the limit, and stops once one finishes", () => {
    const guard = new OverloadGuard({ maxEventLoopDelayMs: 60_000, maxInFlight: 2, maxQueueMs: 600_000 });
    try {
      guard.enter();
      expect(guard.reason()).toBeNull();
      guard.enter();
      expect(guard.reason()).toEqual({ kind: "in-flight", inFlight: 2 });
      expect(describeOverload(guard.reason()!)).toBe("2 requests in flight");
      guard.leave();
      expect(guard.reason()).toBeNull();
    } finally {
      guard.stop();
    }
  });

  it("sheds while the event loop is kept busy, artificially, past the threshold, but not for one slow tick", async () => {
    const guard = new OverloadGuard({ maxEventLoopDelayMs: 20, maxInFlight: 1000, maxQueueMs: 600_000 });
    const yieldOnce = () => new Promise((resolve) => setTimeout(resolve, 1));
    try {
      // One stall of 300 ms among idle ticks: the mean lag stays low.
      busy(300);
      for (let i = 0; i < 60; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(guard.reason()).toBeNull();
      // Sustained: 60 ms slices of work with barely a pause, for up to 4 s, with a request in flight.
      guard.enter();
      let reason = guard.reason();
      for (const started = Date.now(); reason === null && Date.now() - started < 4000; reason = guard.reason()) {
        busy(60);
        await yieldOnce();
      }
      expect(reason).toMatchObject({ kind: "event-loop-delay" });
    } finally {
      guard.stop();
    }
  });
});
