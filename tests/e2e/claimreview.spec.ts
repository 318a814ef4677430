import { expect, test, type APIRequestContext } from "@playwright/test";
import { parse as parseHtml } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { PUBLISHING } from "./support/e2e-env";
import { apiToken, createReviewedClaim } from "./support/reviewed-claim";

/*
 * ClaimReview as the running server publishes it: the copy embedded in a claim's page,
 * extracted with a standard HTML parser (parse5, the WHATWG parsing algorithm browsers
 * use), equals the claim's .jsonld file and its entry in the export file; every link is at
 * the configured PUBLIC_URL whatever forwarding headers a client sends; the sitemap lists
 * exactly the pages that carry a ClaimReview and robots.txt points at it.
 */

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Every <script type="application/ld+json"> in the document, as parsed JSON. */
function jsonLdScripts(html: string): unknown[] {
  const found: unknown[] = [];
  const visit = (node: Node) => {
    const element = node as Element;
    if (element.tagName === "script" && element.attrs.some((attr) => attr.name === "type" && attr.value === "application/ld+json")) {
      const text = element.childNodes.map((child) => ("value" in child ? child.value : "")).join("");
      found.push(JSON.parse(text));
    }
    for (const child of ("childNodes" in node ? node.childNodes : []) as Node[]) visit(child);
    if (element.tagName === "template" && "content" in element) visit(element.content as Node);
  };
  visit(parseHtml(html) as Node);
  return found;
}

const FORGED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "host=evil.example;proto=https" };
const HOSTILE_CLAIM = `Officials said </script><script>window.__pwned=1</script> "nine" brigades & <b>more</b> moved ${Date.now()}`;

let token: string;
test.beforeAll(async () => {
  token = await apiToken("factChecker");
});

async function getJson(request: APIRequestContext, path: string) {
  const response = await request.get(path, { headers: FORGED });
  expect(response.status(), path).toBe(200);
  return response.json();
}

test("the claim page embeds exactly the claim's ClaimReview file, at the configured address", async ({ request, baseURL }) => {
  const claimId = await createReviewedClaim(request, {
    baseURL: baseURL!,
    token,
    claim: HOSTILE_CLAIM,
    status: "misleading",
    outlet: "The <Courier> & \"Times\"",
    statements: [
      { actor: "Reports from the capital", actorKind: "unnamed_source", stance: "asserts", sourcing: "unnamed", words: "Nine brigades moved, according to reports from the capital." },
      { actor: "Defence Ministry", actorKind: "government", stance: "asserts", words: "The defence ministry said nine brigades had moved." },
      { actor: "Opposition MP", actorKind: "person", stance: "denies", words: "An opposition MP called the brigade story invented." },
    ],
  });

  const page = await request.get(`/claims/${claimId}`, { headers: FORGED });
  expect(page.status()).toBe(200);
  const embedded = jsonLdScripts(await page.text());
  expect(embedded).toHaveLength(1);

  const file = await getJson(request, `/claims/${claimId}/claimreview.jsonld`);
  expect(embedded[0]).toEqual(file);
  const exported = await getJson(request, `/export/claimreview.jsonld?status=misleading`);
  expect(exported["@graph"].map((review: object) => ({ "@context": exported["@context"], ...review }))).toContainEqual(file);

  expect(file).toMatchObject({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${PUBLISHING.PUBLIC_URL}/claims/${claimId}`,
    claimReviewed: HOSTILE_CLAIM,
    author: { "@type": "Organization", name: PUBLISHING.ORGANISATION_NAME, url: PUBLISHING.ORGANISATION_URL },
    publisher: { "@type": "Organization", name: PUBLISHING.ORGANISATION_NAME, url: PUBLISHING.ORGANISATION_URL },
    reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Misleading", name: "Misleading" },
    // The unnamed "reports from the capital" come first, but the claimant is the first named asserter.
    itemReviewed: { "@type": "Claim", author: { "@type": "Organization", name: "Defence Ministry" } },
  });
  expect(JSON.stringify(file)).not.toContain("evil.example");
});

test("the embedded copy cannot close its script tag, in a real browser", async ({ page, request, baseURL }) => {
  const claimId = await createReviewedClaim(request, {
    baseURL: baseURL!,
    token,
    claim: `${HOSTILE_CLAIM} again`,
    status: "false",
    statements: [{ actor: "A Named Person", actorKind: "person", stance: "asserts", words: "A named person wrote the same thing again." }],
  });
  await page.goto(`/claims/${claimId}`);
  const text = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(text!).claimReviewed).toBe(`${HOSTILE_CLAIM} again`);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.getByRole("link", { name: "JSON-LD" })).toHaveAttribute("href", `/claims/${claimId}/claimreview.jsonld`);
});

test("the sitemap lists exactly the claim pages that carry a ClaimReview; robots.txt points at it", async ({ request, baseURL }) => {
  const reviewed = await createReviewedClaim(request, {
    baseURL: baseURL!,
    token,
    claim: `A claim for the sitemap ${Date.now()}`,
    status: "true",
    statements: [{ actor: "Sitemap Speaker", actorKind: "person", stance: "asserts", words: "The sitemap speaker said something true." }],
  });

  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toMatch(/xml/);
  const xml = await sitemap.text();
  const locations = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
  expect(locations).toContain(`${PUBLISHING.PUBLIC_URL}/claims/${reviewed}`);
  // The same set as the export of every ClaimReview: the pages that embed one.
  const all = await getJson(request, "/export/claimreview.jsonld");
  expect([...locations].sort()).toEqual(all["@graph"].map((review: { url: string }) => review.url).sort());
  const unreviewed = (await (await request.get("/api/claims?status=unreviewed&pageSize=1")).json()).items[0].id;
  expect(locations).not.toContain(`${PUBLISHING.PUBLIC_URL}/claims/${unreviewed}`);
  expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const rules = await robots.text();
  expect(rules).toContain(`Sitemap: ${PUBLISHING.PUBLIC_URL}/sitemap.xml`);
  expect(rules).toMatch(/^User-Agent: \*$/m);
  expect(rules).toMatch(/^Allow: \/$/m);
  expect(rules).toMatch(/^Disallow: \/api\/$/m);
  expect(rules).toMatch(/^Disallow: \/export\/$/m);
});
