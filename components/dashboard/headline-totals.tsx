import Link from "next/link";
import type { DashboardTotals } from "@/lib/dashboard/queries";
import styles from "@/components/dashboard/dashboard.module.css";
import { formatCount } from "@/lib/text/format";

const ITEMS: { key: keyof DashboardTotals; label: string; href?: string }[] = [
  { key: "claims", label: "Claims", href: "/claims" },
  { key: "attributions", label: "Attributions" },
  { key: "sources", label: "Sources", href: "/sources" },
  { key: "actors", label: "Actors", href: "/actors" },
  { key: "contested", label: "Contested claims", href: "/claims?contested=true" },
];

/** The headline numbers, as a description list: each label is read with its number. */
export function HeadlineTotals({ totals }: { totals: DashboardTotals }) {
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading" className="visually-hidden">
        Totals
      </h2>
      <dl className={styles.totals}>
        {ITEMS.map((item) => (
          <div key={item.key} className={styles.total} data-total={item.key}>
            <dt>{item.href ? <Link href={item.href}>{item.label}</Link> : item.label}</dt>
            <dd className={styles.totalValue}>{formatCount(totals[item.key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
