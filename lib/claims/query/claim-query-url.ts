import { COLUMN_KEYS, DEFAULT_PAGE_SIZE, type ClaimQuery } from "@/lib/claims/query/claim-query";

/**
 * A ClaimQuery back to URL parameters, leaving out defaults so that links stay short and
 * two equal views have equal URLs. The inverse of parseClaimQuery.
 */
export function claimQueryToSearchParams(query: ClaimQuery, options: { includePaging?: boolean; includeColumns?: boolean } = {}): URLSearchParams {
  const { includePaging = true, includeColumns = true } = options;
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const value of query.status) params.append("status", value);
  for (const value of query.topic) params.append("topic", value);
  for (const value of query.stance) params.append("stance", value);
  for (const value of query.source) params.append("source", String(value));
  for (const value of query.actor) params.append("actor", String(value));
  if (query.actor.length > 0 && query.role !== "any") params.set("role", query.role);
  if (query.contested !== undefined) params.set("contested", String(query.contested));
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.updatedSince) params.set("updated_since", query.updatedSince);
  if (query.afterId !== undefined) params.set("after_id", String(query.afterId));
  const defaultSort = query.q ? "relevance" : "updated";
  const isDefaultSort = query.sort === defaultSort && query.desc === (defaultSort === "updated");
  if (!isDefaultSort) params.set("sort", `${query.desc ? "-" : ""}${query.sort}`);
  if (includePaging) {
    if (query.page !== 1) params.set("page", String(query.page));
    if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(query.pageSize));
  }
  if (includeColumns && query.cols.length !== COLUMN_KEYS.length) params.set("cols", query.cols.join(","));
  return params;
}

export function claimQueryHref(pathname: string, query: ClaimQuery, options?: Parameters<typeof claimQueryToSearchParams>[1]): string {
  const params = claimQueryToSearchParams(query, options).toString();
  return params ? `${pathname}?${params}` : pathname;
}

/** The same query with some fields changed; any change to the filters goes back to page 1. */
export function withChanges(query: ClaimQuery, changes: Partial<ClaimQuery>): ClaimQuery {
  const pagingOnly = Object.keys(changes).every((key) => key === "page" || key === "pageSize" || key === "cols");
  return { ...query, ...(pagingOnly ? {} : { page: 1 }), ...changes };
}
