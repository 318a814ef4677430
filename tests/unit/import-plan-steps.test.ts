import { describe, expect, it } from "vitest";
import type { ImportRow } from "@/lib/import/parse-row";
import type { ImportProblem } from "@/lib/import/problems";
import { checkRows } from "@/lib/import/planning/check-rows";
import { deduplicateAttributions, attributionIdentity, type ResolvedRow } from "@/lib/import/planning/deduplicate";
import type { ExistingRecords, StoredClaim, StoredSource } from "@/lib/import/planning/existing-records";
import { createActorResolver } from "@/lib/import/planning/resolve-actors";
import { claimTextKey, createClaimResolver } from "@/lib/import/planning/resolve-claims";
import { createSourceResolver } from "@/lib/import/planning/resolve-sources";
import type { ReportProblem } from "@/lib/import/planning/types";
import { CLAIM_ID_MARGIN } from "@/lib/import/limits";

/*
 * The planning steps of an import (lib/import/planning/), each on its own and without a
 * database: the records the database would hold are given as plain maps.
 */
let line = 1;
function row(overrides: Partial<ImportRow> = {}): ImportRow {
  return {
    line: ++line,
    claimId: null,
    claim: "The bridge was destroyed on Monday",
    topic: "war",
    status: "unverified",
    actor: "Ministry of Defence",
    actorKind: null,
    actorRole: null,
    stance: "asserts",
    verb: "said",
    via: [],
    sourceTitle: "Bridge hit",
    sourceOutlet: "Wire",
    sourceUrl: "https://news.example/bridge",
    sourcePublished: null,
    quote: "the bridge was destroyed",
    quoteStart: null,
    quoteEnd: null,
    accuracy: "unassessed",
    sourcing: "named",
    ...overrides,
  } as ImportRow;
}

const storedClaim: StoredClaim = { id: 7, text: "The bridge was destroyed on Monday", topic: { key: "war" }, status: { key: "false" } };
const storedSource: StoredSource = { id: 3, title: "Bridge hit", outlet: "Wire", url: "https://news.example/bridge", publishedAt: new Date("2024-06-01T00:00:00Z"), text: "Officials said the bridge was destroyed." };

function existing(overrides: Partial<ExistingRecords> = {}): ExistingRecords {
  return {
    claimsById: new Map([[7, storedClaim]]),
    claimsByText: new Map([[claimTextKey("war", storedClaim.text), storedClaim]]),
    highestClaimId: 7,
    actors: new Map([["ministry of defence", { id: 11, name: "Ministry of Defence", kind: "government" }]]),
    sourcesByUrl: new Map([[storedSource.url!, storedSource]]),
    sourcesByTitle: new Map(),
    ...overrides,
  };
}

function collecting(): { problems: ImportProblem[]; report: ReportProblem } {
  const problems: ImportProblem[] = [];
  return { problems, report: (r, column, message) => problems.push({ row: r, column, message }) };
}

describe("checking rows", () => {
  it("refuses unknown and repeated columns and rows of the wrong width, and keeps the good rows", () => {
    const table = { header: ["claim", "claim", "colour"], rows: [{ line: 2, cells: ["a", "b"] }] };
    const { rows, problems } = checkRows(table, { topicKeys: new Set(), statusKeys: new Set(), createTopics: false });
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(["appears twice in the header", expect.stringMatching(/^unknown column/), "required column is missing from the header", expect.stringMatching(/^has 2 cells but the header has 3/)]),
    );
  });
});

describe("resolving claims", () => {
  it("matches a stored claim by text and topic, ignoring case and spacing, and by id", () => {
    const { problems, report } = collecting();
    const claims = createClaimResolver(existing(), report);
    expect(claims.resolve(row({ claim: "the  BRIDGE was destroyed on monday", status: "false" }))).toBe("id:7");
    expect(claims.resolve(row({ claimId: 7, status: "false" }))).toBe("id:7");
    expect(problems).toEqual([]);
    expect([...claims.claims.values()]).toHaveLength(1);
  });

  it("refuses an id whose stored claim has another text or topic, and one claim given two statuses", () => {
    const { problems, report } = collecting();
    const claims = createClaimResolver(existing(), report);
    expect(claims.resolve(row({ claimId: 7, claim: "Something else entirely", status: "false" }))).toBeNull();
    expect(claims.resolve(row({ claimId: 7, topic: "politics", status: "false" }))).toBeNull();
    claims.resolve(row({ status: "false" }));
    claims.resolve(row({ status: "true" }));
    expect(problems.map((p) => p.column)).toEqual(["claim", "topic", "status"]);
  });

  it("gives an earlier row's new claim the id a later row states, and refuses ids far above the highest", () => {
    const { problems, report } = collecting();
    const claims = createClaimResolver(existing(), report);
    const first = claims.resolve(row({ claim: "A new claim about ports" }));
    expect(claims.resolve(row({ claim: "A new claim about ports", claimId: 9 }))).toBe(first);
    expect(claims.claims.get(first!)!.id).toBe(9);
    expect(claims.resolve(row({ claim: "Another new claim", claimId: 7 + CLAIM_ID_MARGIN + 1 }))).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ column: "claim_id", message: expect.stringContaining(`at most ${7 + CLAIM_ID_MARGIN}`) })]);
  });
});

describe("resolving actors", () => {
  it("reuses a stored actor by name, takes a new actor's kind from the first row, and makes relays news outlets", () => {
    const { problems, report } = collecting();
    const actors = createActorResolver(existing().actors, report);
    expect(actors.resolve(row({ actor: "ministry of  defence" })).actor.existingId).toBe(11);
    actors.resolve(row({ actor: "Jane Roe", actorKind: "person", via: ["Reuters"] }));
    actors.resolve(row({ actor: "Jane Roe", actorKind: "organisation" }));
    actors.resolve(row({ actor: "Ministry of Defence", actorKind: "person" }));
    const byName = new Map(actors.finish().map((actor) => [actor.name, actor]));
    expect(byName.get("Jane Roe")!.kind).toBe("person");
    expect(byName.get("Reuters")!.kind).toBe("news_outlet");
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/says “Jane Roe” is person/), expect.stringMatching(/is recorded as government/)]);
  });
});

describe("resolving sources", () => {
  it("matches by URL and refuses a row that disagrees with the stored title or date", () => {
    const { problems, report } = collecting();
    const sources = createSourceResolver(existing(), report);
    expect(sources.resolve(row())!.existingId).toBe(3);
    expect(sources.resolve(row({ sourceTitle: "Another title" }))).toBeNull();
    expect(sources.resolve(row({ sourcePublished: new Date("2024-07-01T00:00:00Z") }))).toBeNull();
    expect(problems.map((p) => p.column)).toEqual(["source_title", "source_published"]);
  });

  it("knows a source without URL by title and outlet, and takes a new source's date from its first row", () => {
    const { problems, report } = collecting();
    const sources = createSourceResolver(existing(), report);
    const first = sources.resolve(row({ sourceUrl: null, sourceTitle: "Local report", sourcePublished: new Date("2024-01-02T00:00:00Z") }));
    const again = sources.resolve(row({ sourceUrl: null, sourceTitle: "Local report" }));
    expect(again).toBe(first);
    expect(first!.publishedAt!.toISOString()).toBe("2024-01-02T00:00:00.000Z");
    expect(sources.resolve(row({ sourceUrl: null, sourceTitle: "Local report", sourcePublished: new Date("2024-01-03T00:00:00Z") }))).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ column: "source_published", message: expect.stringContaining(`line ${first!.firstLine}`) })]);
  });
});

describe("de-duplicating attributions", () => {
  it("skips rows identical to a stored attribution or to an earlier row, and keeps the rest", () => {
    const { report } = collecting();
    const claims = createClaimResolver(existing(), report);
    const actors = createActorResolver(existing().actors, report);
    const sources = createSourceResolver(existing(), report);
    const anchor = { quote: "the bridge was destroyed", quotePrefix: null, quoteSuffix: null, quoteStart: 15, quoteEnd: 39 };
    const resolve = (r: ImportRow): ResolvedRow => ({ row: r, claim: claims.claims.get(claims.resolve(r)!)!, ...actors.resolve(r), source: sources.resolve(r)!, anchor });
    const rows = [resolve(row({ status: "false" })), resolve(row({ status: "false", stance: "denies" })), resolve(row({ status: "false", stance: "denies" }))];
    const stored = new Set([attributionIdentity("id:7", "s#3", "a#11", "asserts", anchor.quote, 15, 39)]);
    const { attributions, duplicatesSkipped } = deduplicateAttributions(rows, stored);
    expect(duplicatesSkipped).toBe(2);
    expect(attributions.map((a) => a.stance)).toEqual(["denies"]);
  });
});
