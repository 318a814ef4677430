import { describe, expect, it } from "vitest";
import { GET as similarRoute } from "@/app/api/claims/similar/route";
import { GET as similarToClaimRoute } from "@/app/api/claims/[id]/similar/route";
import { prisma } from "@/lib/db/prisma";
import { MAX_SIMILAR_TEXT } from "@/lib/claims/similar/query";
import { BASE_URL, routeParams } from "@/tests/support/route-context";

const TROOPS = "Six North Korean soldiers have been killed on the front line in Ukraine.";

type Answer = { error?: string; fieldErrors?: Record<string, string[]>; threshold: number; items: { id: number; text: string; topic: { key: string }; score: number; likely: boolean; matchedWords: string[] }[] };

async function similar(query: string): Promise<{ status: number; body: Answer }> {
  const response = await similarRoute(new Request(`${BASE_URL}/api/claims/similar?${query}`), routeParams({}));
  return { status: response.status, body: (await response.json()) as Answer };
}

describe("GET /api/claims/similar", () => {
  it("offers the tracked claim first for the second article's wording, with its topic, score and matched words", async () => {
    const { status, body } = await similar(new URLSearchParams({ text: "six North Korean officers died when a Ukrainian missile hit their position" }).toString());
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ text: TROOPS, topic: { key: "troop-deaths" }, likely: true });
    expect(body.items[0]!.score).toBeGreaterThanOrEqual(body.threshold);
    expect(body.items[0]!.matchedWords).toEqual(expect.arrayContaining(["six", "Korean", "officers", "died"]));
  });

  it("honours limit and refuses empty, blank, over-long text and a bad limit with a 400 naming the field", async () => {
    expect((await similar("text=North%20Korea&limit=2")).body.items.length).toBeLessThanOrEqual(2);
    for (const [query, field] of [["text=", "text"], ["text=%20%20", "text"], ["", "text"], [`text=${"a".repeat(MAX_SIMILAR_TEXT + 1)}`, "text"], ["text=x&limit=0", "limit"], ["text=x&limit=abc", "limit"], ["text=a%00b", "text"]] as const) {
      const { status, body } = await similar(query);
      expect(status, query.slice(0, 40)).toBe(400);
      expect(Object.keys(body.fieldErrors ?? {})).toEqual([field]);
      expect(body.error).toContain(field);
    }
  });

  it("answers nothing rather than failing for text with no content words", async () => {
    const { status, body } = await similar("text=the%20and%20of%20%22%2A");
    expect(status).toBe(200);
    expect(body.items).toEqual([]);
  });
});

describe("GET /api/claims/[id]/similar", () => {
  it("leaves the claim itself out and answers 404 for an unknown claim", async () => {
    const claim = await prisma.claim.findFirstOrThrow({ where: { text: TROOPS } });
    const response = await similarToClaimRoute(new Request(`${BASE_URL}/api/claims/${claim.id}/similar`), routeParams({ id: String(claim.id) }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Answer;
    expect(body.items.map((item) => item.id)).not.toContain(claim.id);
    const missing = await similarToClaimRoute(new Request(`${BASE_URL}/api/claims/999999/similar`), routeParams({ id: "999999" }));
    expect(missing.status).toBe(404);
  });
});

describe("the candidate search's word counts (FTS5 vocabulary)", () => {
  it("counts the documents holding a word or a prefix, and none for an unknown word", async () => {
    const { wordDocumentCounts } = await import("@/lib/claims/search/full-text");
    const { sharedReader } = await import("@/lib/db/reader");
    const rows = await sharedReader.all<{ word: string; docs: number }>(wordDocumentCounts(["korea*", "korea", "zzzunknown*", "six"])!);
    const docs = Object.fromEntries(rows.map((row) => [row.word, Number(row.docs)]));
    const withPrefix = await prisma.claim.count({ where: { OR: [{ text: { contains: "Korea" } }, { attributions: { some: { quote: { contains: "Korea" } } } }] } });
    expect(docs["korea*"]).toBeGreaterThanOrEqual(withPrefix);
    expect(docs["korea"]).toBeGreaterThan(0);
    expect(docs["korea"]).toBeLessThanOrEqual(docs["korea*"]!);
    expect(docs["zzzunknown*"]).toBe(0);
    expect(docs["six"]).toBeGreaterThan(0);
  });
});
