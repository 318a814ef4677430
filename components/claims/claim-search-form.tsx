import type { ClaimQuery } from "@/lib/claims/query/claim-query";
import { HiddenQueryFields } from "@/components/claims/hidden-query-fields";

/** Full-text search and the publication-date range, as a GET form that keeps the other filters. */
export function ClaimSearchForm({ query, action = "/claims" }: { query: ClaimQuery; action?: string }) {
  return (
    <form method="get" action={action} className="search-form" role="search">
      <HiddenQueryFields query={query} omit={["q", "from", "to", "sort"]} />
      <div className="field field--grow">
        <label htmlFor="claim-search">Search claims, quotes and actors</label>
        <input id="claim-search" name="q" type="search" defaultValue={query.q ?? ""} maxLength={500} placeholder='e.g. fake news, "Article 4", pesk' />
      </div>
      <div className="field">
        <label htmlFor="claim-from">Published from</label>
        <input id="claim-from" name="from" type="date" defaultValue={query.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="claim-to">until</label>
        <input id="claim-to" name="to" type="date" defaultValue={query.to ?? ""} />
      </div>
      <div className="field field--button">
        <button type="submit" className="primary">
          Search
        </button>
      </div>
    </form>
  );
}
