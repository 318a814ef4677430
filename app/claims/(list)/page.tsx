import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ActiveFilters } from "@/components/claims/active-filters";
import { ClaimSearchForm } from "@/components/claims/claim-search-form";
import { ClaimTable } from "@/components/claims/claim-table";
import { ExportMenu } from "@/components/export/export-menu";
import { FacetPanel } from "@/components/claims/facet-panel";
import { Pagination } from "@/components/claims/pagination";
import { QueryProblems } from "@/components/claims/query-problems";
import { parseClaimQuery, type ClaimQuery, type RawParams } from "@/lib/claims/query/claim-query";
import { claimQueryHref, withChanges } from "@/lib/claims/query/claim-query-url";
import { countOf } from "@/lib/text/count-of";
import { pageOfMatches } from "@/lib/claims/search/search-claims";
import { countFacets, type FacetCounts } from "@/lib/claims/search/facets";
import { loadClaimRows } from "@/lib/claims/table-rows";
import { loadVocabulary, type Vocabulary } from "@/lib/vocabulary/queries";
import { nextResponseWrite } from "@/lib/server/response-writes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Claims" };

/** A page number past the end (an old link, a typed URL): say so and offer the last page. */
function PastTheEnd({ query, total }: { query: ClaimQuery; total: number }) {
  const last = Math.ceil(total / query.pageSize);
  return (
    <div className="empty-state" role="status">
      <p>
        There is no page {query.page}: these filters match {countOf(total, "claim")} on {countOf(last, "page")}.
      </p>
      <p>
        <Link href={claimQueryHref("/claims", withChanges(query, { page: last }))}>Go to the last page</Link>
      </p>
    </div>
  );
}

const NO_FACETS: FacetCounts = { facets: { status: [], topic: [], stance: [], source: [], actor: [], contested: [] }, missing: [] };

/** The longest the facet counts wait for the rows' write. */
const ROWS_WRITE_CAP_MS = 250;

/**
 * The facet counts, started only after the rows have been written: SQLite reads block the
 * event loop, so counting at once would hold back the HTML of the rows. The next write to
 * the response after the rows are read is the one that carries them (decision 060, "Later:
 * after the rows' write"); the cap bounds the wait if Next writes nothing.
 */
async function countFacetsAfterRows(query: ClaimQuery, vocabulary: Vocabulary, matches: number): Promise<FacetCounts> {
  await nextResponseWrite(ROWS_WRITE_CAP_MS);
  return countFacets(query, vocabulary, { matches });
}

async function StreamedFacetPanel({ query, counts }: { query: ClaimQuery; counts: Promise<FacetCounts> }) {
  const { facets, missing } = await counts;
  return <FacetPanel query={query} facets={facets} missing={missing} />;
}

async function StreamedActiveFilters({ query, counts }: { query: ClaimQuery; counts: Promise<FacetCounts> }) {
  return <ActiveFilters query={query} facets={(await counts).facets} />;
}

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const vocabulary = await loadVocabulary();
  const parsed = parseClaimQuery(await searchParams, vocabulary);
  if (!parsed.ok) return <QueryProblems problems={parsed.problems} />;
  const { query } = parsed;
  // The table's own columns only, not the API's full records (lib/claims/table-rows.ts).
  const { ids, total } = await pageOfMatches(query, vocabulary);
  const rows = await loadClaimRows(ids);
  const counts = countFacetsAfterRows(query, vocabulary, total);

  return (
    <>
      <h1>Claims</h1>
      <a className="skip-link" href="#results">
        Skip to results
      </a>
      <ClaimSearchForm query={query} />
      <div className="layout-with-sidebar">
        <Suspense fallback={<FacetPanel query={query} facets={NO_FACETS.facets} pending />}>
          <StreamedFacetPanel query={query} counts={counts} />
        </Suspense>
        <div id="results" tabIndex={-1}>
          <Suspense fallback={<ActiveFilters query={query} facets={NO_FACETS.facets} />}>
            <StreamedActiveFilters query={query} counts={counts} />
          </Suspense>
          <ExportMenu query={query} total={total} />
          {total > 0 && rows.length === 0 ? (
            <PastTheEnd query={query} total={total} />
          ) : total === 0 ? (
            <div className="empty-state" role="status">
              <p>No claims match these filters.</p>
              <p>
                <Link href="/claims">Clear filters</Link>
              </p>
            </div>
          ) : (
            <>
              <ClaimTable rows={rows} total={total} query={query} />
              <Pagination query={query} total={total} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
