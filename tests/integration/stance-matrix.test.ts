import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { describeProblems, parseClaimQuery } from "@/lib/claims/query/claim-query";
import { loadStanceMatrix, MAX_MATRIX_ACTORS, type StanceMatrixPage } from "@/lib/claims/stance-matrix";
import { loadVocabulary } from "@/lib/vocabulary/queries";
import { createArticle } from "@/tests/support/article-factory";
import { search, texts } from "@/tests/support/claim-search";

/** A reader that counts the statements it runs, running them for real on the test database. */
function countingReader(): { reader: SqlReader; statements: () => number } {
  let statements = 0;
  const reader: SqlReader = {
    all: (query) => (statements++, sharedReader.all(query)),
    one: (query) => (statements++, sharedReader.one(query)),
    allUntilChanged: (query) => (statements++, sharedReader.allUntilChanged(query)),
  };
  return { reader, statements: () => statements };
}

const TROOPS = "Six North Korean soldiers have been killed on the front line in Ukraine.";
const MISSILES = "North Korea has given Russia ballistic missiles and ammunition.";
const FLIP_FLOP = "The harbour bridge will reopen in spring.";
const CROWDED = "Thirty-five officials signed the letter.";

/** The matrix for a URL query string, exactly as /matrix builds it. */
async function matrixFor(queryString: string, options: { maxActors?: number } = {}): Promise<StanceMatrixPage> {
  const vocabulary = await loadVocabulary();
  const parsed = parseClaimQuery(new URLSearchParams(queryString), vocabulary);
  if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
  return loadStanceMatrix(parsed.query, vocabulary, options);
}

function cell(page: StanceMatrixPage, claimText: string, actorName: string) {
  const row = page.matrix.rows.find((r) => r.claim.text === claimText);
  if (!row) throw new Error(`no row for "${claimText}"`);
  const column = page.matrix.actors.findIndex((actor) => actor.name === actorName);
  if (column < 0) throw new Error(`no column for ${actorName}; columns: ${page.matrix.actors.map((a) => a.name).join(", ")}`);
  return row.cells[column]!;
}

const stances = (page: StanceMatrixPage, claimText: string, actorName: string) => cell(page, claimText, actorName).map((mark) => mark.stance);
const rowTexts = (page: StanceMatrixPage) => page.matrix.rows.map((row) => row.claim.text);

beforeAll(async () => {
  await createArticle({
    title: "Bridge report",
    statements: [
      { claim: FLIP_FLOP, topic: "infrastructure", actor: "City engineer", stance: "asserts" },
      { claim: FLIP_FLOP, topic: "infrastructure", actor: "City engineer", stance: "denies", words: "Later the engineer said the bridge will not reopen in spring." },
      { claim: FLIP_FLOP, topic: "infrastructure", actor: "Mayor", stance: "asserts", via: ["City engineer"] },
    ],
  });
  await createArticle({
    title: "Crowded letter",
    statements: Array.from({ length: 35 }, (_, i) => ({
      claim: CROWDED,
      topic: "open-letters",
      actor: `Signatory ${String(i + 1).padStart(2, "0")}`,
      stance: "asserts" as const,
    })),
  });
});

describe("the stance matrix of the seed article", () => {
  it("shows Peskov denying the troop-deaths claim that reports from Kyiv assert", async () => {
    const page = (await matrixFor("topic=troop-deaths"));
    expect(stances(page, TROOPS, "Dmitry Peskov")).toEqual(["denies"]);
    expect(stances(page, TROOPS, "Reports from Kyiv")).toEqual(["asserts"]);
  });

  it("shows the United States asserting the missile claim and both Russia and North Korea denying it", async () => {
    const page = (await matrixFor("topic=missile-transfers"));
    expect(stances(page, MISSILES, "United States")).toEqual(["asserts"]);
    expect(stances(page, MISSILES, "Russia")).toEqual(["denies"]);
    expect(stances(page, MISSILES, "North Korea")).toEqual(["denies"]);
  });

  it("shows Reuters relaying every claim Peskov's words reached the article through Reuters, linked to his attribution", async () => {
    const relayedByReuters = await prisma.attribution.findMany({
      where: { actor: { name: "Dmitry Peskov" }, via: { some: { actor: { name: "Reuters" } } } },
      select: { id: true, claim: { select: { text: true } } },
    });
    expect(relayedByReuters.length).toBe(3);
    const page = (await matrixFor(""));
    for (const attribution of relayedByReuters) {
      expect(cell(page, attribution.claim.text, "Reuters")).toEqual([{ stance: "relays", attributionId: attribution.id, count: 1 }]);
      expect(stances(page, attribution.claim.text, "Dmitry Peskov")).not.toEqual([]);
    }
    // Peskov's denial of the troop claim did not come through Reuters.
    expect(stances(page, TROOPS, "Reuters")).toEqual([]);
  });

  it("links each mark to an attribution of that actor on that claim", async () => {
    const page = (await matrixFor("topic=troop-deaths"));
    const [denial] = cell(page, TROOPS, "Dmitry Peskov");
    const attribution = await prisma.attribution.findUniqueOrThrow({
      where: { id: denial!.attributionId },
      select: { stance: true, actor: { select: { name: true } }, claim: { select: { text: true } } },
    });
    expect(attribution).toEqual({ stance: "denies", actor: { name: "Dmitry Peskov" }, claim: { text: TROOPS } });
  });
});

describe("filters and paging", () => {
  it("topic=troop-deaths keeps only the troop-deaths claim and its actors", async () => {
    const page = (await matrixFor("topic=troop-deaths"));
    expect(rowTexts(page)).toEqual([TROOPS]);
    expect(page.total).toBe(1);
    expect(new Set(page.matrix.actors.map((actor) => actor.name))).toEqual(new Set(["Dmitry Peskov", "Reports from Kyiv"]));
  });

  it("contested=true keeps exactly the contested claims, in the order of the claim table", async () => {
    const page = (await matrixFor("contested=true"));
    const contested = await prisma.claim.findMany({ where: { contested: true }, select: { text: true } });
    expect(new Set(rowTexts(page))).toEqual(new Set(contested.map((claim) => claim.text)));
    expect(rowTexts(page)).toContain(TROOPS);
    expect(rowTexts(page)).toContain(MISSILES);
    expect(rowTexts(page)).toEqual(texts((await search("contested=true"))));
    expect(page.matrix.actors.map((actor) => actor.name)).not.toContain("HuffPost UK");
  });

  it("a page of the matrix has the same claims as that page of the table", async () => {
    for (const queryString of ["pageSize=5&page=2", "sort=claim&pageSize=4&page=3", "q=north korea&pageSize=3"]) {
      const page = (await matrixFor(queryString));
      const table = (await search(queryString));
      expect(rowTexts(page)).toEqual(texts(table));
      expect(page.total).toBe(table.total);
    }
  });

  it("is empty, not an error, when nothing matches", async () => {
    const page = (await matrixFor("q=zzzyyyxxx"));
    expect(page.total).toBe(0);
    expect(page.matrix).toEqual({ actors: [], rows: [], totalActors: 0 });
  });
});

describe("cells and columns", () => {
  it("shows both stances when one actor asserts and denies the same claim", async () => {
    expect(stances((await matrixFor("topic=infrastructure")), FLIP_FLOP, "City engineer")).toEqual(["asserts", "denies"]);
  });

  it("does not add relays to an actor who also takes a stance of its own", async () => {
    // The engineer relays the mayor's words as well as asserting and denying.
    expect(stances((await matrixFor("topic=infrastructure")), FLIP_FLOP, "City engineer")).not.toContain("relays");
    expect(stances((await matrixFor("topic=infrastructure")), FLIP_FLOP, "Mayor")).toEqual(["asserts"]);
  });

  it(`caps the columns at ${MAX_MATRIX_ACTORS} and reports how many actors there are`, async () => {
    const page = (await matrixFor("topic=open-letters"));
    expect(page.matrix.totalActors).toBe(35);
    expect(page.matrix.actors).toHaveLength(MAX_MATRIX_ACTORS);
    expect(page.matrix.actors[0]!.name).toBe("Signatory 01");
    expect(page.matrix.rows[0]!.cells).toHaveLength(MAX_MATRIX_ACTORS);
  });

  it("orders columns by the number of shown claims an actor is involved in", async () => {
    const actors = (await matrixFor("")).matrix.actors;
    const counts = actors.map((actor) => actor.claimCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(actors[0]!.name).toBe("HuffPost UK");
  });
});

describe("queries", () => {
  it("runs the same number of queries for 1 row as for 50: none per row or per cell", async () => {
    const vocabulary = await loadVocabulary();
    const count = async (queryString: string) => {
      const parsed = parseClaimQuery(new URLSearchParams(queryString), vocabulary);
      if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
      const counting = countingReader();
      const page = await loadStanceMatrix(parsed.query, vocabulary, { reader: counting.reader });
      return { rows: page.matrix.rows.length, queries: counting.statements() };
    };
    const one = await count("pageSize=1");
    const many = await count("pageSize=50");
    expect(one.rows).toBe(1);
    expect(many.rows).toBeGreaterThan(15);
    expect(many.queries).toBe(one.queries);
    expect(many.queries).toBeLessThanOrEqual(4);
  });
});
