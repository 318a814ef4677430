import type { ClaimQuery } from "@/lib/claims/query/claim-query";
import { claimQueryToSearchParams } from "@/lib/claims/query/claim-query-url";

/**
 * The current query as hidden inputs, minus the fields a form edits itself, so a plain
 * GET form (search box, page size, dates) keeps every other filter.
 */
export function HiddenQueryFields({ query, omit }: { query: ClaimQuery; omit: readonly string[] }) {
  const params = [...claimQueryToSearchParams(query, { includePaging: true })].filter(([key]) => !omit.includes(key) && key !== "page");
  return (
    <>
      {params.map(([key, value], index) => (
        <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
      ))}
    </>
  );
}
