import Link from "next/link";
import type { CellMark, MatrixStance } from "@/lib/claims/stance-matrix";
import { STANCE_MARKS } from "@/components/matrix/stance-marks";
import styles from "@/components/matrix/stance-matrix.module.css";

const markClass = (stance: MatrixStance) => `${styles.mark} ${styles[stance] ?? ""}`;

/** The symbol and word of a stance; the symbol is decoration, the word carries the meaning. */
function MarkContent({ stance, count }: { stance: MatrixStance; count: number }) {
  const mark = STANCE_MARKS[stance];
  return (
    <>
      <span aria-hidden="true" className={styles.symbol}>
        {mark.symbol}
      </span>{" "}
      {mark.word}
      {mark.word !== mark.label ? <span className="visually-hidden">{mark.label.slice(mark.word.length)}</span> : null}
      {count > 1 ? (
        <>
          <span aria-hidden="true" className={styles.count}>
            ×{count}
          </span>
          <span className="visually-hidden">, in {count} passages</span>
        </>
      ) : null}
    </>
  );
}

/** A stance as it appears in the legend. */
export function StanceMark({ stance }: { stance: MatrixStance }) {
  return (
    <span className={markClass(stance)}>
      <MarkContent stance={stance} count={1} />
    </span>
  );
}

/**
 * A stance in a cell, linking to the passage that shows it. The actor's name is in the
 * link's accessible name so that a list of links ("Dmitry Peskov denies") still makes sense
 * out of the table.
 */
export function StanceMarkLink({ claimId, actorName, mark }: { claimId: number; actorName: string; mark: CellMark }) {
  return (
    <Link className={markClass(mark.stance)} href={`/claims/${claimId}#attribution-${mark.attributionId}`} data-stance={mark.stance}>
      <span className="visually-hidden">{actorName} </span>
      <MarkContent stance={mark.stance} count={mark.count} />
    </Link>
  );
}
