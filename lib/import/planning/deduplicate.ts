import type { ImportRow } from "@/lib/import/parse-row";
import type { PlannedActor, PlannedAnchor, PlannedAttribution, PlannedClaim, PlannedSource } from "./types";

/** An attribution is the one already stored (or already planned) when its claim, source, actor, stance, quote and offsets are. */
export function attributionIdentity(claim: string, source: string, actor: string, stance: string, quote: string, start: number | null, end: number | null): string {
  return JSON.stringify([claim, source, actor, stance, quote, start, end]);
}

/** A row whose claim, actors, source and quote are all resolved: an attribution unless it is a duplicate. */
export type ResolvedRow = { row: ImportRow; claim: PlannedClaim; actor: PlannedActor; via: PlannedActor[]; source: PlannedSource; anchor: PlannedAnchor };

/**
 * The attributions to add: each resolved row, except those identical to a stored
 * attribution (`storedKeys`, by attributionIdentity over stored ids) or to an earlier row.
 * Records the import creates are compared by their plan keys, stored ones by their ids.
 */
export function deduplicateAttributions(resolved: readonly ResolvedRow[], storedKeys: ReadonlySet<string>): { attributions: PlannedAttribution[]; duplicatesSkipped: number } {
  const keys = new Set(storedKeys);
  const attributions: PlannedAttribution[] = [];
  let duplicatesSkipped = 0;
  for (const { row, claim, actor, via, source, anchor } of resolved) {
    const key = attributionIdentity(
      claim.existing ? `id:${claim.id}` : claim.key,
      source.existingId !== null ? `s#${source.existingId}` : source.key,
      actor.existingId !== null ? `a#${actor.existingId}` : actor.key,
      row.stance,
      anchor.quote,
      anchor.quoteStart,
      anchor.quoteEnd,
    );
    if (keys.has(key)) {
      duplicatesSkipped++;
      continue;
    }
    keys.add(key);
    attributions.push({
      line: row.line,
      claimKey: claim.key,
      actorKey: actor.key,
      viaKeys: via.map((relay) => relay.key),
      sourceKey: source.key,
      stance: row.stance,
      verb: row.verb,
      sourcing: row.sourcing,
      actorRole: row.actorRole,
      accuracy: row.accuracy,
      anchor,
    });
  }
  return { attributions, duplicatesSkipped };
}
