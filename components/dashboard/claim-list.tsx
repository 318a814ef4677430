import Link from "next/link";
import { StatusBadge } from "@/components/claims/status-badge";
import { FormattedDate } from "@/components/ui/formatted-date";
import type { DashboardClaim } from "@/lib/dashboard/queries";
import styles from "@/components/dashboard/dashboard.module.css";

/** A short list of claims: the text as a link, then status, topic and when it last changed. */
export function ClaimList({ claims, showSides = false, label }: { claims: DashboardClaim[]; showSides?: boolean; label: string }) {
  return (
    <ol className={styles.claimList} aria-label={label}>
      {claims.map((claim) => (
        <li key={claim.id}>
          <Link href={`/claims/${claim.id}`} className={styles.claimLink}>
            {claim.text}
          </Link>
          {showSides ? (
            <p className={styles.sides}>
              <span>
                <span aria-hidden="true">✔ </span>asserted by {names(claim.assertedBy)}
              </span>
              <span>
                <span aria-hidden="true">✘ </span>denied by {names(claim.deniedBy)}
              </span>
            </p>
          ) : null}
          <p className={styles.claimMeta}>
            <StatusBadge status={claim.status} /> <span>{claim.topic.label}</span> <span aria-hidden="true">·</span>{" "}
            <span>
              updated <FormattedDate iso={claim.updatedAt} withTime />
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}

function names(values: string[]): string {
  return values.length === 0 ? "no one" : values.join(", ");
}
