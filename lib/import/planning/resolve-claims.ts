import { CLAIM_ID_MARGIN } from "@/lib/import/limits";
import type { ImportRow } from "@/lib/import/parse-row";
import { normalizeKey } from "@/lib/text/normalize";
import type { ExistingRecords, StoredClaim } from "./existing-records";
import { quoted, type PlannedClaim, type ReportProblem } from "./types";
import { formatCount } from "@/lib/text/format";

/** A claim is the same claim when its topic and its text (case and spacing ignored) are. */
export const claimTextKey = (topic: string, text: string) => `${topic}\u0000${normalizeKey(text)}`;

/**
 * Rows to claims: by claim_id, else by text and topic, against the stored claims and the
 * earlier rows. The first row for a claim sets its status. `resolve` gives the claim's
 * plan key, or null (and reports why) when the row contradicts what is known.
 */
export function createClaimResolver(existing: ExistingRecords, report: ReportProblem) {
  const claims = new Map<string, PlannedClaim>();
  const claimKeyById = new Map<number, string>();
  const claimKeyByText = new Map<string, string>();
  // A new claim may take an id from the file only this far above the highest one (lib/import/limits.ts).
  const highestNewClaimId = existing.highestClaimId + CLAIM_ID_MARGIN;
  let newClaims = 0;

  const register = (claim: PlannedClaim) => {
    claims.set(claim.key, claim);
    claimKeyByText.set(claim.textKey, claim.key);
    if (claim.id !== null) claimKeyById.set(claim.id, claim.key);
    return claim.key;
  };
  const registerExisting = (stored: StoredClaim, row: ImportRow) =>
    claimKeyById.get(stored.id) ??
    register({
      key: `id:${stored.id}`,
      id: stored.id,
      existing: true,
      text: stored.text,
      topic: stored.topic.key,
      status: row.status,
      statusLine: row.line,
      currentStatus: stored.status.key,
      firstLine: row.line,
      textKey: claimTextKey(stored.topic.key, stored.text),
    });
  const registerNew = (row: ImportRow, textKey: string) =>
    register({ key: `new:${++newClaims}`, id: row.claimId, existing: false, text: row.claim, topic: row.topic, status: row.status, statusLine: row.line, currentStatus: null, firstLine: row.line, textKey });

  /** A row with a claim_id: the same claim as an earlier row's or a stored one, or a new claim with that id. */
  const resolveById = (row: ImportRow & { claimId: number }, textKey: string): string | null => {
    const seen = claimKeyById.get(row.claimId);
    if (seen) {
      const claim = claims.get(seen)!;
      if (claim.textKey === textKey) return seen;
      const where = claim.existing ? `claim ${row.claimId} is ${quoted(claim.text)} in topic "${claim.topic}"` : `line ${claim.firstLine} gives claim_id ${row.claimId} to ${quoted(claim.text)} in topic "${claim.topic}"`;
      report(row.line, claim.topic === row.topic ? "claim" : "topic", `${where}; one claim_id cannot have two texts or topics`);
      return null;
    }
    const stored = existing.claimsById.get(row.claimId);
    if (stored) {
      let same = true;
      if (normalizeKey(stored.text) !== normalizeKey(row.claim)) {
        report(row.line, "claim", `claim ${stored.id} reads ${quoted(stored.text)}, not ${quoted(row.claim)}; leave claim_id empty to add a new claim`);
        same = false;
      }
      if (stored.topic.key !== row.topic) {
        report(row.line, "topic", `claim ${stored.id} is in topic "${stored.topic.key}", not "${row.topic}"`);
        same = false;
      }
      return same ? registerExisting(stored, row) : null;
    }
    // A claim_id the database does not have: the claim is created with that id.
    if (row.claimId > highestNewClaimId) {
      report(
        row.line,
        "claim_id",
        `there is no claim ${row.claimId}, and a new claim's id may be at most ${highestNewClaimId} (the highest claim id, ${existing.highestClaimId}, plus ${formatCount(CLAIM_ID_MARGIN)}): leave claim_id empty and the claim is numbered for you`,
      );
      return null;
    }
    const storedByText = existing.claimsByText.get(textKey);
    if (storedByText) {
      report(row.line, "claim_id", `there is no claim ${row.claimId}, but this text and topic are claim ${storedByText.id}: write claim_id ${storedByText.id} or leave it empty`);
      return null;
    }
    const sameText = claimKeyByText.get(textKey);
    if (sameText) {
      const claim = claims.get(sameText)!;
      if (claim.id === null) {
        // An earlier row without claim_id introduced this claim: it takes the id given here.
        claim.id = row.claimId;
        claimKeyById.set(row.claimId, sameText);
        return sameText;
      }
      report(row.line, "claim_id", `line ${claim.firstLine} has the same claim and topic with claim_id ${claim.id}`);
      return null;
    }
    return registerNew(row, textKey);
  };

  const resolve = (row: ImportRow): string | null => {
    const textKey = claimTextKey(row.topic, row.claim);
    if (row.claimId !== null) return resolveById(row as ImportRow & { claimId: number }, textKey);
    const storedByText = existing.claimsByText.get(textKey);
    return claimKeyByText.get(textKey) ?? (storedByText ? registerExisting(storedByText, row) : registerNew(row, textKey));
  };

  /** Resolve the row's claim and check that it does not give the claim a second status. */
  const resolveWithStatus = (row: ImportRow): string | null => {
    const key = resolve(row);
    if (key) {
      const claim = claims.get(key)!;
      if (claim.status !== row.status) report(row.line, "status", `line ${claim.statusLine} gives this claim the status "${claim.status}"; a claim has one status`);
    }
    return key;
  };

  return { resolve: resolveWithStatus, claims: claims as ReadonlyMap<string, PlannedClaim> };
}
