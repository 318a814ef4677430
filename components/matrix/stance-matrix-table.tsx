import Link from "next/link";
import { StatusBadge } from "@/components/claims/status-badge";
import { StanceMarkLink } from "@/components/matrix/stance-mark";
import type { StanceMatrix } from "@/lib/claims/stance-matrix";
import styles from "@/components/matrix/stance-matrix.module.css";

/**
 * Claims down the side, actors across the top. Plain table semantics (caption, th with
 * scope) let a screen reader announce "claim, actor" for every cell; the scroll container
 * is focusable so that a keyboard user can scroll a wide matrix sideways.
 */
export function StanceMatrixTable({ matrix, caption }: { matrix: StanceMatrix; caption: string }) {
  return (
    <div className={styles.scroller} role="region" aria-labelledby="stance-matrix-caption" tabIndex={0}>
      <table className={styles.matrix}>
        <caption id="stance-matrix-caption" className={styles.caption}>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              Claim
            </th>
            {matrix.actors.map((actor) => (
              <th key={actor.id} scope="col" className={styles.actorHeader}>
                <Link href={`/actors/${actor.id}`}>{actor.name}</Link>
                <span className={styles.actorCount}>
                  {actor.claimCount} claim{actor.claimCount === 1 ? "" : "s"}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.claim.id} className={row.claim.contested ? styles.contestedRow : undefined}>
              <th scope="row" className={styles.claimHeader}>
                <Link href={`/claims/${row.claim.id}`}>{row.claim.text}</Link>
                <span className={styles.claimMeta}>
                  <StatusBadge status={row.claim.status} />
                  {row.claim.contested ? <span className="badge contested-badge">contested</span> : null}
                </span>
              </th>
              {row.cells.map((marks, index) => {
                const actor = matrix.actors[index]!;
                return (
                  <td key={actor.id} className={styles.cell}>
                    {marks.length > 0 ? (
                      <span className={styles.marks}>
                        {marks.map((mark) => (
                          <StanceMarkLink key={mark.stance} claimId={row.claim.id} actorName={actor.name} mark={mark} />
                        ))}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
