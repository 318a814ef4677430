/** Shown while a new view of the matrix loads: the page's shape, without its data. */
export default function LoadingMatrix() {
  return (
    <div aria-busy="true" aria-live="polite">
      <h1>Stance matrix</h1>
      <p className="visually-hidden">Loading the stance matrix…</p>
      <div className="layout-with-sidebar">
        <div>
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="skeleton" style={{ height: "1.2rem", margin: "0.6rem 0" }} />
          ))}
        </div>
        <div>
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="skeleton" style={{ height: "2.5rem", margin: "0.4rem 0" }} />
          ))}
        </div>
      </div>
    </div>
  );
}
