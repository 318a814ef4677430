import type { MetadataRoute } from "next";
import { env, publicOrigin, type Env, type PublicAddressSettings } from "@/lib/env";

/**
 * Pages a crawler has no business fetching: the API and the export files (the same data as
 * the pages, and costly), the claim list and matrix with filters (endless combinations of
 * one search), and everything behind sign-in.
 */
const NOT_FOR_CRAWLERS = ["/api/", "/export/", "/claims?", "/matrix?", "/admin", "/account", "/import", "/sign-in", "/claims/new", "/sources/new"];

/**
 * /robots.txt. A public site invites crawlers to the claim pages and points at the sitemap;
 * a site that needs sign-in (READ_ACCESS=login) has nothing public, so it turns every
 * crawler away and names no sitemap.
 */
export function robotsRules(values: PublicAddressSettings & Pick<Env, "READ_ACCESS"> = env): MetadataRoute.Robots {
  if (values.READ_ACCESS !== "public") return { rules: { userAgent: "*", disallow: "/" } };
  return {
    rules: { userAgent: "*", allow: "/", disallow: NOT_FOR_CRAWLERS },
    sitemap: `${publicOrigin(values)}/sitemap.xml`,
  };
}
