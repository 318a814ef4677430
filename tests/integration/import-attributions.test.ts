import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { checkImport, runImport } from "@/lib/import/run-import";
import { formatProblem } from "@/lib/import/problems";
import { anchorAt } from "@/lib/sources/anchoring";
import { search, texts } from "@/tests/support/claim-search";
import { attributionsFile, tableCounts, type CsvRow } from "@/tests/support/empty-database";

/*
 * The importer on this file's copy of the seeded database: a file with every kind of bad
 * row is refused whole, with each problem at its line and column, and leaves every table
 * as it was; a good file creates exactly what it describes; importing it again adds nothing.
 */

type SeedFacts = {
  sourceTitle: string;
  sourceOutlet: string;
  sourceText: string;
  claim: { id: number; text: string; topic: string };
  quote: { exact: string; start: number; end: number };
};
let seed: SeedFacts;

beforeAll(async () => {
  const attribution = await prisma.attribution.findFirstOrThrow({
    where: { quoteStart: { not: null }, actor: { name: "Dmitry Peskov" } },
    orderBy: { id: "asc" },
    select: {
      quote: true,
      quoteStart: true,
      quoteEnd: true,
      claim: { select: { id: true, text: true, topic: { select: { key: true } } } },
      source: { select: { title: true, outlet: true, text: true } },
    },
  });
  seed = {
    sourceTitle: attribution.source.title,
    sourceOutlet: attribution.source.outlet,
    sourceText: attribution.source.text,
    claim: { id: attribution.claim.id, text: attribution.claim.text, topic: attribution.claim.topic.key },
    quote: { exact: attribution.quote, start: attribution.quoteStart!, end: attribution.quoteEnd! },
  };
});

const NEW_CLAIM = "Imported: drones, \"many\" of them, were supplied";

function goodRows(): CsvRow[] {
  const onSeedSource = { source_title: seed.sourceTitle, source_outlet: seed.sourceOutlet };
  const newSource = { source_title: "Imported story, part 1", source_outlet: "Example Outlet", source_url: "https://import.test/1", source_published: "2024-11-01T10:00:00.000Z" };
  return [
    {
      claim: NEW_CLAIM,
      topic: "missile-transfers",
      status: "false",
      actor: "Новый  Актор",
      actor_kind: "person",
      actor_role: "deputy minister",
      stance: "asserts",
      verb: "claimed",
      via: "Reuters > TASS",
      ...newSource,
      quote: "=drones, \"many\"\nwere supplied",
      quote_start: "5",
      quote_end: "33",
      attribution_accuracy: "confirmed_by_primary_source",
      sourcing: "unnamed",
    },
    { claim: NEW_CLAIM, topic: "missile-transfers", status: "false", actor: "United States", actor_kind: "government", stance: "denies", ...newSource, quote: "no drones were sent" },
    // An existing claim by its id, quoted from the stored seed article at its offsets.
    {
      claim_id: String(seed.claim.id),
      claim: seed.claim.text,
      topic: seed.claim.topic,
      status: "in_review",
      actor: "dmitry peskov",
      stance: "reports",
      ...onSeedSource,
      quote: seed.quote.exact,
      quote_start: String(seed.quote.start),
      quote_end: String(seed.quote.end),
    },
    // A claim_id the database does not have: created with that id.
    {
      claim_id: "90001",
      claim: "A claim that keeps the id it was given",
      topic: "diplomacy",
      status: "unverifiable",
      actor: "Agence Nouvelle",
      actor_kind: "news_outlet",
      stance: "reports",
      source_title: "Imported story, part 2",
      source_outlet: "Example Outlet",
      source_url: "https://import.test/2",
      source_published: "2024-11-02",
      quote: "안녕하세요, 세계 🙂",
    },
    // The same as the second row: skipped.
    { claim: NEW_CLAIM, topic: "missile-transfers", status: "false", actor: "United States", stance: "denies", ...newSource, quote: "no drones were sent" },
    // Same claim by text only (blank claim_id, different case), quote found in the stored text without offsets.
    { claim: seed.claim.text.toUpperCase(), topic: seed.claim.topic, status: "in_review", actor: "Andrei Rudenko", stance: "reports", ...onSeedSource, quote: seed.sourceText.slice(seed.quote.start, seed.quote.end) },
  ];
}

describe("a file with bad rows", () => {
  const badFile = () =>
    attributionsFile([
      // Line 2 (spans lines 2–3: a quoted line break)
      { claim: "A claim with a bad stance", topic: "diplomacy", status: "unreviewed", actor: "Someone", stance: "claims", source_title: "T", source_outlet: "O", quote: "two\nlines" },
      // Line 4
      { claim: "A claim in an unknown topic", topic: "weather", status: "unreviewed", actor: "Someone", stance: "asserts", source_title: "T", source_outlet: "O", quote: "q" },
      // Line 5
      { claim: "A claim with an unknown status", topic: "diplomacy", status: "pants_on_fire", actor: "Someone", stance: "asserts", source_title: "T", source_outlet: "O", quote: "q" },
      // Line 6: the quote is not the stored text at these offsets
      {
        claim: "A claim whose quote is misplaced",
        topic: "diplomacy",
        status: "unreviewed",
        actor: "Someone",
        stance: "asserts",
        source_title: seed.sourceTitle,
        source_outlet: seed.sourceOutlet,
        quote: seed.quote.exact,
        quote_start: String(seed.quote.start + 1),
        quote_end: String(seed.quote.end + 1),
      },
      // Line 7
      { claim: "A claim with half its offsets", topic: "diplomacy", status: "unreviewed", actor: "Someone", stance: "asserts", source_title: "T", source_outlet: "O", quote: "q", quote_start: "3" },
      // Line 8
      { claim: "A claim with a bad date", topic: "diplomacy", status: "unreviewed", actor: "Someone", stance: "asserts", source_title: "T2", source_outlet: "O", source_published: "15/10/2024", quote: "q" },
      // Lines 9 and 10: one claim, two statuses
      { claim: "A claim with two statuses", topic: "diplomacy", status: "unreviewed", actor: "Someone", stance: "asserts", source_title: "T", source_outlet: "O", quote: "q1" },
      { claim: "A claim with two statuses", topic: "diplomacy", status: "false", actor: "Other", stance: "denies", source_title: "T", source_outlet: "O", quote: "q2" },
      // Line 11: a claim_id whose claim has other words
      { claim_id: String(seed.claim.id), claim: "Something else entirely", topic: seed.claim.topic, status: "unreviewed", actor: "Someone", stance: "asserts", source_title: "T", source_outlet: "O", quote: "q" },
    ]);

  it("is refused with every problem at its line and column", async () => {
    const report = await checkImport(prisma, badFile());
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "stance"],
      [4, "topic"],
      [5, "status"],
      [6, "quote"],
      [7, "quote_end"],
      [8, "source_published"],
      [10, "status"],
      [11, "claim"],
    ]);
    expect(report.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^line 2, column stance: must be one of asserts, denies, reports, declines_to_clarify/),
      expect.stringMatching(/^line 4, column topic: unknown topic "weather"/),
      expect.stringMatching(/^line 5, column status: unknown status "pants_on_fire"/),
      expect.stringMatching(/^line 6, column quote: does not match the stored text/),
      expect.stringMatching(/^line 7, column quote_end: give both quote_start and quote_end/),
      expect.stringMatching(/^line 8, column source_published: must be a date \(YYYY-MM-DD\) or an ISO 8601 date-time$/),
      expect.stringMatching(/^line 10, column status: line 9 gives this claim the status "unreviewed"/),
      expect.stringMatching(new RegExp(`^line 11, column claim: claim ${seed.claim.id} reads`)),
    ]);
  });

  it("reports a missing header column along with the rows' problems", async () => {
    const columns = ["claim", "topic", "status", "actor", "source_title", "source_outlet", "quote"];
    const report = await checkImport(prisma, attributionsFile([{ claim: "Fine words here", topic: "weather", status: "unreviewed", actor: "A", source_title: "T", source_outlet: "O", quote: "q" }], { columns }));
    expect(report.problems).toEqual([
      { row: 1, column: "stance", message: "required column is missing from the header" },
      { row: 2, column: "topic", message: expect.stringMatching(/unknown topic/) },
    ]);
  });

  it("refuses a file with a header and nothing else", async () => {
    expect((await checkImport(prisma, attributionsFile([]))).problems).toEqual([{ row: 2, column: "", message: "the file has a header but no rows to import" }]);
  });

  it("reports unknown columns and rows with the wrong number of cells", async () => {
    const text = "claim,topic,status,actor,stance,source_title,source_outlet,quote,notes\nA claim,diplomacy,unreviewed,A,asserts,T,O,q\n";
    const report = await checkImport(prisma, { bytes: new TextEncoder().encode(text), fileName: "x.csv" });
    expect(report.problems).toEqual([
      { row: 1, column: "notes", message: expect.stringMatching(/unknown column/) },
      { row: 2, column: "", message: expect.stringMatching(/has 8 cells but the header has 9 columns/) },
    ]);
  });

  it("leaves every table (and the audit log) exactly as it was", async () => {
    const before = await tableCounts(prisma);
    const claimsBefore = await prisma.claim.findMany({ select: { id: true, statusId: true, version: true, updatedAt: true }, orderBy: { id: "asc" } });
    // A file that is wrong in one row only: nothing of the good rows may be written either.
    const report = await runImport(prisma, attributionsFile([...goodRows(), { claim: "Bad row at the end", topic: "diplomacy", status: "unreviewed", actor: "A", stance: "maybe", source_title: "T", source_outlet: "O", quote: "q" }]), { userId: null });
    // Line 9: the first good row's quote holds a line break, so six rows take seven lines after the header.
    expect(report).toMatchObject({ ok: false, committed: false, problems: [{ row: 9, column: "stance" }] });
    expect(await tableCounts(prisma)).toEqual(before);
    expect(await prisma.claim.findMany({ select: { id: true, statusId: true, version: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(claimsBefore);
    expect(await prisma.auditLog.count({ where: { action: "import" } })).toBe(0);
  });
});

describe("a good file", () => {
  it("is checked first without writing anything, with the counts of what it would do", async () => {
    const before = await tableCounts(prisma);
    const report = await checkImport(prisma, attributionsFile(goodRows()));
    expect(report.problems).toEqual([]);
    expect(report.summary).toEqual({
      rows: 6,
      claimsToCreate: 2,
      claimsMatched: 1,
      statusChanges: 1,
      topicsToCreate: 0,
      actorsToCreate: 2,
      sourcesToCreate: 2,
      attributionsToAdd: 5,
      duplicatesSkipped: 1,
      quotesWithoutOffsets: 1,
      closeQuotesAccepted: 0,
    });
    expect(await tableCounts(prisma)).toEqual(before);
  });

  it("creates what it describes, in one go, with one audit entry", async () => {
    const before = await tableCounts(prisma);
    const report = await runImport(prisma, attributionsFile(goodRows(), { fileName: "newsroom.csv" }), { userId: null });
    expect(report).toMatchObject({ ok: true, committed: true, problems: [] });
    const after = await tableCounts(prisma);
    const added = (table: string) => (after[table] ?? 0) - (before[table] ?? 0);
    expect(added("Claim")).toBe(2);
    expect(added("Attribution")).toBe(5);
    expect(added("Actor")).toBe(2);
    expect(added("Source")).toBe(2);
    expect(added("AttributionVia")).toBe(2);
    expect(added("claim_search")).toBe(2);
    expect(after.search_sync_pause).toBe(0);

    // The new claim: status with its history, actors, via chain in order, the quote exactly as written.
    const claim = await prisma.claim.findFirstOrThrow({
      where: { text: NEW_CLAIM },
      select: {
        id: true,
        contested: true,
        sourceCount: true,
        firstPublishedAt: true,
        status: { select: { key: true } },
        statusChanges: { select: { rationale: true, fromStatusId: true, toStatus: { select: { key: true } } } },
        attributions: {
          orderBy: { id: "asc" },
          select: {
            stance: true,
            verb: true,
            sourcing: true,
            accuracy: true,
            actorRole: true,
            quote: true,
            quoteStart: true,
            quotePrefix: true,
            actor: { select: { name: true, kind: true } },
            via: { orderBy: { position: "asc" }, select: { actor: { select: { name: true } } } },
            source: { select: { url: true, text: true, publishedAt: true } },
          },
        },
      },
    });
    expect(claim.status.key).toBe("false");
    expect(claim.statusChanges).toEqual([{ rationale: "Set by the import of newsroom.csv.", fromStatusId: null, toStatus: { key: "false" } }]);
    // Derived columns rebuilt after the paused triggers.
    expect(claim).toMatchObject({ contested: true, sourceCount: 1, firstPublishedAt: new Date("2024-11-01T10:00:00.000Z") });
    expect(claim.attributions[0]).toEqual({
      stance: "asserts",
      verb: "claimed",
      sourcing: "unnamed",
      accuracy: "confirmed_by_primary_source",
      actorRole: "deputy minister",
      quote: "=drones, \"many\"\nwere supplied",
      // The new source has no stored text: the offsets in the file had nothing to point into.
      quoteStart: null,
      quotePrefix: null,
      actor: { name: "Новый Актор", kind: "person" },
      via: [{ actor: { name: "Reuters" } }, { actor: { name: "TASS" } }],
      source: { url: "https://import.test/1", text: "", publishedAt: new Date("2024-11-01T10:00:00.000Z") },
    });
    expect(claim.attributions[1]).toMatchObject({ stance: "denies", actor: { name: "United States", kind: "government" }, accuracy: "unchecked", sourcing: "named" });

    // The claim given an id keeps it.
    expect(await prisma.claim.findUnique({ where: { id: 90001 }, select: { text: true, status: { select: { key: true } } } })).toEqual({
      text: "A claim that keeps the id it was given",
      status: { key: "unverifiable" },
    });

    // The existing claim: new attributions anchored in the stored article, status changed with history.
    const existing = await prisma.claim.findUniqueOrThrow({
      where: { id: seed.claim.id },
      select: { status: { select: { key: true } }, attributions: { where: { stance: "reports" }, select: { quoteStart: true, quoteEnd: true, quotePrefix: true, quoteSuffix: true, actor: { select: { name: true } } } } },
    });
    expect(existing.status.key).toBe("in_review");
    const anchor = anchorAt(seed.sourceText, seed.quote.start, seed.quote.end);
    if (!anchor.ok) throw new Error("seed quote does not anchor");
    expect(existing.attributions).toEqual(
      expect.arrayContaining([
        { quoteStart: seed.quote.start, quoteEnd: seed.quote.end, quotePrefix: anchor.anchor.quotePrefix, quoteSuffix: anchor.anchor.quoteSuffix, actor: { name: "Dmitry Peskov" } },
        { quoteStart: seed.quote.start, quoteEnd: seed.quote.end, quotePrefix: anchor.anchor.quotePrefix, quoteSuffix: anchor.anchor.quoteSuffix, actor: { name: "Andrei Rudenko" } },
      ]),
    );

    // Search sees the new words and names (the search document was rebuilt).
    expect(texts((await search("q=drones")))).toEqual([NEW_CLAIM]);
    expect(texts((await search("q=Актор")))).toEqual([NEW_CLAIM]);

    const audit = await prisma.auditLog.findMany({ where: { action: "import" }, select: { userId: true, entityType: true, entityId: true, after: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: null, entityType: "import", entityId: "newsroom.csv" });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ file: "newsroom.csv", sha256: expect.stringMatching(/^[0-9a-f]{64}$/), attributionsToAdd: 5, claimsToCreate: 2 });
  });

  it("adds nothing when imported again", async () => {
    const before = await tableCounts(prisma);
    const report = await runImport(prisma, attributionsFile(goodRows(), { fileName: "newsroom.csv" }), { userId: null });
    expect(report.summary).toMatchObject({ claimsToCreate: 0, claimsMatched: 3, statusChanges: 0, actorsToCreate: 0, sourcesToCreate: 0, attributionsToAdd: 0, duplicatesSkipped: 6 });
    const after = await tableCounts(prisma);
    // Only the audit log records that the import ran.
    expect({ ...after, AuditLog: before.AuditLog }).toEqual(before);
    expect(after.AuditLog).toBe((before.AuditLog ?? 0) + 1);
  });
});

describe("a file saved by a spreadsheet", () => {
  it("reads a byte-order mark, LF line ends, a header in another case and order, and leaves out optional columns", async () => {
    const text = '\uFEFF Quote ,Claim,TOPIC,status,actor,stance,source_title,source_outlet\n"It\'s ""true""",\'=A claim typed into Excel,diplomacy,unreviewed,Spreadsheet User,asserts,Sheet story,Sheet Times\n';
    const report = await runImport(prisma, { bytes: new TextEncoder().encode(text), fileName: "excel.csv" }, { userId: null });
    expect(report).toMatchObject({ ok: true, committed: true, summary: { claimsToCreate: 1, attributionsToAdd: 1 } });
    const claim = await prisma.claim.findFirstOrThrow({ where: { text: "=A claim typed into Excel" }, select: { attributions: { select: { quote: true, accuracy: true, sourcing: true } } } });
    expect(claim.attributions).toEqual([{ quote: 'It\'s "true"', accuracy: "unchecked", sourcing: "named" }]);
  });
});

describe("topics", () => {
  it("are created from their keys only when asked (the command line's --create-topics)", async () => {
    const rows: CsvRow[] = [{ claim: "Rain is forecast for the summit", topic: "weather", status: "unreviewed", actor: "Met Office", stance: "asserts", source_title: "Forecast", source_outlet: "Met", quote: "rain" }];
    expect((await checkImport(prisma, attributionsFile(rows))).problems).toEqual([{ row: 2, column: "topic", message: expect.stringMatching(/unknown topic "weather"/) }]);
    const report = await runImport(prisma, attributionsFile(rows), { userId: null, createTopics: true });
    expect(report.summary).toMatchObject({ topicsToCreate: 1, claimsToCreate: 1 });
    expect(await prisma.topic.findUnique({ where: { key: "weather" }, select: { label: true } })).toEqual({ label: "Weather" });
  });
});
