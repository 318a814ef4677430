import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/dashboard/bar-chart";
import { ClaimList } from "@/components/dashboard/claim-list";
import { HeadlineTotals } from "@/components/dashboard/headline-totals";
import styles from "@/components/dashboard/dashboard.module.css";
import { loadDashboard } from "@/lib/dashboard/queries";
import { countOf } from "@/lib/text/count-of";
import { formatCount } from "@/lib/text/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

/** Beyond this many topics the chart stops being a glance; the claim table's Topic filter lists them all. */
const MAX_TOPIC_BARS = 12;

const claimsWhere = (parameter: string, value: string) => `/claims?${new URLSearchParams({ [parameter]: value })}`;

/** Where the claim database stands: how many claims, their verdicts and topics, what is disputed, what changed. */
export default async function DashboardPage() {
  const dashboard = await loadDashboard();
  const { totals } = dashboard;

  if (totals.claims === 0) {
    return (
      <div className="page-intro">
        <h1>Dashboard</h1>
        <div className="empty-state" role="status">
          <p>There are no claims yet.</p>
          <p className="muted">
            Claims appear here once an article has been added and its claims recorded.{" "}
            {totals.sources > 0 ? (
              <>
                <Link href="/sources">{totals.sources === 1 ? "1 source is" : `${totals.sources} sources are`} stored</Link> so far.
              </>
            ) : null}
          </p>
        </div>
      </div>
    );
  }

  return (
    <>
      <h1>Dashboard</h1>
      <p className={`muted ${styles.intro}`}>
        Claims made in the news, who made and denied them, and what fact-checkers concluded. Every number links to the claims
        behind it.
      </p>
      <HeadlineTotals totals={totals} />
      <div className={styles.grid}>
        <BarChart
          id="claims-by-status"
          title="Claims by status"
          bars={dashboard.byStatus.map((status) => ({ ...status, href: claimsWhere("status", status.key) }))}
        />
        <BarChart
          id="claims-by-topic"
          title="Claims by topic"
          bars={dashboard.byTopic.slice(0, MAX_TOPIC_BARS).map((topic) => ({ ...topic, href: claimsWhere("topic", topic.key) }))}
          description={
            dashboard.byTopic.length > MAX_TOPIC_BARS
              ? `The ${MAX_TOPIC_BARS} topics with the most claims; ${dashboard.byTopic.length - MAX_TOPIC_BARS} more are in the Topic filter of the claims table.`
              : undefined
          }
        />
      </div>
      <div className={styles.grid}>
        <section aria-labelledby="contested-heading">
          <h2 id="contested-heading">Contested claims</h2>
          {dashboard.contested.length === 0 ? (
            <p className="muted">No claim is asserted by one actor and denied by another.</p>
          ) : (
            <>
              <ClaimList claims={dashboard.contested} showSides label="Most recently updated contested claims" />
              <p className={styles.more}>
                <Link href="/claims?contested=true">See all {formatCount(totals.contested)} contested claims</Link> ·{" "}
                <Link href="/matrix?contested=true">compare them in the stance matrix</Link>
              </p>
            </>
          )}
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recently changed</h2>
          <ClaimList claims={dashboard.recent} label="Most recently changed claims" />
          <p className={styles.more}>
            <Link href="/claims">{totals.claims === 1 ? "The one claim" : `All ${countOf(totals.claims, "claim")}`}, newest changes first</Link>
          </p>
        </section>
      </div>
    </>
  );
}
