import { beforeAll, describe, expect, it } from "vitest";
import { bearer, setRequestHeaders } from "@/tests/support/request-context";
import { POST as postClaim } from "@/app/api/claims/route";
import { POST as postAttribution } from "@/app/api/claims/[id]/attributions/route";
import { createClaimAction } from "@/lib/claims/actions";
import { prisma } from "@/lib/db/prisma";
import { databaseFingerprint } from "@/tests/support/database-fingerprint";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * Issue 17, item 2: a quote that is not the article's words word for word is refused as
 * before (400, nothing written), now with `suggestion: { exact, start, end, score }`: the
 * article's own words, which a client can resend. What is stored is always the article's.
 */

let token: string;
let source: { id: number; text: string };
let claimId: number;

/** The seed article says: the treaty’s wording was “quite unambiguous” (curly quotes). */
const ARTICLE_WORDS = "the treaty’s wording was “quite unambiguous”";
const TYPED = `the treaty's wording was "quite unambiguous"`;

const call = (body: unknown) =>
  new Request(`${BASE_URL}/api`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

let counter = 0;
const claimBody = (attribution: Record<string, unknown>) => ({
  text: `Peskov called the wording unambiguous ${++counter}`,
  topic: "diplomacy",
  attributions: [{ sourceId: source.id, actor: "Dmitry Peskov", stance: "asserts", ...attribution }],
});

async function refused(response: Response) {
  expect(response.status).toBe(400);
  return (await response.json()) as { error: string; fieldErrors: Record<string, string[]>; suggestion?: { exact: string; start: number; end: number; score: number; before: string; after: string } };
}

beforeAll(async () => {
  token = (await createUserWithToken("fact_checker")).token;
  source = await prisma.source.findFirstOrThrow({ where: { text: { contains: ARTICLE_WORDS } }, select: { id: true, text: true } });
  claimId = (await prisma.claim.findFirstOrThrow({ where: { attributions: { some: { sourceId: source.id } } }, select: { id: true } })).id;
});

describe("a quote that is not the article's words", () => {
  it.each([
    ["straight quotes and apostrophe", TYPED],
    ["a doubled space", ARTICLE_WORDS.replace("wording was", "wording  was")],
    ["a typo", ARTICLE_WORDS.replace("wording", "wordnig")],
    ["a missing word", ARTICLE_WORDS.replace("wording ", "")],
  ])("with %s answers 400 with the article's words as a suggestion, and writes nothing", async (_, quote) => {
    const before = await databaseFingerprint();
    const body = await refused(await postClaim(call(claimBody({ quote })), routeParams({})));
    expect(body.error).toMatch(/does not occur in the source text; did you mean “the treaty’s wording was “quite unambiguous”” \(characters \d+–\d+\)\?/);
    expect(body.fieldErrors["attributions.0.quote"]?.[0]).toMatch(/did you mean/);
    expect(body.suggestion).toMatchObject({ exact: ARTICLE_WORDS });
    const { exact, start, end, score, before: left, after } = body.suggestion!;
    expect(source.text.slice(start, end)).toBe(exact);
    expect(score).toBeGreaterThanOrEqual(0.7);
    expect(score).toBeLessThan(1);
    // The rest of its sentence, to show the words in context.
    expect(left).toBe("According to Reuters, he would only say ");
    expect(after).toBe(", and needed no extra explanation.");
    expect(await databaseFingerprint()).toBe(before);
  });

  it("stores the article's words when the client resends the suggestion", async () => {
    const { suggestion } = await refused(await postClaim(call(claimBody({ quote: TYPED })), routeParams({})));
    const created = await postClaim(call(claimBody({ quote: suggestion!.exact, quoteStart: suggestion!.start, quoteEnd: suggestion!.end })), routeParams({}));
    expect(created.status).toBe(201);
    const record = await created.json();
    expect(record.attributions[0].quote).toMatchObject({ exact: ARTICLE_WORDS, start: suggestion!.start, end: suggestion!.end });
    const stored = await prisma.attribution.findFirstOrThrow({ where: { claimId: record.id }, select: { quote: true, quoteStart: true } });
    expect(stored).toEqual({ quote: ARTICLE_WORDS, quoteStart: source.text.indexOf(ARTICLE_WORDS) });
  });

  it("suggests on POST /api/claims/[id]/attributions too, under the field name `quote`", async () => {
    const before = await databaseFingerprint();
    const body = await refused(await postAttribution(call({ sourceId: source.id, actor: "Dmitry Peskov", stance: "asserts", quote: TYPED }), routeParams({ id: String(claimId) })));
    expect(body.fieldErrors.quote?.[0]).toMatch(/did you mean “the treaty’s wording/);
    expect(body.suggestion?.exact).toBe(ARTICLE_WORDS);
    expect(await databaseFingerprint()).toBe(before);
  });

  it("suggests the passage near offsets that do not hold the quote", async () => {
    const start = source.text.indexOf(ARTICLE_WORDS);
    const body = await refused(await postClaim(call(claimBody({ quote: TYPED, quoteStart: start, quoteEnd: start + TYPED.length })), routeParams({})));
    expect(body.error).toMatch(/does not match the source text: .*; did you mean/);
    expect(body.suggestion).toMatchObject({ exact: ARTICLE_WORDS, start, end: start + ARTICLE_WORDS.length });
  });

  it("suggests nothing for words the article does not hold, nor for exact words that occur twice", async () => {
    const unrelated = await refused(await postClaim(call(claimBody({ quote: "the harvest was the best in a decade" })), routeParams({})));
    expect(unrelated.suggestion).toBeUndefined();
    expect(unrelated.error).toMatch(/select the passage in the article or give its offsets/);
    const twice = await refused(await postClaim(call(claimBody({ quote: "North Korea" })), routeParams({})));
    expect(twice.suggestion).toBeUndefined();
    expect(twice.error).toMatch(/occurs \d+ times/);
  });

  it("hands the suggestion to the new-claim form, with everything typed kept", async () => {
    setRequestHeaders(bearer(token));
    const form = new FormData();
    for (const [name, value] of Object.entries({ text: "Peskov said the wording was clear", topic: "diplomacy", sourceId: String(source.id), actor: "Dmitry Peskov", stance: "asserts", quote: TYPED })) form.set(name, value);
    const before = await databaseFingerprint();
    const state = await createClaimAction({ status: "idle" }, form);
    expect(state.status).toBe("error");
    if (state.status !== "error") return;
    expect(state.httpStatus).toBe(400);
    expect(state.suggestion).toMatchObject({ exact: ARTICLE_WORDS, start: source.text.indexOf(ARTICLE_WORDS) });
    expect(state.values).toMatchObject({ quote: TYPED, text: "Peskov said the wording was clear" });
    expect(await databaseFingerprint()).toBe(before);
  });
});
