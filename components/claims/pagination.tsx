import Link from "next/link";
import { MAX_PAGE_SIZE, type ClaimQuery } from "@/lib/claims/query/claim-query";
import { claimQueryHref, withChanges } from "@/lib/claims/query/claim-query-url";
import { HiddenQueryFields } from "@/components/claims/hidden-query-fields";
import { formatCount } from "@/lib/text/format";

const PAGE_SIZES = [10, 25, 50, 100, MAX_PAGE_SIZE];

/** Page links and a page-size form; both are plain navigation, so every page has a URL. */
export function Pagination({ query, total, basePath = "/claims" }: { query: ClaimQuery; total: number; basePath?: string }) {
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const first = total === 0 ? 0 : (query.page - 1) * query.pageSize + 1;
  const last = Math.min(total, query.page * query.pageSize);
  const link = (page: number, label: string, rel?: string) =>
    page < 1 || page > pageCount || page === query.page ? (
      <span className="button is-disabled" aria-disabled="true">
        {label}
      </span>
    ) : (
      <Link className="button" rel={rel} href={claimQueryHref(basePath, withChanges(query, { page }))}>
        {label}
      </Link>
    );
  return (
    <nav className="pagination" aria-label="Pages">
      <p className="muted" aria-live="polite">
        {total === 0 ? "No claims" : `Claims ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`} · page{" "}
        {query.page} of {pageCount}
      </p>
      <div className="pagination__links">
        {link(1, "« First")}
        {link(query.page - 1, "‹ Previous", "prev")}
        {link(query.page + 1, "Next ›", "next")}
        {link(pageCount, "Last »")}
      </div>
      <form method="get" action={basePath} className="page-size-form">
        <HiddenQueryFields query={query} omit={["pageSize"]} />
        <label htmlFor="page-size">Rows per page</label>{" "}
        <select id="page-size" name="pageSize" defaultValue={String(query.pageSize)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>{" "}
        <button type="submit">Show</button>
      </form>
    </nav>
  );
}
