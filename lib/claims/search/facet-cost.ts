import type { FacetName } from "@/lib/claims/search/filter-sql";

/**
 * Which kind of filters a request's facets count under: claim columns alone (each count
 * reads an index of Claim) or anything else (attributions, the search index), where each
 * matching claim costs about ten times more to count.
 */
export type MatchKind = "claimColumns" | "other";

/** How many claims a request's facets count over, and under which kind of filters: what predicts its first facet. */
export type FacetMatches = { kind: MatchKind; matches: number };

/**
 * How long each facet is expected to take, so that the facet time limit is kept: a facet is
 * counted only if it is predicted to end within the budget (docs/decisions/060).
 *
 * Every facet's statement passes over the same matching claims, so the facets counted so far
 * in a request predict the others: each facet costs a factor times the claim-level unit
 * (the status facet over the same claims). The factors start at measured values and are then
 * learned by the process from its own requests, because how much a facet costs relative to
 * the status facet depends on the machine, the database and the plans (at 100k claims the
 * stance facet under `contested=false` took 27 units, against the 15 it was first given, and
 * the limit was passed by half).
 *
 * A factor rises at once to any ratio observed (a limit passed once is enough) and sinks
 * slowly back towards its starting value, by a tenth of the gap, each time the facet is
 * measured cheaper. So one slow run (a pause of the collector, a busy machine) is forgotten
 * over the next requests that count that facet, over fewer claims. Leaving a facet out
 * teaches nothing: trying it again over the same claims would pass the limit again.
 * Statements answered from a cache are not measured (they would teach that a facet is free).
 *
 * A facet whose own filter is chosen passes over more claims than the others: its count
 * leaves that filter out. Each facet is given the size of what it passes over as a `scale`
 * (its claims over the list's matches, 1 for a facet with no filter of its own), and time
 * is predicted and learned per unit of that size. Without it, `actor=15&contested=false`
 * at 100k (303 matches) predicted the actor facet, which passes over the 82,000 claims
 * that are not contested, from the status facet over the 303, and took 200 ms.
 */
export class FacetCostModel {
  private readonly factors: Record<FacetName, number>;

  /**
   * `initial`: each facet's starting factor (status 1). `overheadMs`: what any statement costs
   * whatever the rows (preparing, a round trip), not multiplied by a factor. `reliableMs`: the
   * least work a unit must be measured from before a ratio is learned from it (below that, a
   * statement's time is mostly noise and a ratio would be meaningless).
   */
  constructor(
    private readonly initial: Readonly<Record<FacetName, number>>,
    readonly overheadMs: number,
    private readonly reliableMs: number,
    private readonly perMatch: Readonly<Record<MatchKind, number>> = { claimColumns: 0, other: 0 },
  ) {
    this.factors = { ...initial };
  }

  factor(facet: FacetName): number {
    return this.factors[facet];
  }

  /**
   * Milliseconds of one unit (the status facet's work) per matching claim, under filters of
   * `kind`. Fixed, not learned: a process's first counts run on a cold cache (at 100k claims
   * the first status facet under a broad stance took 175 ms, four times its usual), and
   * learning from them left every facet out of the next lists; the factors above still
   * learn once a unit is measured in the request.
   */
  unitPerMatch(kind: MatchKind): number {
    return this.perMatch[kind];
  }

  /** The time budget of one request's facets, counted against this model; `matches` predicts the first facet (unitPerMatch). */
  startRequest(budgetMs: number, matches?: FacetMatches, now: () => number = () => performance.now()): FacetTimer {
    return new FacetTimer(this, budgetMs, now, matches);
  }

  /**
   * A facet took `workMs` (its time less the overhead) over `scale` times the list's matches,
   * where the unit (per the matches) was `unitMs`, measured from `unitWorkMs` of work.
   */
  observe(facet: FacetName, workMs: number, unit: { unitMs: number; fromWorkMs: number }, scale = 1): void {
    if (unit.unitMs <= 0 || unit.fromWorkMs < this.reliableMs) return;
    const observed = workMs / (unit.unitMs * scale);
    if (observed > this.factors[facet]) this.factors[facet] = observed;
    else this.factors[facet] -= (this.factors[facet] - Math.max(observed, this.initial[facet])) / 10;
  }
}

/** One request's facets: which to count within the budget, and what each took. */
export class FacetTimer {
  private readonly started: number;
  /** Milliseconds per unit of cost, the largest measured so far in this request. */
  private unitMs = 0;
  /** The work (milliseconds, less overhead) the unit was measured from. */
  private unitFromWorkMs = 0;

  constructor(
    private readonly model: FacetCostModel,
    private readonly budgetMs: number,
    private readonly now: () => number,
    private readonly matches?: FacetMatches,
  ) {
    this.started = now();
  }

  /**
   * Whether `facet` is predicted to end within the budget. Before any facet of the request
   * is measured, the unit is predicted from the number of matching claims, when it is known:
   * otherwise the first facet was always counted, and at a million claims the status facet
   * under a broad stance took 0.4 s before the limit could leave anything out.
   */
  fits(facet: FacetName, scale = 1): boolean {
    return this.now() - this.started + this.predictedUnitMs() * this.model.factor(facet) * scale < this.budgetMs;
  }

  /**
   * The unit: the largest measured in this request, and never less than the cost per
   * matching claim says when the matches are known. A unit measured from a count over few
   * claims (or none: a statement within its overhead measures 0) would otherwise predict a
   * facet with a large `scale` to cost nothing.
   */
  private predictedUnitMs(): number {
    if (!this.matches) return this.unitMs;
    return Math.max(this.unitMs, this.model.unitPerMatch(this.matches.kind) * Math.max(1, this.matches.matches));
  }

  /** Time `count`, one facet's statement over `scale` times the list's matches, and learn from it. */
  async measure<T>(facet: FacetName, count: () => Promise<T>, scale = 1): Promise<T> {
    const start = this.now();
    const result = await count();
    const workMs = Math.max(0, this.now() - start - this.model.overheadMs);
    this.model.observe(facet, workMs, { unitMs: this.unitMs, fromWorkMs: this.unitFromWorkMs }, scale);
    const unitMs = workMs / (this.model.factor(facet) * scale);
    if (unitMs > this.unitMs) {
      this.unitMs = unitMs;
      this.unitFromWorkMs = workMs;
    }
    return result;
  }
}
