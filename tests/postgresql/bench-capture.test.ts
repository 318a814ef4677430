import { describe, expect, it } from "vitest";
import { parseClaimQuery } from "@/lib/claims/query/claim-query";
import { searchClaims } from "@/lib/claims/search/claim-page";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { loadVocabulary } from "@/lib/vocabulary/queries";
import { capturingReader } from "@/bench/lib/capturing-reader";
import { captureQuery } from "@/bench/lib/postgres/capture";
import { PostgresFloor } from "@/bench/lib/postgres/floor";

/*
 * The PostgreSQL floor of `npm run bench -- --postgres` (bench/lib/postgres/) is the app's
 * own statements run directly through pg: captured through a reader the app's functions
 * take, they must give, run directly, the rows the app got.
 */

/** A reader that keeps what each query returned, in the order the queries were issued. */
function recordingReader(): { reader: SqlReader; results: unknown[][] } {
  const results: unknown[][] = [];
  const slot = () => results.push([]) - 1;
  return {
    results,
    reader: {
      all: async (query) => {
        const i = slot();
        return (results[i] = await sharedReader.all(query)) as never;
      },
      one: async (query) => {
        const i = slot();
        const row = await sharedReader.one(query);
        results[i] = row === undefined ? [] : [row];
        return row as never;
      },
      allUntilChanged: async (query) => {
        const i = slot();
        return (results[i] = await sharedReader.allUntilChanged(query)) as never;
      },
    },
  };
}

async function searches(): Promise<string[]> {
  const vocabulary = await loadVocabulary();
  return ["", `topic=${vocabulary.topics[0]!.key}`, "q=the&sort=relevance", `status=${vocabulary.statuses[0]!.key}&contested=false&sort=-claim`];
}

describe("the bench's capture of the app's PostgreSQL statements", () => {
  it("gives statements that, run directly through pg, return the rows the app got", async () => {
    const vocabulary = await loadVocabulary();
    for (const search of await searches()) {
      const recording = recordingReader();
      const { reader, statements } = capturingReader(recording.reader);
      const parsed = parseClaimQuery(new URLSearchParams(search), vocabulary);
      if (!parsed.ok) throw new Error(search);
      await searchClaims(parsed.query, vocabulary, { facets: true, facetBudgetMs: Number.POSITIVE_INFINITY, reader });
      expect(statements.length, search).toBeGreaterThan(3);
      expect(statements).toHaveLength(recording.results.length);
      const floor = await PostgresFloor.open(process.env.DATABASE_URL!, { rows: statements, facets: [] });
      try {
        for (const [i, statement] of statements.entries()) {
          const direct = await floor.run(statement);
          const got = recording.results[i]!;
          expect(got.length === 1 && direct.length >= 1 ? direct.slice(0, 1) : direct, `${search}: ${statement.text}`).toEqual(got);
        }
      } finally {
        await floor.close();
      }
    }
  });

  it("captures a query's page and total as the app answers it, and marks the whole-database counts as kept", async () => {
    const vocabulary = await loadVocabulary();
    for (const search of await searches()) {
      const captured = await captureQuery(search);
      const parsed = parseClaimQuery(new URLSearchParams(search), vocabulary);
      if (!parsed.ok) throw new Error(search);
      const page = await searchClaims(parsed.query, vocabulary);
      expect(captured.total, search).toBe(page.total);
      expect(captured.ids, search).toEqual(page.items.map((item) => item.id));
      expect(captured.facets.length, search).toBeGreaterThanOrEqual(6);
    }
    const unfiltered = await captureQuery("");
    expect(unfiltered.facets.filter((statement) => statement.kept).length).toBeGreaterThan(0);
    expect(unfiltered.rows.some((statement) => !statement.kept)).toBe(true);
  });
});
