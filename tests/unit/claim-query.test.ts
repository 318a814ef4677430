import { describe, expect, it } from "vitest";
import { MAX_PAGE_SIZE, parseClaimQuery, type ClaimQuery } from "@/lib/claims/query/claim-query";
import { claimQueryToSearchParams, withChanges } from "@/lib/claims/query/claim-query-url";

const vocabulary = { statusKeys: ["unreviewed", "true", "false"], topicKeys: ["troop-deaths", "missile-transfers"] };
const parse = (search: string) => parseClaimQuery(new URLSearchParams(search), vocabulary);
const ok = (search: string): ClaimQuery => {
  const parsed = parse(search);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.query;
};
const problemsOf = (search: string) => {
  const parsed = parse(search);
  if (parsed.ok) throw new Error(`expected ${search} to be refused`);
  return parsed.problems;
};

describe("parseClaimQuery", () => {
  it("has sensible defaults: newest changes first, page 1 of 50, every column", () => {
    const query = ok("");
    expect(query).toMatchObject({ sort: "updated", desc: true, page: 1, pageSize: 50, status: [], role: "any", contested: undefined });
    expect(query.cols).toHaveLength(7);
  });

  it("sorts a search by relevance unless told otherwise", () => {
    expect(ok("q=peskov")).toMatchObject({ q: "peskov", sort: "relevance", desc: false });
    expect(ok("q=peskov&sort=-updated")).toMatchObject({ sort: "updated", desc: true });
  });

  it("reads repeated and comma-separated values, without duplicates", () => {
    expect(ok("status=true&status=false,true").status).toEqual(["true", "false"]);
    expect(ok("actor=3,5&actor=3").actor).toEqual([3, 5]);
  });

  it("clamps pageSize to the maximum", () => {
    expect(ok("pageSize=5000").pageSize).toBe(MAX_PAGE_SIZE);
  });

  it("treats an empty value as absent (what an empty form field sends)", () => {
    expect(ok("from=&to=&q=&page=").from).toBeUndefined();
  });

  it("ignores unknown parameters", () => {
    expect(ok("utm_source=newsletter&whatever=1").page).toBe(1);
  });

  it.each([
    ["status=bogus", "status", /unknown status "bogus"/],
    ["topic=weather", "topic", /unknown topic/],
    ["stance=maybe", "stance", /must be one of asserts, denies, reports, declines_to_clarify \(got "maybe"\)/],
    ["page=0", "page", /1 or more/],
    ["page=abc", "page", /must be a number/],
    ["page=1.5", "page", /whole number/],
    ["pageSize=-1", "pageSize", /1 or more/],
    ["from=notadate", "from", /YYYY-MM-DD/],
    ["to=2024-13-45", "to", /YYYY-MM-DD/],
    ["actor=peskov", "actor", /must be a number/],
    ["source=0", "source", /positive/],
    ["role=boss", "role", /must be one of/],
    ["contested=maybe", "contested", /true or false/],
    ["sort=colour", "sort", /must be one of/],
    ["cols=claim,secret", "cols", /columns/],
    // Issue 11: control characters in any parameter, numbers only in digits (as path ids).
    ["q=%00a", "q", /must not contain control characters/],
    ["q=a%0d%0ab", "q", /must not contain control characters/],
    ["status=false%00", "status", /must not contain control characters/],
    ["actor=1e3", "actor", /must be a number written in digits/],
    ["source=0x10", "source", /must be a number written in digits/],
    ["source=9007199254740993", "source", /too large/],
    ["page=1e3", "page", /must be a number written in digits/],
    ["pageSize=%207", "pageSize", /must be a number written in digits/],
  ])("refuses %s, naming the parameter", (search, parameter, message) => {
    const problems = problemsOf(search);
    expect(problems.map((p) => p.parameter)).toContain(parameter);
    expect(problems.find((p) => p.parameter === parameter)?.message).toMatch(message);
  });

  it("checks statuses and topics against the vocabulary it is given, as it changes", () => {
    const renamed = { statusKeys: ["unreviewed"], topicKeys: ["grain-exports"] };
    const params = new URLSearchParams("topic=grain-exports");
    // The schema is kept per vocabulary (built once); each vocabulary still gets its own.
    for (let round = 0; round < 3; round++) {
      expect(parseClaimQuery(params, vocabulary).ok).toBe(false);
      expect(parseClaimQuery(params, renamed).ok).toBe(true);
      expect(parseClaimQuery(params, { ...vocabulary, topicKeys: [...vocabulary.topicKeys, `topic-${round}`] }).ok).toBe(false);
    }
  });

  it("refuses a date range that ends before it starts", () => {
    expect(problemsOf("from=2024-10-02&to=2024-10-01")[0]?.parameter).toBe("to");
  });

  it("names every bad parameter at once", () => {
    expect(problemsOf("status=bogus&page=0&from=notadate").map((p) => p.parameter).sort()).toEqual(["from", "page", "status"]);
  });

  it("refuses an over-long search", () => {
    expect(problemsOf(`q=${"a".repeat(501)}`)[0]?.parameter).toBe("q");
  });
});

describe("claimQueryToSearchParams", () => {
  it("round-trips a query through the URL", () => {
    const query = ok("q=fake news&status=false&topic=troop-deaths&stance=denies&actor=5&role=denied&contested=true&from=2024-01-01&to=2024-12-31&sort=-sources&page=3&pageSize=25&cols=topic,status");
    const again = ok(claimQueryToSearchParams(query).toString());
    expect(again).toEqual(query);
  });

  it("leaves defaults out of the URL", () => {
    expect(claimQueryToSearchParams(ok("")).toString()).toBe("");
    expect(claimQueryToSearchParams(ok("q=x")).toString()).toBe("q=x");
  });

  it("drops the role when no actor is chosen", () => {
    expect(claimQueryToSearchParams(ok("role=denied")).toString()).toBe("");
  });
});

describe("withChanges", () => {
  it("returns to page 1 when a filter changes but not when only the page changes", () => {
    const query = ok("page=4");
    expect(withChanges(query, { status: ["true"] }).page).toBe(1);
    expect(withChanges(query, { page: 5 }).page).toBe(5);
  });
});
