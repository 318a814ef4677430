import { describe, expect, it } from "vitest";
import { describeOverload, OverloadGuard } from "@/lib/server/overload";

/*
 * The load-shedding decision (lib/server/overload.ts): requests in flight at the limit, or
 * an event loop held up, make a process turn new reads away until it recovers.
 */

describe("the overload guard", () => {
  it("sheds while the requests in flight are at the limit, and stops once one finishes", () => {
    const guard = new OverloadGuard({ maxEventLoopDelayMs: 60_000, maxInFlight: 2 });
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
    const guard = new OverloadGuard({ maxEventLoopDelayMs: 20, maxInFlight: 1000 });
    const busy = (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        // synchronous work on purpose: a render or an export
      }
    };
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
