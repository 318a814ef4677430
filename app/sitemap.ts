import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/lib/publish/sitemap";

// Read per request: the claims change, and READ_ACCESS / PUBLIC_URL are the server's, not the build's.
export const dynamic = "force-dynamic";

/** /sitemap.xml: the claim pages that carry a ClaimReview (lib/publish/sitemap.ts). */
export default function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries();
}
