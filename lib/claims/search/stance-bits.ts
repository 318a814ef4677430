import { join, raw, sql, type Sql } from "@/lib/db/sql";
import { STANCES, type Stance } from "@/lib/vocabulary/terms";

/**
 * Claim."stances": one bit for each stance the claim's attributions take, in the order of
 * STANCES (asserts 1, denies 2, reports 4, declines to clarify 8). The triggers keep it
 * (migration 20261202100000_claim_stances, on both databases, with these same bits), and
 * every index on the claim's own columns holds it: a broad stance filter is a check on the
 * claim that a walk makes on the index, and the stance facet a count over claims, not over
 * their attributions (decision 075). tests/support/consistency.ts checks the column against
 * the attributions.
 */
export const STANCE_BITS: Readonly<Record<Stance, number>> = Object.fromEntries(STANCES.map((stance, i) => [stance, 1 << i])) as Record<Stance, number>;

/** The bits of these stances together. */
export function stanceMask(stances: readonly Stance[]): number {
  return stances.reduce((mask, stance) => mask | STANCE_BITS[stance], 0);
}

/** The claim `c` holds an attribution of one of the stances of `mask`. */
export function holdsAnyStance(mask: number): Sql {
  // A literal, not a parameter: PostgreSQL then knows the operand's type, and the mask is
  // a number this module made.
  return raw(`(c."stances" & ${Math.trunc(mask)}) <> 0`);
}

/**
 * The bits of the stances in `column` over a group of attributions, as the triggers compute
 * them: the sum of the distinct bits is their OR; 0 for none. For bulk loaders that write
 * with the triggers paused (lib/search/rebuild.ts).
 */
export function stanceBitsOf(column: Sql): Sql {
  const cases = join(
    STANCES.map((stance) => raw(`WHEN '${stance}' THEN ${STANCE_BITS[stance]}`)),
    " ",
  );
  return sql`coalesce(sum(DISTINCT CASE ${column} ${cases} ELSE 0 END), 0)`;
}
