import { describe, expect, it } from "vitest";
import { Heartbeats, STALE_AFTER_MS } from "@/lib/server/heartbeat";

const beat = (databaseAnswers: boolean) => ({ channel: "claimtrail:heartbeat" as const, databaseAnswers });

describe("liveness from the workers' heartbeats", () => {
  it("is down before any worker has reported", () => {
    expect(new Heartbeats().liveness(1_000)).toMatchObject({ status: 503, body: { ok: false } });
  });

  it("is up while one worker is fresh and its database answers, and counts only those", () => {
    const heartbeats = new Heartbeats();
    heartbeats.beat(1, beat(true), 0);
    heartbeats.beat(2, beat(false), 0);
    expect(heartbeats.liveness(STALE_AFTER_MS)).toEqual({ status: 200, body: { ok: true, processes: 1 } });
  });

  it("is down once every worker has been silent too long: a stuck worker does not count", () => {
    const heartbeats = new Heartbeats();
    heartbeats.beat(1, beat(true), 0);
    heartbeats.beat(2, beat(true), 5_000);
    expect(heartbeats.liveness(STALE_AFTER_MS + 1).status).toBe(200);
    expect(heartbeats.liveness(STALE_AFTER_MS + 5_001)).toEqual({ status: 503, body: { ok: false, error: `No server process has answered for ${STALE_AFTER_MS / 1000} s.` } });
  });

  it("says the database does not answer when no fresh worker can read it", () => {
    const heartbeats = new Heartbeats();
    heartbeats.beat(1, beat(false), 0);
    expect(heartbeats.liveness(10)).toEqual({ status: 503, body: { ok: false, error: "The database does not answer." } });
  });

  it("forgets a worker that exited", () => {
    const heartbeats = new Heartbeats();
    heartbeats.beat(1, beat(true), 0);
    heartbeats.forget(1);
    expect(heartbeats.liveness(10).status).toBe(503);
  });
});
