import { describe, expect, it } from "vitest";
import { createArticle } from "@/tests/support/article-factory";
import { search } from "@/tests/support/claim-search";
import { beforeAll } from "vitest";

/*
 * What a facet count means, checked against the list itself: an option's count is the
 * number of claims the list would show if that option were the only one chosen in its
 * facet, with every other filter kept. Holds for every facet, under every filter.
 */
const FILTERS = ["", "topic=troop-deaths", "contested=true", "q=north korea", "stance=denies", "stance=asserts&topic=korean-peninsula", "q=treaty&contested=false"];
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
