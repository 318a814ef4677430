import { chronological, type ReviewRecord } from "@/lib/export/export-record";
import type { AttributionRecord } from "@/lib/claims/records";

/**
 * schema.org ClaimReview (https://schema.org/ClaimReview) for a claim with a final verdict,
 * in the shape fact-check aggregators read. Pure: the caller supplies the site's origin and
 * the organisation that publishes the reviews.
 */
export type ReviewContext = { origin: string; organisation: { name: string; url?: string } };

type Thing = Record<string, unknown>;

export const SCHEMA_ORG = "https://schema.org";

export function claimPageUrl(origin: string, claimId: number): string {
  return `${origin.replace(/\/+$/, "")}/claims/${claimId}`;
}

export function toClaimReview(record: ReviewRecord, context: ReviewContext): Thing {
  const attributions = chronological(record.attributions);
  const claimant = attributions.find((a) => a.stance === "asserts")?.actor;
  const appearances = distinctSources(attributions).map(creativeWork);
  const first = firstAppearance(attributions);
  const { ratingValue, latestChange } = record.verdict;

  return {
    "@type": "ClaimReview",
    url: claimPageUrl(context.origin, record.id),
    claimReviewed: record.text,
    datePublished: latestChange?.createdAt ?? record.updatedAt,
    author: { "@type": "Organization", name: context.organisation.name, ...(context.organisation.url ? { url: context.organisation.url } : {}) },
    reviewRating: {
      "@type": "Rating",
      ...(ratingValue === null ? {} : { ratingValue }),
      bestRating: 5,
      worstRating: 1,
      alternateName: record.status.label,
      ...(latestChange ? { ratingExplanation: latestChange.rationale } : {}),
    },
    itemReviewed: {
      "@type": "Claim",
      ...(claimant ? { author: { "@type": claimant.kind === "person" ? "Person" : "Organization", name: claimant.name } } : {}),
      ...(record.firstPublishedAt ? { datePublished: record.firstPublishedAt } : {}),
      appearance: appearances,
      ...(first ? { firstAppearance: creativeWork(first) } : {}),
    },
  };
}

type SourceRef = AttributionRecord["source"];

function distinctSources(attributions: readonly AttributionRecord[]): SourceRef[] {
  const seen = new Set<number>();
  return attributions.map((a) => a.source).filter((source) => !seen.has(source.id) && seen.add(source.id));
}

/** The earliest dated source; with no dated source, the first one recorded. */
function firstAppearance(attributions: readonly AttributionRecord[]): SourceRef | undefined {
  // `attributions` is chronological, undated sources last.
  return attributions[0]?.source;
}

function creativeWork(source: SourceRef): Thing {
  return {
    "@type": "CreativeWork",
    ...(source.url ? { url: source.url } : {}),
    headline: source.title,
    publisher: { "@type": "Organization", name: source.outlet },
    ...(source.publishedAt ? { datePublished: source.publishedAt } : {}),
  };
}
