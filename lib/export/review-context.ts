import { env, publicOrigin, type Env, type PublicAddressSettings } from "@/lib/env";
import { claimReviewNotice, type ReviewContext } from "@/lib/export/claim-review";

/**
 * Who publishes the ClaimReviews and where, from the configuration alone: the one context
 * for the export file, the one-claim file and the copy embedded in the claim's page, so the
 * three always agree, whatever Host or X-Forwarded-* headers a request carries.
 */
export function reviewContext(values: PublicAddressSettings & Pick<Env, "ORGANISATION_NAME" | "ORGANISATION_URL"> = env): ReviewContext {
  return {
    origin: publicOrigin(values),
    organisation: values.ORGANISATION_NAME ? { name: values.ORGANISATION_NAME, ...(values.ORGANISATION_URL ? { url: values.ORGANISATION_URL } : {}) } : null,
  };
}

/** What an operator should hear at start about how the site publishes itself (printed by `npm start`). */
export function publishingNotices(values: Parameters<typeof reviewContext>[0] = env): string[] {
  const context = reviewContext(values);
  const notices: string[] = [];
  if (!values.PUBLIC_URL && !values.BETTER_AUTH_URL) {
    notices.push(`PUBLIC_URL is not set: ClaimReview, sitemap.xml and robots.txt link to ${context.origin}. Set it to the address readers use.`);
  }
  const notice = claimReviewNotice(context);
  if (notice) notices.push(notice);
  return notices;
}
