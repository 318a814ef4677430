import { describeProblems, parseClaimQuery } from "@/lib/claims/query/claim-query";
import { countFacets } from "@/lib/claims/search/facets";
import { searchClaims } from "@/lib/claims/search/claim-page";
import { sharedReader } from "@/lib/db/reader";
import { loadVocabulary } from "@/lib/vocabulary/queries";
import { capturingReader, type ReadStatement } from "../capturing-reader";

/** The statements of one query of the set: GET /api/claims?…&facets=false (rows) and GET /api/claims/facets?… (facets). */
export type CapturedQuery = { search: string; rows: ReadStatement[]; facets: ReadStatement[]; total: number; ids: number[] };

/**
 * What the two routes run for `search`, through the app's own functions on the configured
 * database, with every statement recorded. The facets are counted without a time limit,
 * so that the floor holds every facet's statement (as the SQLite floor does), whichever
 * the server leaves out under its limit.
 */
export async function captureQuery(search: string): Promise<CapturedQuery> {
  const vocabulary = await loadVocabulary();
  const parsed = parseClaimQuery(new URLSearchParams(search), vocabulary);
  if (!parsed.ok) throw new Error(`${search}: ${describeProblems(parsed.problems)}`);
  const rows = capturingReader(sharedReader);
  const page = await searchClaims(parsed.query, vocabulary, { facets: false, reader: rows.reader });
  const facets = capturingReader(sharedReader);
  await countFacets(parsed.query, vocabulary, { budgetMs: Number.POSITIVE_INFINITY, reader: facets.reader });
  return { search, rows: rows.statements, facets: facets.statements, total: page.total, ids: page.items.map((item) => item.id) };
}
