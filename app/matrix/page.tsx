import type { Metadata } from "next";
import Link from "next/link";
import { ActiveFilters } from "@/components/claims/active-filters";
import { ClaimSearchForm } from "@/components/claims/claim-search-form";
import { FacetPanel } from "@/components/claims/facet-panel";
import { Pagination } from "@/components/claims/pagination";
import { QueryProblems } from "@/components/claims/query-problems";
import { StanceLegend } from "@/components/matrix/stance-legend";
import { StanceMatrixTable } from "@/components/matrix/stance-matrix-table";
import styles from "@/components/matrix/stance-matrix.module.css";
import { parseClaimQuery, type RawParams } from "@/lib/claims/query/claim-query";
import { claimQueryHref, claimQueryToSearchParams, withChanges } from "@/lib/claims/query/claim-query-url";
import { loadStanceMatrix } from "@/lib/claims/stance-matrix";
import { loadVocabulary } from "@/lib/vocabulary/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stance matrix" };

/** The claims of the current /claims view against the actors involved in them: who asserts, denies, relays. */
export default async function MatrixPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const vocabulary = await loadVocabulary();
  const parsed = parseClaimQuery(await searchParams, vocabulary);
  if (!parsed.ok) return <QueryProblems problems={parsed.problems} basePath="/matrix" />;
  const { query } = parsed;
  const { matrix, total, facets, facetsMissing } = await loadStanceMatrix(query, vocabulary, { facets: true });
  const first = (query.page - 1) * query.pageSize + 1;
  const last = first + matrix.rows.length - 1;
  const hiddenActors = matrix.totalActors - matrix.actors.length;
  const filtered = claimQueryToSearchParams(query, { includePaging: false, includeColumns: false }).size > 0;

  return (
    <>
      <h1>Stance matrix</h1>
      <p className={`muted ${styles.intro}`}>
        Each row is a claim and each column an actor involved in it: who asserts it, who denies it, who only passed it on. It
        shows the same claims as the table, with the same filters.
      </p>
      <ClaimSearchForm query={query} action="/matrix" />
      <div className="layout-with-sidebar">
        <FacetPanel query={query} facets={facets!} missing={facetsMissing} basePath="/matrix" />
        <div>
          <ActiveFilters query={query} facets={facets!} basePath="/matrix" />
          <p className={styles.toolbar}>
            <Link href={claimQueryHref("/claims", query)}>Open these claims in the table</Link>
          </p>
          {total === 0 && !filtered ? (
            <div className="empty-state" role="status">
              <p>There are no claims yet.</p>
            </div>
          ) : total === 0 ? (
            <div className="empty-state" role="status">
              <p>No claims match these filters.</p>
              <p>
                <Link href="/matrix">Clear filters</Link>
              </p>
            </div>
          ) : matrix.rows.length === 0 ? (
            <div className="empty-state" role="status">
              <p>
                There is no page {query.page}: these filters match {total} claim{total === 1 ? "" : "s"}.
              </p>
              <p>
                <Link href={claimQueryHref("/matrix", withChanges(query, { page: 1 }))}>Go to the first page</Link>
              </p>
            </div>
          ) : (
            <>
              <StanceLegend />
              {hiddenActors > 0 ? (
                <p className={styles.note} role="note">
                  Showing the {matrix.actors.length} actors involved in the largest number of these claims; {hiddenActors} more{" "}
                  {hiddenActors === 1 ? "is" : "are"} not shown. Narrow the filters or show fewer rows per page to see them.
                </p>
              ) : null}
              <StanceMatrixTable
                matrix={matrix}
                caption={`Stances of ${matrix.actors.length} actor${matrix.actors.length === 1 ? "" : "s"} on claims ${first}–${last} of ${total}`}
              />
              <Pagination query={query} total={total} basePath="/matrix" />
            </>
          )}
        </div>
      </div>
    </>
  );
}
