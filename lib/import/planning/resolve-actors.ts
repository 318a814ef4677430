import type { StoredActor } from "@/lib/actors/resolve-actor";
import type { ImportRow } from "@/lib/import/parse-row";
import { normalizeKey } from "@/lib/text/normalize";
import type { ActorKind } from "@/lib/vocabulary/terms";
import { quoted, type PlannedActor, type ReportProblem } from "./types";

/**
 * Names to actors, by name or alias (the stored ones found by lib/actors/resolve-actor.ts).
 * A new actor's kind comes from actor_kind, the first row that gives one; a row that gives
 * another kind is a problem. Actors met only in via chains are relays: news outlets, unless
 * a row says otherwise (`finish`).
 */
export function createActorResolver(stored: ReadonlyMap<string, StoredActor>, report: ReportProblem) {
  const actors = new Map<string, PlannedActor>();

  const named = (name: string, line: number): PlannedActor => {
    const key = normalizeKey(name);
    let actor = actors.get(key);
    if (!actor) {
      const known = stored.get(key);
      actor = { key, name: known?.name ?? name, kind: (known?.kind as ActorKind | undefined) ?? null, kindLine: line, existingId: known?.id ?? null, speaks: false };
      actors.set(key, actor);
    }
    return actor;
  };

  /** The row's actor (who speaks) and its via chain. */
  const resolve = (row: ImportRow): { actor: PlannedActor; via: PlannedActor[] } => {
    const actor = named(row.actor, row.line);
    actor.speaks = true;
    if (row.actorKind) {
      if (actor.kind === null) {
        actor.kind = row.actorKind;
        actor.kindLine = row.line;
      } else if (actor.kind !== row.actorKind) {
        report(
          row.line,
          "actor_kind",
          actor.existingId !== null ? `${quoted(actor.name)} is recorded as ${actor.kind}; write ${actor.kind} or leave actor_kind empty` : `line ${actor.kindLine} says ${quoted(actor.name)} is ${actor.kind}`,
        );
      }
    }
    return { actor, via: row.via.map((name) => named(name, row.line)) };
  };

  /** Every actor of the plan, new ones given a kind. */
  const finish = (): PlannedActor[] => {
    for (const actor of actors.values()) {
      if (actor.existingId === null && actor.kind === null) actor.kind = actor.speaks ? "organisation" : "news_outlet";
    }
    return [...actors.values()];
  };

  return { resolve, finish };
}
