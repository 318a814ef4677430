/**
 * What a page with a filter sidebar shows while a new view loads: its heading and the
 * shape of its sidebar and main column, without data. Announced to screen readers.
 */
export function SidebarPageSkeleton({ title, loadingText, rows, rowHeight }: { title: string; loadingText: string; rows: number; rowHeight: string }) {
  return (
    <div aria-busy="true" aria-live="polite">
      <h1>{title}</h1>
      <p className="visually-hidden">{loadingText}</p>
      <div className="layout-with-sidebar">
        <div>
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="skeleton" style={{ height: "1.2rem", margin: "0.6rem 0" }} />
          ))}
        </div>
        <div>
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="skeleton" style={{ height: rowHeight, margin: "0.4rem 0" }} />
          ))}
        </div>
      </div>
    </div>
  );
}
