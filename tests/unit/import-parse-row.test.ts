import { describe, expect, it } from "vitest";
import type { ImportColumn } from "@/lib/import/columns";
import { parseRow, type RowVocabulary } from "@/lib/import/parse-row";

const vocabulary: RowVocabulary = { topicKeys: new Set(["troop-deaths"]), statusKeys: new Set(["unreviewed", "false"]), createTopics: false };

const good: Partial<Record<ImportColumn, string>> = {
  claim_id: "",
  claim: "  Six soldiers died.",
  topic: "troop-deaths",
  status: "false",
  actor: "  Dmitry   Peskov ",
  actor_kind: "person",
  actor_role: " Kremlin spokesperson ",
  stance: "denies",
  verb: "",
  via: "Reuters >  TASS",
  source_title: " Story ",
  source_outlet: "Outlet",
  source_url: "https://news.test/1",
  source_published: "2024-10-15",
  quote: " fake news ",
  quote_start: "10",
  quote_end: "21",
  attribution_accuracy: "",
  sourcing: "",
};

const run = (cells: Partial<Record<ImportColumn, string>>, options: Partial<RowVocabulary> = {}) =>
  parseRow(7, (column) => cells[column], { ...vocabulary, ...options });

describe("parseRow", () => {
  it("types a good row: the quote exactly, the claim trimmed (as the API stores it), names tidied", () => {
    const { row, problems } = run(good);
    expect(problems).toEqual([]);
    expect(row).toEqual({
      line: 7,
      claimId: null,
      claim: "Six soldiers died.",
      topic: "troop-deaths",
      status: "false",
      actor: "Dmitry Peskov",
      actorKind: "person",
      actorRole: "Kremlin spokesperson",
      stance: "denies",
      verb: null,
      via: ["Reuters", "TASS"],
      sourceTitle: "Story",
      sourceOutlet: "Outlet",
      sourceUrl: "https://news.test/1",
      sourcePublished: new Date("2024-10-15T00:00:00.000Z"),
      quote: " fake news ",
      quoteStart: 10,
      quoteEnd: 21,
      accuracy: "unchecked",
      sourcing: "named",
    });
  });

  it.each<[Partial<Record<ImportColumn, string>>, ImportColumn, RegExp]>([
    [{ stance: "says" }, "stance", /must be one of asserts, denies, reports, declines_to_clarify/],
    [{ topic: "weather" }, "topic", /unknown topic "weather"/],
    [{ status: "pants_on_fire" }, "status", /unknown status "pants_on_fire"/],
    [{ actor_kind: "alien" }, "actor_kind", /must be one of person/],
    [{ attribution_accuracy: "sure" }, "attribution_accuracy", /must be one of unchecked/],
    [{ sourcing: "anonymous" }, "sourcing", /must be one of named, unnamed, reportedly/],
    [{ quote_end: "" }, "quote_end", /give both quote_start and quote_end/],
    [{ quote_start: "" }, "quote_start", /give both quote_start and quote_end/],
    [{ quote_start: "x" }, "quote_start", /whole number/],
    [{ quote_start: "30" }, "quote_end", /greater than quote_start/],
    [{ source_published: "15/10/2024" }, "source_published", /ISO 8601/],
    [{ source_published: "2024-02-30" }, "source_published", /ISO 8601/],
    [{ source_url: "ftp://x" }, "source_url", /http\(s\)/],
    [{ claim_id: "-3" }, "claim_id", /positive whole number/],
    [{ claim: " x " }, "claim", /at least 3/],
    [{ quote: "   " }, "quote", /is required/],
    [{ via: "Reuters >  > TASS" }, "via", /empty name/],
  ])("refuses %j in column %s", (change, column, message) => {
    const { row, problems } = run({ ...good, ...change });
    expect(row).toBeNull();
    expect(problems).toEqual([{ row: 7, column, message: expect.stringMatching(message) }]);
  });

  it("reports every bad cell of a row, not just the first", () => {
    const { problems } = run({ ...good, stance: "?", status: "?", topic: "?" });
    expect(problems.map((p) => p.column).sort()).toEqual(["stance", "status", "topic"]);
  });

  it("reads absent optional columns as empty and defaults their values", () => {
    const { claim_id, actor_kind, actor_role, verb, via, source_url, source_published, quote_start, quote_end, attribution_accuracy, sourcing, ...required } = good;
    const { row, problems } = run(required);
    expect(problems).toEqual([]);
    expect(row).toMatchObject({ claimId: null, actorKind: null, via: [], sourceUrl: null, sourcePublished: null, quoteStart: null, accuracy: "unchecked", sourcing: "named" });
  });

  it("accepts a new topic key with createTopics, but only a well-formed one", () => {
    expect(run({ ...good, topic: "weather" }, { createTopics: true }).problems).toEqual([]);
    expect(run({ ...good, topic: "Bad Key" }, { createTopics: true }).problems).toEqual([{ row: 7, column: "topic", message: expect.stringMatching(/lower-case/) }]);
  });
});
