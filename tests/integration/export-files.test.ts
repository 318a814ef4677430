import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listClaims } from "@/app/api/claims/route";
import { GET as attributionsCsvRoute } from "@/app/export/attributions.csv/route";
import { GET as claimReviewRoute } from "@/app/export/claimreview.jsonld/route";
import { GET as claimsCsvRoute } from "@/app/export/claims.csv/route";
import { GET as claimsJsonRoute } from "@/app/export/claims.json/route";
import { GET as oneClaimReviewRoute } from "@/app/claims/[id]/claimreview.jsonld/route";
import { setClaimStatus } from "@/lib/claims/mutations";
import { loadClaimRecords } from "@/lib/claims/records";
import { prisma } from "@/lib/db/prisma";
import { ATTRIBUTION_COLUMNS, CLAIM_COLUMNS } from "@/lib/export/columns";
import { readCsv } from "@/lib/import/read-csv";
import { createArticle, claimIdByText } from "@/tests/support/article-factory";
import { BASE_URL, routeParams } from "@/tests/support/route-context";

/*
 * The export routes, called as Next calls them, on this file's copy of the seeded database
 * plus an article whose claims, names and quotes are everything a CSV file finds hard.
 */

const TOPIC = "export-awkward";
const AWKWARD = {
  formula: '=HYPERLINK("http://evil.test","click")',
  plus: "+7 soldiers, it says, were \"reassigned\"",
  minus: "-5 tanks were lost",
  at: "@everyone the treaty is void",
  tab: "\tA claim that starts with a tab",
  cr: "\rA claim that starts with a carriage return",
  cyrillic: "Москва отрицает гибель солдат",
  korean: "북한군 병사 6명이 사망했다",
  emoji: "Soldiers 🙂 were seen, 👍🏽 says the post",
};

const today = () => new Date().toISOString().slice(0, 10);
const call = (route: typeof claimsCsvRoute, path: string, query = "") => route(new Request(`${BASE_URL}${path}${query ? `?${query}` : ""}`), routeParams({}));
const routes = {
  "claims.csv": claimsCsvRoute,
  "attributions.csv": attributionsCsvRoute,
  "claims.json": claimsJsonRoute,
  "claimreview.jsonld": claimReviewRoute,
} as const;
const exportFile = (name: keyof typeof routes, query = "") => call(routes[name], `/export/${name}`, query);

/** The records of a CSV file as a spreadsheet sees them: quoting undone, neutralising kept. */
async function csvRecords(response: Response): Promise<string[][]> {
  return parse(await response.text(), { bom: true }) as string[][];
}

async function apiTotal(query: string): Promise<{ total: number; ids: number[] }> {
  const body = await (await listClaims(new Request(`${BASE_URL}/api/claims?${query}${query ? "&" : ""}pageSize=200`), routeParams({}))).json();
  return { total: body.total, ids: body.items.map((item: { id: number }) => item.id) };
}

beforeAll(async () => {
  await createArticle({
    title: "Awkward, \"quoted\" headline\nwith a line break",
    outlet: "Агентство Новости",
    url: "https://news.test/awkward",
    publishedAt: "2024-10-15T09:30:00.000Z",
    statements: [
      { claim: AWKWARD.formula, topic: TOPIC, actor: "Иван Петров", stance: "asserts", words: `${AWKWARD.formula} was posted` },
      { claim: AWKWARD.plus, topic: TOPIC, actor: "김정은", stance: "denies", words: "line one, \"quoted\"\nline two", via: ["Agence, \"France\" Presse", "Reuters"] },
      { claim: AWKWARD.minus, topic: TOPIC, actor: "@handle", stance: "reports", words: "-5 tanks, the handle wrote" },
      { claim: AWKWARD.at, topic: TOPIC, actor: "=Formula Person", stance: "asserts", words: "@everyone the treaty is void, he posted" },
      { claim: AWKWARD.tab, topic: TOPIC, actor: "Reporter One", stance: "asserts", words: "\tTabbed words" },
      { claim: AWKWARD.cr, topic: TOPIC, actor: "Reporter Two", stance: "asserts", words: "\rCarriage words" },
      { claim: AWKWARD.cyrillic, topic: TOPIC, actor: "Кремль", stance: "denies", words: "«Это фейк», — заявили в Кремле" },
      { claim: AWKWARD.korean, topic: TOPIC, actor: "국가정보원", stance: "asserts", words: "국정원은 6명이 사망했다고 밝혔다" },
      // Emoji kept 32 code units away from the quote's ends: the seed loader's quote context would cut them in half.
      { claim: AWKWARD.emoji, topic: TOPIC, actor: "Reporter Three", stance: "asserts", words: "Reporter Three wrote that soldiers 🙂 were seen, 👍🏽 said the post, and that was all" },
    ],
  });
});

describe("export headers", () => {
  it.each([
    ["claims.csv", "text/csv; charset=utf-8; header=present", () => `claimtrail-claims-${today()}.csv`],
    ["attributions.csv", "text/csv; charset=utf-8; header=present", () => `claimtrail-attributions-${today()}.csv`],
    ["claims.json", "application/json", () => `claimtrail-claims-${today()}.json`],
    ["claimreview.jsonld", "application/ld+json", () => `claimtrail-claimreview-${today()}.jsonld`],
  ] as const)("%s is a dated attachment of type %s", async (name, type, fileName) => {
    const response = await exportFile(name);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${fileName()}"`);
    await response.body?.cancel();
  });

  it.each(["status=bogus", "page=0", "from=yesterday", "bom=yes"])("answers 400 with {error, problems} for %s, like /api/claims", async (query) => {
    for (const name of Object.keys(routes) as (keyof typeof routes)[]) {
      const response = await exportFile(name, query);
      expect(response.status).toBe(400);
      const body = await response.json();
      const parameter = query.split("=")[0];
      expect(body.error).toContain(`${parameter}:`);
      expect(body.problems.map((p: { parameter: string }) => p.parameter)).toContain(parameter);
    }
  });
});

describe("CSV contract", () => {
  it("claims.csv starts with exactly the contract's columns, in order", async () => {
    expect((await csvRecords(await exportFile("claims.csv")))[0]).toEqual([...CLAIM_COLUMNS]);
  });

  it("attributions.csv starts with exactly the contract's columns, in order", async () => {
    expect((await csvRecords(await exportFile("attributions.csv")))[0]).toEqual([...ATTRIBUTION_COLUMNS]);
  });

  it("quotes commas, double quotes and line breaks (RFC 4180) and ends records with CRLF", async () => {
    const text = await (await exportFile("attributions.csv", `topic=${TOPIC}`)).text();
    expect(text).toContain('"Awkward, ""quoted"" headline\nwith a line break"');
    expect(text).toContain('"line one, ""quoted""\nline two"');
    expect(text).toContain('"Agence, ""France"" Presse > Reuters"');
    expect(text.endsWith("\r\n")).toBe(true);
    const records = parse(text) as string[][];
    const quoteColumn = ATTRIBUTION_COLUMNS.indexOf("quote");
    expect(records.map((record) => record[quoteColumn])).toContain('line one, "quoted"\nline two');
  });

  it("adds a byte-order mark with ?bom=1 and none without; JSON never has one", async () => {
    for (const name of ["claims.csv", "attributions.csv"] as const) {
      const plain = new Uint8Array(await (await exportFile(name)).arrayBuffer());
      const excel = new Uint8Array(await (await exportFile(name, "bom=1")).arrayBuffer());
      expect([...plain.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect([...excel.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(excel.slice(3)).toEqual(plain);
    }
    const json = new Uint8Array(await (await exportFile("claims.json", "bom=1")).arrayBuffer());
    expect(String.fromCharCode(json[0]!)).toBe("[");
  });

  it.each([
    ["claims.csv", CLAIM_COLUMNS.indexOf("claim")],
    ["attributions.csv", ATTRIBUTION_COLUMNS.indexOf("claim")],
  ] as const)("%s neutralises cells starting with = + - @ tab or CR, and the importer's reader restores them", async (name, claimColumn) => {
    const response = await exportFile(name, `topic=${TOPIC}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const raw = parse(Buffer.from(bytes)) as string[][];
    const cells = raw.slice(1).map((record) => record[claimColumn]);
    for (const text of [AWKWARD.formula, AWKWARD.plus, AWKWARD.minus, AWKWARD.at, AWKWARD.tab, AWKWARD.cr]) {
      expect(cells).toContain(`'${text}`);
      expect(cells).not.toContain(text);
    }
    // Every cell of every record: nothing a spreadsheet would run.
    for (const record of raw) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const read = readCsv(bytes);
    expect(read.ok && read.table.rows.map((row) => row.cells[claimColumn])).toEqual(expect.arrayContaining(Object.values(AWKWARD)));
  });

  it("neutralises names and quotes too (attributions.csv)", async () => {
    const raw = await csvRecords(await exportFile("attributions.csv", `topic=${TOPIC}`));
    const actors = raw.map((record) => record[ATTRIBUTION_COLUMNS.indexOf("actor")]);
    const quotes = raw.map((record) => record[ATTRIBUTION_COLUMNS.indexOf("quote")]);
    expect(actors).toEqual(expect.arrayContaining(["'@handle", "'=Formula Person"]));
    expect(quotes).toEqual(expect.arrayContaining(["'-5 tanks, the handle wrote", "'@everyone the treaty is void, he posted", "'\tTabbed words", "'\rCarriage words"]));
  });

  it("keeps Cyrillic, Korean and emoji intact in CSV and JSON", async () => {
    const csv = await (await exportFile("attributions.csv", `topic=${TOPIC}`)).text();
    const json = await (await exportFile("claims.json", `topic=${TOPIC}`)).text();
    for (const text of [AWKWARD.cyrillic, AWKWARD.korean, AWKWARD.emoji, "Агентство Новости", "국가정보원", "«Это фейк», — заявили в Кремле"]) {
      expect(csv).toContain(text);
      expect(json).toContain(JSON.stringify(text).slice(1, -1));
    }
  });
});

describe("claims.json", () => {
  it("holds the records /api/claims shows, with annotationsCount, un-neutralised", async () => {
    const items = (await (await exportFile("claims.json", "sort=claim")).json()) as Record<string, unknown>[];
    const ids = items.map((item) => item.id as number);
    expect(items).toEqual((await loadClaimRecords(ids)).map((record) => ({ ...record, annotationsCount: 0 })));
    expect(items.map((item) => item.text)).toContain(AWKWARD.formula);
  });

  it("is an empty array when nothing matches", async () => {
    expect(await (await exportFile("claims.json", "q=zzzyyyxxx")).json()).toEqual([]);
  });
});

describe("an export holds exactly the claims /api/claims reports for the same parameters", () => {
  it.each([
    "",
    `topic=${TOPIC}`,
    "topic=troop-deaths&topic=missile-transfers",
    "stance=denies",
    "contested=true",
    "contested=false&sort=-claim",
    "q=fake news",
    "q=North Korea&sort=published",
    "status=unreviewed&sort=sources",
    "from=2024-10-15&to=2024-10-15",
    "sort=topic&page=2&pageSize=3&cols=topic",
  ])("%j", async (query) => {
    const expected = await apiTotal(query.replace(/&?(page|pageSize|cols)=[^&]*/g, ""));
    const claims = (await csvRecords(await exportFile("claims.csv", query))).slice(1);
    expect(claims).toHaveLength(expected.total);
    // Same order as the list: the id column, row by row.
    expect(claims.map((record) => Number(record[0]))).toEqual(expected.ids);

    const attributions = (await csvRecords(await exportFile("attributions.csv", query))).slice(1);
    expect(new Set(attributions.map((record) => Number(record[0]))).size).toBe(expected.total);
    const json = (await (await exportFile("claims.json", query)).json()) as { id: number; attributions: unknown[] }[];
    expect(json.map((item) => item.id)).toEqual(expected.ids);
    expect(attributions).toHaveLength(json.reduce((sum, item) => sum + item.attributions.length, 0));
  });

  it("with an actor filter", async () => {
    const actor = await prisma.actor.findFirstOrThrow({ where: { name: "Dmitry Peskov" }, select: { id: true } });
    for (const query of [`actor=${actor.id}`, `actor=${actor.id}&role=denied`]) {
      const expected = await apiTotal(query);
      expect((await csvRecords(await exportFile("claims.csv", query))).slice(1).map((record) => Number(record[0]))).toEqual(expected.ids);
    }
  });
});

describe("ClaimReview", () => {
  let falseClaim: number;
  let unverifiableClaim: number;

  beforeAll(async () => {
    const user = { id: "export-test-checker", email: "export-checker@claimtrail.test", name: "Export Checker", role: "fact_checker" as const };
    await prisma.user.create({ data: { id: user.id, email: user.email, name: user.name, role: user.role } });
    falseClaim = await claimIdByText(AWKWARD.cyrillic);
    unverifiableClaim = await claimIdByText(AWKWARD.korean);
    await setClaimStatus(user, falseClaim, { status: "in_review", rationale: "Looking into it.", evidence: [], version: 1 });
    await setClaimStatus(user, falseClaim, { status: "false", rationale: "Ukrainian and Russian figures both contradict it.", evidence: [], version: 2 });
    await setClaimStatus(user, unverifiableClaim, { status: "unverifiable", rationale: "No independent source.", evidence: [], version: 1 });
    await prisma.actor.updateMany({ where: { name: "국가정보원" }, data: { kind: "government" } });
    await setClaimStatus(user, await claimIdByText(AWKWARD.formula), { status: "true", rationale: "It was posted.", evidence: [], version: 1 });
  });

  it("lists only claims with a final verdict, as a schema.org @graph", async () => {
    const body = await (await exportFile("claimreview.jsonld")).json();
    expect(body["@context"]).toBe("https://schema.org");
    const reviewed = body["@graph"].map((review: { url: string }) => Number(review.url.split("/").pop()));
    const finals = await prisma.claim.findMany({ where: { status: { isFinal: true } }, select: { id: true } });
    expect(reviewed.sort()).toEqual(finals.map((claim) => claim.id).sort());
    expect(reviewed).toEqual(expect.arrayContaining([falseClaim, unverifiableClaim]));
  });

  it("has the required fields for a claim with a final verdict", async () => {
    const response = await oneClaimReviewRoute(new Request(`${BASE_URL}/claims/${falseClaim}/claimreview.jsonld`), routeParams({ id: String(falseClaim) }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json");
    const review = await response.json();
    const change = await prisma.statusChange.findFirstOrThrow({ where: { claimId: falseClaim, toStatus: { key: "false" } }, orderBy: { id: "desc" } });
    expect(review).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${BASE_URL}/claims/${falseClaim}`,
      claimReviewed: AWKWARD.cyrillic,
      datePublished: change.createdAt.toISOString(),
      author: { "@type": "Organization", name: expect.any(String) },
      reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False", ratingExplanation: "Ukrainian and Russian figures both contradict it." },
      itemReviewed: {
        "@type": "Claim",
        // The claimant is the first actor who asserts it; here only Кремль denies it, so there is none…
        appearance: [{ "@type": "CreativeWork", url: "https://news.test/awkward", headline: "Awkward, \"quoted\" headline\nwith a line break", publisher: { "@type": "Organization", name: "Агентство Новости" }, datePublished: "2024-10-15T09:30:00.000Z" }],
        firstAppearance: { url: "https://news.test/awkward" },
        datePublished: "2024-10-15T09:30:00.000Z",
      },
    });
    expect(review.itemReviewed.author).toBeUndefined();
  });

  it("names the first asserting actor as the claim's author: Person for a person, Organization otherwise", async () => {
    const body = await (await exportFile("claimreview.jsonld", `topic=${TOPIC}`)).json();
    const byText = (text: string) => body["@graph"].find((r: { claimReviewed: string }) => r.claimReviewed === text);
    expect(byText(AWKWARD.korean).itemReviewed.author).toEqual({ "@type": "Organization", name: "국가정보원" });
    expect(byText(AWKWARD.formula).itemReviewed.author).toEqual({ "@type": "Person", name: "Иван Петров" });
  });

  it("keeps the label but omits ratingValue for a verdict without a rating (unverifiable)", async () => {
    const body = await (await exportFile("claimreview.jsonld", "status=unverifiable")).json();
    expect(body["@graph"]).toHaveLength(1);
    expect(body["@graph"][0].reviewRating).toEqual({ "@type": "Rating", bestRating: 5, worstRating: 1, alternateName: "Unverifiable", ratingExplanation: "No independent source." });
  });

  it("is empty when the status filter names no final verdict", async () => {
    expect((await (await exportFile("claimreview.jsonld", "status=unreviewed")).json())["@graph"]).toEqual([]);
  });

  it("answers 404 for a claim without a final verdict and for a missing claim", async () => {
    const open = await prisma.claim.findFirstOrThrow({ where: { status: { key: "unreviewed" } }, select: { id: true } });
    for (const id of [String(open.id), "999999", "abc"]) {
      const response = await oneClaimReviewRoute(new Request(`${BASE_URL}/claims/${id}/claimreview.jsonld`), routeParams({ id }));
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatch(/no final verdict|No claim/);
    }
  });
});
