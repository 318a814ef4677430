"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import {
  columnVisibilityFeature,
  createColumnHelper,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { StatusBadge } from "@/components/claims/status-badge";
import { FormattedDate } from "@/components/ui/formatted-date";
import { COLUMN_KEYS, type ClaimQuery, type ColumnKey, type SortKey } from "@/lib/claims/query/claim-query";
import { claimQueryHref, withChanges } from "@/lib/claims/query/claim-query-url";
import type { ClaimRow } from "@/lib/claims/table-rows";

/*
 * The claim table. The server has already filtered, sorted and paged the rows; the table
 * runs in manual mode and every change (sort, visible columns) becomes a new URL, so the
 * URL stays the whole state of the view: reload, back and a shared link all agree.
 */

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });
const column = createColumnHelper<typeof features, ClaimRow>();

const names = (values: string[]) => (values.length === 0 ? <span className="muted">—</span> : values.join(", "));

export const COLUMN_LABELS: Record<ColumnKey | "claim", string> = {
  claim: "Claim",
  topic: "Topic",
  status: "Status",
  asserted: "Asserted by",
  denied: "Denied by",
  via: "Via",
  sources: "Sources",
  updated: "Last updated",
};

const columns = column.columns([
  column.accessor("text", {
    id: "claim",
    header: COLUMN_LABELS.claim,
    enableHiding: false,
    sortDescFirst: false,
    cell: (info) => (
      <>
        <Link href={`/claims/${info.row.original.id}`}>{info.getValue()}</Link>
        {info.row.original.contested ? <span className="badge contested-badge">contested</span> : null}
      </>
    ),
  }),
  column.accessor("topic", { id: "topic", header: COLUMN_LABELS.topic, sortDescFirst: false }),
  column.accessor("status", {
    id: "status",
    header: COLUMN_LABELS.status,
    sortDescFirst: false,
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  column.accessor("asserted", { id: "asserted", header: COLUMN_LABELS.asserted, enableSorting: false, cell: (info) => names(info.getValue()) }),
  column.accessor("denied", { id: "denied", header: COLUMN_LABELS.denied, enableSorting: false, cell: (info) => names(info.getValue()) }),
  column.accessor("via", { id: "via", header: COLUMN_LABELS.via, enableSorting: false, cell: (info) => names(info.getValue()) }),
  column.accessor("sources", { id: "sources", header: COLUMN_LABELS.sources, sortDescFirst: true }),
  column.accessor("updatedAt", {
    id: "updated",
    header: COLUMN_LABELS.updated,
    sortDescFirst: true,
    cell: (info) => <FormattedDate iso={info.getValue()} withTime />,
  }),
]);

const SORTABLE_COLUMNS: ReadonlySet<string> = new Set<SortKey>(["claim", "topic", "status", "sources", "updated"]);

export function ClaimTable({ rows, total, query }: { rows: ClaimRow[]; total: number; query: ClaimQuery }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const navigate = (next: ClaimQuery) => {
    const href = claimQueryHref("/claims", next);
    startTransition(() => router.push(href, { scroll: false }));
  };

  const sorting: SortingState = SORTABLE_COLUMNS.has(query.sort) ? [{ id: query.sort, desc: query.desc }] : [];
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(COLUMN_KEYS.map((key) => [key, query.cols.includes(key)]));

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility, pagination: { pageIndex: query.page - 1, pageSize: query.pageSize } },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next && (next.id !== query.sort || next.desc !== query.desc)) {
        navigate(withChanges(query, { sort: next.id as SortKey, desc: next.desc }));
      }
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, columnVisibility);
      navigate(withChanges(query, { cols: COLUMN_KEYS.filter((key) => next[key] !== false) }));
    },
  });

  return (
    <div className="claim-table" aria-busy={isPending}>
      <details className="column-menu">
        <summary>Columns</summary>
        <fieldset>
          <legend className="visually-hidden">Visible columns</legend>
          {table
            .getAllLeafColumns()
            .filter((c) => c.getCanHide())
            .map((c) => (
              <label key={c.id} className="checkbox">
                <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />{" "}
                {COLUMN_LABELS[c.id as ColumnKey]}
              </label>
            ))}
        </fieldset>
      </details>
      {isPending ? (
        <p role="status" className="muted">
          Loading…
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">
            Claims, {total} in all, sorted by {query.sort} {query.desc ? "descending" : "ascending"}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted();
                  const numeric = header.column.id === "sources";
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={numeric ? "num" : undefined}
                      aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{direction === "asc" ? " ▲" : direction === "desc" ? " ▼" : " ↕"}</span>
                          <span className="visually-hidden">
                            {direction ? `, sorted ${direction === "asc" ? "ascending" : "descending"}` : ", sortable"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.id === "sources" ? "num" : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
