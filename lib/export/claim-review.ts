import type { ClaimReview, CreativeWork, Organization, Person, Rating } from "schema-dts";
import { chronological, type ReviewRecord } from "@/lib/export/export-record";
import type { AttributionRecord } from "@/lib/claims/records";

/**
 * schema.org ClaimReview (https://schema.org/ClaimReview) for a claim with a final verdict,
 * in the shape fact-check aggregators read, typed by Google's schema.org typings
 * (schema-dts). Pure: the caller supplies the site's public origin and the organisation
 * that publishes the reviews (lib/export/review-context.ts reads both from the
 * configuration). docs/export.md documents every field; decision 040 says why.
 */
export type PublishingOrganisation = { name: string; url?: string };
export type ReviewContext = {
  /** PUBLIC_URL (or its fallback): never a request's Host or X-Forwarded-* headers. */
  origin: string;
  /** null when none is configured: the review then names no author or publisher at all. */
  organisation: PublishingOrganisation | null;
};

export const SCHEMA_ORG = "https://schema.org";
/** The 1–5 scale of Status.ratingValue (Google's: 1 false … 5 true). */
export const WORST_RATING = 1;
export const BEST_RATING = 5;

export function claimPageUrl(origin: string, claimId: number): string {
  return `${origin.replace(/\/+$/, "")}/claims/${claimId}`;
}

export function toClaimReview(record: ReviewRecord, context: ReviewContext): ClaimReview {
  const attributions = chronological(record.attributions);
  const author = claimant(attributions);
  const appearances = distinctSources(attributions).map(creativeWork);
  const first = firstAppearance(attributions);
  const { latestChange } = record.verdict;
  const publisher = context.organisation ? organisation(context.organisation) : null;

  return {
    "@type": "ClaimReview",
    url: claimPageUrl(context.origin, record.id),
    claimReviewed: record.text,
    datePublished: latestChange?.createdAt ?? record.updatedAt,
    ...(publisher ? { author: publisher, publisher } : {}),
    reviewRating: rating(record),
    itemReviewed: {
      "@type": "Claim",
      ...(author ? { author: claimantThing(author) } : {}),
      ...(record.firstPublishedAt ? { datePublished: record.firstPublishedAt } : {}),
      appearance: appearances,
      ...(first ? { firstAppearance: creativeWork(first) } : {}),
    },
  };
}

/**
 * The verdict: its words (the status label) as alternateName and name, its place on the
 * 1–5 scale when the status has one. Several statuses may share a value (misleading and
 * mostly false are both 2) and "unverifiable" has none, so the words are what tell them apart.
 */
function rating(record: ReviewRecord): Rating {
  const { ratingValue, latestChange } = record.verdict;
  return {
    "@type": "Rating",
    ...(ratingValue === null ? {} : { ratingValue }),
    bestRating: BEST_RATING,
    worstRating: WORST_RATING,
    alternateName: record.status.label,
    name: record.status.label,
    ...(latestChange ? { ratingExplanation: latestChange.rationale } : {}),
  };
}

/**
 * The claimant: the first actor (in publication order) who asserts the claim and whom the
 * source names. An unnamed source ("reports from Kyiv", "a senior official") is nobody
 * one can publish as a Person or an Organization, so it never becomes the claimant; when
 * only unnamed sources assert the claim, the Claim has no author.
 */
export function claimant(attributions: readonly AttributionRecord[]): AttributionRecord["actor"] | undefined {
  return attributions.find((a) => a.stance === "asserts" && a.actor.kind !== "unnamed_source" && a.sourcing !== "unnamed")?.actor;
}

function claimantThing(actor: AttributionRecord["actor"]): Person | Organization {
  return actor.kind === "person" ? { "@type": "Person", name: actor.name } : { "@type": "Organization", name: actor.name };
}

function organisation(org: PublishingOrganisation): Organization {
  return { "@type": "Organization", name: org.name, ...(org.url ? { url: org.url } : {}) };
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

function creativeWork(source: SourceRef): CreativeWork {
  return {
    "@type": "CreativeWork",
    ...(source.url ? { url: source.url } : {}),
    headline: source.title,
    publisher: { "@type": "Organization", name: source.outlet },
    ...(source.publishedAt ? { datePublished: source.publishedAt } : {}),
  };
}

/** The response header that carries `claimReviewNotice` with every ClaimReview file. */
export const NOTICE_HEADER = "Claimtrail-Notice";

/**
 * What a reader of the ClaimReviews must know about them, or null: without a configured
 * organisation they name no author or publisher (rather than naming the software), which
 * fact-check aggregators will not accept. Shown on the claim page and sent as a header.
 */
export function claimReviewNotice(context: ReviewContext): string | null {
  if (context.organisation) return null;
  return "No publishing organisation is configured (ORGANISATION_NAME), so these ClaimReviews name no author or publisher; fact-check aggregators need one.";
}
