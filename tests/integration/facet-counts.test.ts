import { describe, expect, it } from "vitest";
import { createArticle } from "@/tests/support/article-factory";
import { search } from "@/tests/support/claim-search";
import { beforeAll } from "vitest";
import { parseClaimQuery } from "@/lib/claims/query/claim-query";
import { countFacets } from "@/lib/claims/search/facets";
import { loadVocabulary } from "@/lib/vocabulary/queries";

/*
 * What a facet count means, checked against the list itself: an option's count is the
 * number of claims the list would show if that option were the only one chosen in its
 * facet, with every other filter kept. Holds for every facet, under every filter.
 */
const FILTERS = ["", "topic=troop-deaths", "contested=true", "q=north korea", "stance=denies", "stance=asserts&topic=korean-peninsula", "q=treaty&contested=false", "from=2000-01-01", "stance=reports&from=2024-01-01&to=2024-12-31"];
const FACETS = ["status", "topic", "stance", "source", "actor", "contested"] as const;

beforeAll(async () => {
  await createArticle({
    title: "Follow-up",
    statements: [
      { claim: "North Korea has given Russia ballistic missiles and ammunition.", topic: "missile-transfers", actor: "Reuters", stance: "reports", words: "Reuters reported the transfers again.", via: ["Wire pool"] },
      { claim: "A new claim about the treaty.", topic: "russia-dprk-treaty", actor: "Dmitry Peskov", stance: "denies", via: ["Reuters"] },
    ],
  });
});

function withOnly(filter: string, facet: string, value: string): string {
  const params = new URLSearchParams(filter);
  params.delete(facet);
  params.set(facet, value);
  return params.toString();
}

describe("facet counts", () => {
  for (const filter of FILTERS) {
    it(`equal the totals they predict under "${filter || "no filter"}"`, async () => {
      const facets = (await search(filter)).facets!;
      for (const facet of FACETS) {
        for (const option of facets[facet]) {
          const predicted = (await search(withOnly(filter, facet, option.value))).total;
          expect(option.count, `${facet}=${option.value} under ${filter}`).toBe(predicted);
        }
      }
    });
  }
});

describe("facet time limit", () => {
  async function counts(filter: string, budgetMs: number) {
    const vocabulary = await loadVocabulary();
    const parsed = parseClaimQuery(new URLSearchParams(filter), vocabulary);
    if (!parsed.ok) throw new Error("bad filter");
    return countFacets(parsed.query, vocabulary, { budgetMs });
  }

  it("counts every facet when there is time, and names none as missing", async () => {
    const { facets, missing } = await counts("contested=true", 60_000);
    expect(missing).toEqual([]);
    expect(facets).toEqual((await search("contested=true")).facets);
  });

  it("leaves out the facets it has no time for, names them, and gives no counts for them", async () => {
    const { facets, missing } = await counts("contested=true", 0);
    expect([...missing].sort()).toEqual([...FACETS].sort());
    for (const facet of FACETS) expect(facets[facet]).toEqual([]);
  });

  it("never gives a facet it counted a wrong count, however little time it had", async () => {
    const full = (await counts("stance=denies", 60_000)).facets;
    for (const budget of [0, 0.05, 0.5, 2]) {
      const { facets, missing } = await counts("stance=denies", budget);
      for (const facet of FACETS) expect(facets[facet], `${facet} with ${budget} ms`).toEqual(missing.includes(facet) ? [] : full[facet]);
    }
  });
});
