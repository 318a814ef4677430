import "server-only";
import type { MetadataRoute } from "next";
import { prisma } from "@/lib/db/prisma";
import { env, publicOrigin, type Env, type PublicAddressSettings } from "@/lib/env";
import { claimPageUrl } from "@/lib/export/claim-review";

/** The sitemap protocol's limit on the URLs of one sitemap file (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

/** Every claim page that carries a ClaimReview, most recently changed first. */
export async function listReviewedClaims(limit: number = SITEMAP_URL_LIMIT): Promise<{ id: number; updatedAt: Date }[]> {
  return prisma.claim.findMany({
    where: { status: { isFinal: true } },
    select: { id: true, updatedAt: true },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/**
 * /sitemap.xml: the claim pages that carry a ClaimReview (the claims with a final
 * verdict), at the configured public address. A site that needs sign-in publishes none:
 * its sitemap is empty, so it tells a crawler nothing, not even how many claims there are.
 * Past the protocol's 50,000 URLs, the most recently changed claims are listed.
 */
export async function sitemapEntries(values: PublicAddressSettings & Pick<Env, "READ_ACCESS"> = env, limit?: number): Promise<MetadataRoute.Sitemap> {
  if (values.READ_ACCESS !== "public") return [];
  const origin = publicOrigin(values);
  return (await listReviewedClaims(limit)).map((claim) => ({ url: claimPageUrl(origin, claim.id), lastModified: claim.updatedAt }));
}
