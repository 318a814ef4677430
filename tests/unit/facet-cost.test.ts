import { describe, expect, it } from "vitest";
import { FacetCostModel, type FacetMatches } from "@/lib/claims/search/facet-cost";
import type { FacetName } from "@/lib/claims/search/filter-sql";

const INITIAL: Record<FacetName, number> = { status: 1, topic: 1, contested: 1, stance: 15, source: 15, actor: 25 };
const OVERHEAD_MS = 2;

/** A clock the test moves: each counted facet takes the milliseconds it is given. */
function clock() {
  let now = 0;
  return { now: () => now, take: (ms: number) => async () => void (now += ms) };
}

/**
 * One request under `budgetMs` where each facet takes `costs[facet]` ms and passes over
 * `scales[facet]` times the list's matches (1 unless given): the facets counted, in order.
 */
async function request(
  model: FacetCostModel,
  budgetMs: number,
  costs: Partial<Record<FacetName, number>>,
  matches?: FacetMatches,
  scales: Partial<Record<FacetName, number>> = {},
): Promise<FacetName[]> {
  const time = clock();
  const timer = model.startRequest(budgetMs, matches, time.now);
  const counted: FacetName[] = [];
  for (const facet of ["status", "topic", "contested", "stance", "actor", "source"] as const) {
    if (!timer.fits(facet, scales[facet])) continue;
    await timer.measure(facet, time.take(costs[facet] ?? 0), scales[facet]);
    counted.push(facet);
  }
  return counted;
}

describe("facet cost model", () => {
  it("predicts from the starting factors before it has learned anything", async () => {
    const model = new FacetCostModel(INITIAL, OVERHEAD_MS, 1);
    // status 5 ms: 3 ms of work, so one unit is 3 ms. After 10 ms, stance (45 ms predicted)
    // fits in 70; after 20, actor (75) does not, and source (45) does.
    expect(await request(model, 70, { status: 5, topic: 5, stance: 10, actor: 40 })).toEqual(["status", "topic", "contested", "stance", "source"]);
  });

  it("learns at once from a facet that took longer than predicted, and keeps the next request within the budget", async () => {
    const model = new FacetCostModel(INITIAL, OVERHEAD_MS, 1);
    const slowStance = { status: 5, topic: 5, stance: 83 };
    // The first request passes the limit: stance was predicted 45 ms and took 83.
    expect(await request(model, 70, slowStance)).toContain("stance");
    expect(model.factor("stance")).toBeCloseTo(27, 5);
    // The next one over the same claims leaves it out instead (source, 45 ms predicted, still fits).
    expect(await request(model, 70, slowStance)).toEqual(["status", "topic", "contested", "source"]);
  });

  it("forgets a slow run slowly, over requests that count the facet cheaper, never below its starting factor", async () => {
    const model = new FacetCostModel(INITIAL, OVERHEAD_MS, 1);
    await request(model, 1_000, { status: 3, stance: 101 }); // 99 units of 1 ms
    expect(model.factor("stance")).toBeCloseTo(99, 5);
    await request(model, 1_000, { status: 3, stance: 12 }); // 10 units: a tenth of the way from 99 to 15
    expect(model.factor("stance")).toBeCloseTo(99 - (99 - 15) / 10, 5);
    for (let i = 0; i < 200; i++) await request(model, 1_000, { status: 3, stance: 3 });
    expect(model.factor("stance")).toBeGreaterThanOrEqual(15);
    expect(model.factor("stance")).toBeLessThan(15.01);
  });

  it("learns nothing from a unit measured from too little work, nor when no unit was measured", async () => {
    const model = new FacetCostModel(INITIAL, OVERHEAD_MS, 1);
    // status within its overhead: no unit, so the stance time teaches nothing.
    await request(model, 1_000, { status: 2.5, stance: 300 });
    expect(model.factor("stance")).toBe(15);
    // A request whose first facet is the stance facet (the others were free): no unit before it.
    await request(model, 1_000, { stance: 300 });
    expect(model.factor("stance")).toBe(15);
  });

  it("predicts the first facet from the number of matching claims, and leaves every facet out when it would pass the budget", async () => {
    // 0.5 µs a claim under attribution filters, 0.05 under claim columns alone, to start with.
    const model = new FacetCostModel(INITIAL, OVERHEAD_MS, 1, { claimColumns: 0.000_05, other: 0.000_5 });
    // 800,000 claims under a stance: 400 ms predicted for the status facet, so nothing is counted.
    expect(await request(model, 70, { status: 400 }, { kind: "other", matches: 800_000 })).toEqual([]);
    // The same claims under claim columns alone: 40 ms predicted; the status, topic and contested facets are counted.
    expect(await request(model, 70, { status: 12, topic: 12, contested: 12 }, { kind: "claimColumns", matches: 800_000 })).toEqual(["status", "topic", "contested"]);
    // 50,000 claims under a stance: 25 ms predicted, counted.
    expect(await request(model, 70, { status: 27 }, { kind: "other", matches: 50_000 })).toContain("status");
    // Without a number of claims the first facet is always counted, as before.
    expect(await request(model, 70, { status: 400 })).toEqual(["status"]);
  });

  it("does not learn the cost per matching claim from a slow first facet", async () => {
    const model = new FacetCostModel(INITIAL, OVERHEAD_MS, 1, { claimColumns: 0.000_05, other: 0.000_5 });
    // A cold first count: 100,000 claims in 202 ms, four times the usual.
    await request(model, 1_000, { status: 202 }, { kind: "other", matches: 100_000 });
    expect(model.unitPerMatch("other")).toBe(0.000_5);
    // 40,000 claims (20 ms predicted) are still counted under a 70 ms budget.
    expect(await request(model, 70, { status: 22 }, { kind: "other", matches: 40_000 })).toContain("status");
  });

  it("predicts a facet that passes over more claims than the matches (its own filter left out) by as many times", async () => {
    const model = new FacetCostModel(INITIAL, OVERHEAD_MS, 1);
    // status 5 ms: a unit of 3 ms. The stance facet over the matches: 45 ms, fits in 70 after 5.
    expect(await request(model, 70, { status: 5 })).toContain("stance");
    // Over 270 times the matches (an actor's 303 claims; the stance facet without its own
    // filter over the 82,000 that are not contested): 12 s predicted, left out.
    expect(await request(model, 70, { status: 5 }, undefined, { stance: 270 })).not.toContain("stance");
    // Leaving it out taught nothing, and a facet measured over more claims teaches its factor per claim.
    expect(model.factor("stance")).toBe(15);
    await request(model, 10_000, { status: 5, stance: 182 }, undefined, { stance: 4 }); // 180 ms of work over 4 × the claims: 15 units of 3 ms each
    expect(model.factor("stance")).toBeCloseTo(15, 5);
  });

  it("never predicts less than the cost per matching claim, however little the first facet measured", async () => {
    const model = new FacetCostModel(INITIAL, OVERHEAD_MS, 1, { claimColumns: 0.000_05, other: 0.000_5 });
    // The status facet within its overhead measures no unit; 1,000 matches still cost 0.5 ms a
    // unit: the actor facet over 100 times them is predicted 1,250 ms and left out.
    expect(await request(model, 70, { status: 1, actor: 500 }, { kind: "other", matches: 1_000 }, { actor: 100 })).toEqual(["status", "topic", "contested", "stance", "source"]);
    // No matches at all: the facets are predicted from one claim's cost, scaled.
    expect(await request(model, 70, { status: 1 }, { kind: "other", matches: 0 }, { actor: 80_000 })).not.toContain("actor");
  });

  it("never starts a facet once the budget is spent", async () => {
    const model = new FacetCostModel(INITIAL, OVERHEAD_MS, 1);
    expect(await request(model, 10, { status: 10 })).toEqual(["status"]);
    expect(await request(model, 0, {})).toEqual([]);
  });
});
