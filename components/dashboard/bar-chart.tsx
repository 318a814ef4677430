import Link from "next/link";
import styles from "@/components/dashboard/dashboard.module.css";
import { formatCount } from "@/lib/text/format";

export type Bar = { key: string; label: string; count: number; href: string; colour?: string };

/**
 * A horizontal bar chart as a list of links: each item is the label, a bar drawn in CSS
 * and the count as text, so a screen reader reads "True, 3 claims" and a keyboard user
 * follows a bar like any link. The bar is decoration; the number carries the meaning.
 */
export function BarChart({ id, title, bars, description }: { id: string; title: string; bars: Bar[]; description?: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <section className={styles.chart} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {description ? <p className={`muted ${styles.chartDescription}`}>{description}</p> : null}
      {bars.length === 0 ? (
        <p className="muted">Nothing to show yet.</p>
      ) : (
        <ul className={styles.bars} aria-labelledby={`${id}-heading`}>
          {bars.map((bar) => (
            <li key={bar.key}>
              <Link href={bar.href} className={styles.barLink} data-key={bar.key}>
                <span className={styles.barLabel}>{bar.label}</span>{" "}
                <span className={styles.barTrack} aria-hidden="true">
                  <span
                    className={styles.barFill}
                    style={{ width: `${(bar.count / max) * 100}%`, ...(bar.colour ? { background: bar.colour } : {}) }}
                  />
                </span>{" "}
                <span className={styles.barCount}>
                  {formatCount(bar.count)}
                  <span className="visually-hidden"> claim{bar.count === 1 ? "" : "s"}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
