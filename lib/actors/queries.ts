import "server-only";
import { sql } from "@/lib/db/sql";
import { queryAll, queryOne } from "@/lib/db/sqlite";
import type { ActorKind, Stance } from "@/lib/vocabulary/terms";

export type ActorSummary = {
  id: number;
  name: string;
  kind: ActorKind;
  role: string | null;
  affiliation: string | null;
  aliases: string[];
  asserted: number;
  denied: number;
  otherStances: number;
  relayed: number;
};

export type ActorClaim = {
  claimId: number;
  claimText: string;
  statusLabel: string;
  statusColour: string;
  stance: Stance | "relays";
  verb: string | null;
  quote: string;
  attributionId: number;
  sourceId: number;
  sourceTitle: string;
  /** For relayed claims: who the words came from. */
  speaker: string | null;
};

export type ActorDetail = ActorSummary & { claims: ActorClaim[] };

type ActorRow = Omit<ActorSummary, "aliases"> & { aliases: string | null };

const SUMMARY_COLUMNS = sql`
  ac.id, ac.name, ac.kind, ac.role, ac.affiliation,
  (SELECT group_concat(al.alias, '\u001f') FROM ActorAlias al WHERE al.actorId = ac.id) AS aliases,
  (SELECT count(DISTINCT a.claimId) FROM Attribution a WHERE a.actorId = ac.id AND a.stance = 'asserts') AS asserted,
  (SELECT count(DISTINCT a.claimId) FROM Attribution a WHERE a.actorId = ac.id AND a.stance = 'denies') AS denied,
  (SELECT count(DISTINCT a.claimId) FROM Attribution a WHERE a.actorId = ac.id AND a.stance NOT IN ('asserts', 'denies')) AS otherStances,
  (SELECT count(DISTINCT a.claimId) FROM AttributionVia v JOIN Attribution a ON a.id = v.attributionId WHERE v.actorId = ac.id) AS relayed`;

function toSummary(row: ActorRow): ActorSummary {
  return { ...row, aliases: row.aliases ? row.aliases.split("\u001f") : [] };
}

export function listActors(): ActorSummary[] {
  return queryAll<ActorRow>(sql`SELECT ${SUMMARY_COLUMNS} FROM Actor ac ORDER BY ac.name COLLATE NOCASE`).map(toSummary);
}

export function getActor(id: number): ActorDetail | null {
  const row = queryOne<ActorRow>(sql`SELECT ${SUMMARY_COLUMNS} FROM Actor ac WHERE ac.id = ${id}`);
  if (!row) return null;
  const own = queryAll<ActorClaim>(sql`
    SELECT a.claimId, c.text AS claimText, st.label AS statusLabel, st.colour AS statusColour, a.stance, a.verb, a.quote,
           a.id AS attributionId, s.id AS sourceId, s.title AS sourceTitle, NULL AS speaker
    FROM Attribution a JOIN Claim c ON c.id = a.claimId JOIN Status st ON st.id = c.statusId JOIN Source s ON s.id = a.sourceId
    WHERE a.actorId = ${id}
    ORDER BY c.updatedAt DESC, a.id`);
  const relayed = queryAll<ActorClaim>(sql`
    SELECT a.claimId, c.text AS claimText, st.label AS statusLabel, st.colour AS statusColour, 'relays' AS stance, a.verb, a.quote,
           a.id AS attributionId, s.id AS sourceId, s.title AS sourceTitle, speaker.name AS speaker
    FROM AttributionVia v JOIN Attribution a ON a.id = v.attributionId JOIN Claim c ON c.id = a.claimId
    JOIN Status st ON st.id = c.statusId JOIN Source s ON s.id = a.sourceId JOIN Actor speaker ON speaker.id = a.actorId
    WHERE v.actorId = ${id}
    ORDER BY c.updatedAt DESC, a.id`);
  return { ...toSummary(row), claims: [...own, ...relayed] };
}

/** Names and aliases for the actor field's suggestions, most involved first. */
export function listActorNames(limit = 5000): string[] {
  return queryAll<{ name: string }>(sql`
    SELECT name FROM (
      SELECT ac.name AS name, (SELECT count(*) FROM Attribution a WHERE a.actorId = ac.id) AS uses FROM Actor ac
      UNION ALL
      SELECT al.alias AS name, 0 AS uses FROM ActorAlias al
    ) ORDER BY uses DESC, name COLLATE NOCASE LIMIT ${limit}`).map((row) => row.name);
}
