import { StanceMark } from "@/components/matrix/stance-mark";
import { STANCE_MARKS } from "@/components/matrix/stance-marks";
import { MATRIX_STANCES } from "@/lib/claims/stance-matrix";
import styles from "@/components/matrix/stance-matrix.module.css";

/** What the marks mean, as a description list a screen reader reads term by term. */
export function StanceLegend() {
  return (
    <section className={styles.legend} aria-labelledby="stance-legend-heading">
      <h2 id="stance-legend-heading" className={styles.legendHeading}>
        Key
      </h2>
      <dl className={styles.legendList}>
        {MATRIX_STANCES.map((stance) => (
          <div key={stance} className={styles.legendItem}>
            <dt>
              <StanceMark stance={stance} />
            </dt>
            <dd>{STANCE_MARKS[stance].meaning}</dd>
          </div>
        ))}
        <div className={styles.legendItem}>
          <dt>
            <span className="badge contested-badge">contested</span>
          </dt>
          <dd>one actor asserts the claim and another denies it (the row also has a bar on its left)</dd>
        </div>
        <div className={styles.legendItem}>
          <dt>
            <span className={styles.count}>×2</span>
          </dt>
          <dd>the stance appears in two passages; each mark links to the first</dd>
        </div>
      </dl>
    </section>
  );
}
