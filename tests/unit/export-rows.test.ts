import { describe, expect, it } from "vitest";
import { attributionCsvRows } from "@/lib/export/attribution-rows";
import { claimCsvRow } from "@/lib/export/claim-rows";
import { claimReviewNotice, toClaimReview } from "@/lib/export/claim-review";
import { ATTRIBUTION_COLUMNS, CLAIM_COLUMNS } from "@/lib/export/columns";
import type { ExportRecord, ReviewRecord } from "@/lib/export/export-record";
import type { AttributionRecord } from "@/lib/claims/records";

const source = (id: number, publishedAt: string | null, url: string | null = `https://news.test/${id}`) => ({
  id,
  title: `Story ${id}, with a comma`,
  outlet: `Outlet ${id}`,
  url,
  publishedAt,
});

let nextId = 100;
function attribution(partial: Partial<AttributionRecord> & Pick<AttributionRecord, "stance" | "actor" | "source">): AttributionRecord {
  return {
    id: nextId++,
    verb: null,
    sourcing: "named",
    accuracy: "unchecked",
    version: 1,
    via: [],
    quote: { exact: "the words", prefix: null, suffix: null, start: null, end: null },
    ...partial,
  };
}

const peskov = { id: 1, name: "Dmitry Peskov", kind: "person" as const, role: "Kremlin spokesperson" };
const kyiv = { id: 2, name: "Reports from Kyiv", kind: "unnamed_source" as const, role: null };
const reuters = { id: 3, name: "Reuters", kind: "news_outlet" as const };
const tass = { id: 4, name: "TASS", kind: "news_outlet" as const };

const record: ExportRecord = {
  id: 7,
  text: "Six soldiers died, sources say",
  topic: { key: "troop-deaths", label: "Troop deaths" },
  status: { key: "false", label: "False", colour: "#991b1b", isFinal: true },
  version: 3,
  contested: true,
  sourceCount: 2,
  firstPublishedAt: "2024-10-14T00:00:00.000Z",
  createdAt: "2024-10-15T00:00:00.000Z",
  updatedAt: "2024-10-16T12:00:00.000Z",
  annotationsCount: 2,
  // Recorded in API order (by source id); the files list them by publication date.
  attributions: [
    attribution({ stance: "denies", actor: peskov, source: source(1, "2024-10-15T00:00:00.000Z"), verb: "called it fake news", via: [reuters, tass] }),
    attribution({ stance: "declines_to_clarify", actor: peskov, source: source(1, "2024-10-15T00:00:00.000Z") }),
    attribution({ stance: "asserts", actor: kyiv, source: source(2, "2024-10-14T00:00:00.000Z", null), via: [reuters], quote: { exact: "=6 dead", prefix: "a", suffix: "b", start: 10, end: 17 } }),
    attribution({ stance: "asserts", actor: kyiv, source: source(1, "2024-10-15T00:00:00.000Z"), via: [reuters] }),
  ],
};

const byColumn = <C extends string>(columns: readonly C[], row: string[]) => Object.fromEntries(columns.map((column, i) => [column, row[i]])) as Record<C, string>;

describe("claims.csv row", () => {
  it("has one cell per contract column, in order", () => {
    expect(claimCsvRow(record)).toHaveLength(CLAIM_COLUMNS.length);
  });

  it("lists actors, stances, chains and sources as distinct values joined by '; ', oldest source first", () => {
    expect(byColumn(CLAIM_COLUMNS, claimCsvRow(record))).toEqual({
      claim_id: "7",
      claim: "Six soldiers died, sources say",
      topic: "troop-deaths",
      status: "false",
      contested: "true",
      asserted_by: "Reports from Kyiv",
      denied_by: "Dmitry Peskov",
      other_stances: "Dmitry Peskov: declines_to_clarify",
      via: "Reuters; Reuters > TASS",
      sources: "Story 2, with a comma (Outlet 2); Story 1, with a comma (Outlet 1)",
      source_urls: "https://news.test/1",
      first_published: "2024-10-14T00:00:00.000Z",
      updated_at: "2024-10-16T12:00:00.000Z",
      annotations_count: "2",
    });
  });

  it("writes empty cells for missing values and false for an uncontested claim", () => {
    const bare = byColumn(CLAIM_COLUMNS, claimCsvRow({ ...record, contested: false, firstPublishedAt: null, attributions: [], annotationsCount: 0 }));
    expect(bare).toMatchObject({ contested: "false", asserted_by: "", via: "", sources: "", source_urls: "", first_published: "", annotations_count: "0" });
  });
});

describe("attributions.csv rows", () => {
  it("writes one row per attribution, in contract order, by source publication date then recording order", () => {
    const rows = attributionCsvRows(record);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(ATTRIBUTION_COLUMNS.length);
    const first = byColumn(ATTRIBUTION_COLUMNS, rows[0]!);
    expect(first).toEqual({
      claim_id: "7",
      claim: "Six soldiers died, sources say",
      topic: "troop-deaths",
      status: "false",
      actor: "Reports from Kyiv",
      actor_kind: "unnamed_source",
      actor_role: "",
      stance: "asserts",
      verb: "",
      via: "Reuters",
      source_title: "Story 2, with a comma",
      source_outlet: "Outlet 2",
      source_url: "",
      source_published: "2024-10-14T00:00:00.000Z",
      quote: "=6 dead",
      quote_start: "10",
      quote_end: "17",
      attribution_accuracy: "unchecked",
      sourcing: "named",
    });
    const second = byColumn(ATTRIBUTION_COLUMNS, rows[1]!);
    expect(second).toMatchObject({ actor: "Dmitry Peskov", actor_role: "Kremlin spokesperson", stance: "denies", verb: "called it fake news", via: "Reuters > TASS", quote_start: "" });
    expect(rows.map((row) => byColumn(ATTRIBUTION_COLUMNS, row).stance)).toEqual(["asserts", "denies", "declines_to_clarify", "asserts"]);
  });

  it("puts undated sources last", () => {
    const undated = { ...record, attributions: [attribution({ stance: "reports", actor: reuters as never, source: source(9, null) }), ...record.attributions] };
    expect(byColumn(ATTRIBUTION_COLUMNS, attributionCsvRows(undated).at(-1)!).source_title).toBe("Story 9, with a comma");
  });
});

describe("ClaimReview", () => {
  const review: ReviewRecord = { ...record, verdict: { ratingValue: 1, latestChange: { rationale: "Ukraine's own figures differ.", createdAt: "2024-10-20T08:00:00.000Z" } } };
  const context = { origin: "https://claims.example.org/", organisation: { name: "Example Checks", url: "https://example.org" } };
  const examplesChecks = { "@type": "Organization", name: "Example Checks", url: "https://example.org" };

  it("has the fields fact-check aggregators read", () => {
    expect(toClaimReview(review, context)).toEqual({
      "@type": "ClaimReview",
      url: "https://claims.example.org/claims/7",
      claimReviewed: "Six soldiers died, sources say",
      datePublished: "2024-10-20T08:00:00.000Z",
      author: examplesChecks,
      publisher: examplesChecks,
      reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False", name: "False", ratingExplanation: "Ukraine's own figures differ." },
      itemReviewed: {
        "@type": "Claim",
        // Only "Reports from Kyiv" (an unnamed source) asserts it: the Claim has no author.
        datePublished: "2024-10-14T00:00:00.000Z",
        appearance: [
          { "@type": "CreativeWork", headline: "Story 2, with a comma", publisher: { "@type": "Organization", name: "Outlet 2" }, datePublished: "2024-10-14T00:00:00.000Z" },
          { "@type": "CreativeWork", url: "https://news.test/1", headline: "Story 1, with a comma", publisher: { "@type": "Organization", name: "Outlet 1" }, datePublished: "2024-10-15T00:00:00.000Z" },
        ],
        firstAppearance: { "@type": "CreativeWork", headline: "Story 2, with a comma", publisher: { "@type": "Organization", name: "Outlet 2" }, datePublished: "2024-10-14T00:00:00.000Z" },
      },
    });
  });

  it("never publishes an unnamed source as the claimant: the first named asserting actor, or none", () => {
    const zelenskyy = { id: 5, name: "Volodymyr Zelenskyy", kind: "person" as const, role: null };
    const ministry = { id: 6, name: "Ministry of Defence", kind: "government" as const, role: null };
    const later = source(8, "2024-12-01T00:00:00.000Z");
    const withNamed = { ...review, attributions: [...review.attributions, attribution({ stance: "asserts", actor: ministry, source: later }), attribution({ stance: "asserts", actor: zelenskyy, source: later })] };
    // Kyiv asserts first (2024-10-14), but is unnamed; the ministry is the first named asserter.
    expect(toClaimReview(withNamed, context).itemReviewed).toMatchObject({ author: { "@type": "Organization", name: "Ministry of Defence" } });
    // A named actor whom this source quotes only as an unnamed source is not named here either.
    const unnamedSourcing = { ...review, attributions: [attribution({ stance: "asserts", actor: zelenskyy, sourcing: "unnamed", source: later })] };
    expect(toClaimReview(unnamedSourcing, context).itemReviewed).not.toHaveProperty("author");
    expect(toClaimReview(review, context).itemReviewed).not.toHaveProperty("author");
  });

  it("makes a person claimant a Person", () => {
    const personFirst = { ...review, attributions: [attribution({ stance: "asserts", actor: peskov, source: source(5, "2024-01-01T00:00:00.000Z") }), ...review.attributions] };
    expect(toClaimReview(personFirst, context).itemReviewed).toMatchObject({ author: { "@type": "Person", name: "Dmitry Peskov" } });
  });

  it("keeps the verdict's words but leaves out ratingValue for a verdict without a rating (unverifiable)", () => {
    const unverifiable = { ...review, status: { ...review.status, key: "unverifiable", label: "Unverifiable" }, verdict: { ratingValue: null, latestChange: null } };
    const rating = toClaimReview(unverifiable, context).reviewRating as Record<string, unknown>;
    expect(rating).toEqual({ "@type": "Rating", bestRating: 5, worstRating: 1, alternateName: "Unverifiable", name: "Unverifiable" });
    expect(toClaimReview(unverifiable, context).datePublished).toBe(record.updatedAt);
  });

  it("names no author or publisher, and says so, when no organisation is configured", () => {
    const anonymous = { origin: "https://claims.example.org", organisation: null };
    const published = toClaimReview(review, anonymous);
    expect(published).not.toHaveProperty("author");
    expect(published).not.toHaveProperty("publisher");
    expect(JSON.stringify(published)).not.toMatch(/claimtrail/i);
    expect(claimReviewNotice(anonymous)).toMatch(/No publishing organisation is configured \(ORGANISATION_NAME\)/);
    expect(claimReviewNotice(context)).toBeNull();
  });
});
