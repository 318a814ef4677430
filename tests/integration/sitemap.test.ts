import { beforeAll, describe, expect, it } from "vitest";
import { setClaimStatus } from "@/lib/claims/mutations";
import { prisma } from "@/lib/db/prisma";
import { parseEnv } from "@/lib/env";
import { robotsRules } from "@/lib/publish/robots";
import { sitemapEntries } from "@/lib/publish/sitemap";

/*
 * What /sitemap.xml and /robots.txt are made of, on this file's copy of the seeded database.
 * (tests/e2e/claimreview.spec.ts and login-mode-publishing.spec.ts read them from real servers.)
 */

const publicSite = parseEnv({ PUBLIC_URL: "https://claims.example.org" });
const privateSite = parseEnv({ PUBLIC_URL: "https://claims.example.org", READ_ACCESS: "login" });
let reviewed: number[];

beforeAll(async () => {
  const user = { id: "sitemap-checker", email: "sitemap@claimtrail.test", name: "Sitemap Checker", role: "fact_checker" as const };
  await prisma.user.create({ data: { id: user.id, email: user.email, name: user.name, role: user.role } });
  const claims = await prisma.claim.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" }, take: 4 });
  // A workflow state is not a verdict: the fourth claim goes in review and must not be listed.
  for (const [claim, status] of claims.map((claim, i) => [claim, ["false", "mostly_true", "unverifiable", "in_review"][i]!] as const)) {
    await setClaimStatus(user, claim.id, { status, rationale: "Checked.", evidence: [], version: claim.version });
  }
  reviewed = claims.slice(0, 3).map((claim) => claim.id);
});

describe("sitemap.xml", () => {
  it("lists the page of every claim with a final verdict, at the public address, most recently changed first", async () => {
    const entries = await sitemapEntries(publicSite);
    expect(entries.map((entry) => entry.url).sort()).toEqual(reviewed.map((id) => `https://claims.example.org/claims/${id}`).sort());
    const modified = entries.map((entry) => (entry.lastModified as Date).getTime());
    expect(modified).toEqual([...modified].sort((a, b) => b - a));
  });

  it("stops at the limit, keeping the most recently changed", async () => {
    const all = await sitemapEntries(publicSite);
    expect(await sitemapEntries(publicSite, 2)).toEqual(all.slice(0, 2));
  });

  it("is empty on a site that needs sign-in", async () => {
    expect(await sitemapEntries(privateSite)).toEqual([]);
  });
});

describe("robots.txt", () => {
  it("points a public site's crawlers at the sitemap and away from the API and the files", () => {
    const rules = robotsRules(publicSite);
    expect(rules.sitemap).toBe("https://claims.example.org/sitemap.xml");
    expect(rules.rules).toMatchObject({ userAgent: "*", allow: "/", disallow: expect.arrayContaining(["/api/", "/export/"]) });
  });

  it("turns every crawler away from a site that needs sign-in, naming no sitemap", () => {
    expect(robotsRules(privateSite)).toEqual({ rules: { userAgent: "*", disallow: "/" } });
  });
});
