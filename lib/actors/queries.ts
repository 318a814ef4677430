import "server-only";
import { sql } from "@/lib/db/sql";
import { caseless, joinedGroup } from "@/lib/db/dialect";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import type { ActorKind, Stance } from "@/lib/vocabulary/terms";

export type ActorSummary = {
  id: number;
  name: string;
  kind: ActorKind;
  role: string | null;
  affiliation: string | null;
  aliases: string[];
  /** What a correction of the actor is based on (PATCH /api/actors/[id]). */
  version: number;
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

// Unit separator: cannot occur in a name typed by a person, so splitting is safe.
const SEPARATOR = "\u001f";

const SUMMARY_COLUMNS = sql`
  ac."id", ac."name", ac."kind", ac."role", ac."affiliation", ac."version",
  (SELECT ${joinedGroup(sql`al."alias"`, SEPARATOR)} FROM "ActorAlias" al WHERE al."actorId" = ac."id") AS "aliases",
  (SELECT count(DISTINCT a."claimId") FROM "Attribution" a WHERE a."actorId" = ac."id" AND a."stance" = 'asserts') AS "asserted",
  (SELECT count(DISTINCT a."claimId") FROM "Attribution" a WHERE a."actorId" = ac."id" AND a."stance" = 'denies') AS "denied",
  (SELECT count(DISTINCT a."claimId") FROM "Attribution" a WHERE a."actorId" = ac."id" AND a."stance" NOT IN ('asserts', 'denies')) AS "otherStances",
  (SELECT count(DISTINCT a."claimId") FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE v."actorId" = ac."id") AS "relayed"`;

// The aggregate promises no order, so the aliases are sorted here.
function toSummary(row: ActorRow): ActorSummary {
  return { ...row, aliases: row.aliases ? row.aliases.split(SEPARATOR).sort() : [] };
}

export async function listActors(db: SqlReader = sharedReader): Promise<ActorSummary[]> {
  return (await db.all<ActorRow>(sql`SELECT ${SUMMARY_COLUMNS} FROM "Actor" ac ORDER BY ${caseless(sql`ac."name"`)}, ac."id"`)).map(toSummary);
}

export async function getActor(id: number, db: SqlReader = sharedReader): Promise<ActorDetail | null> {
  const row = await db.one<ActorRow>(sql`SELECT ${SUMMARY_COLUMNS} FROM "Actor" ac WHERE ac."id" = ${id}`);
  if (!row) return null;
  const [own, relayed] = await Promise.all([
    db.all<ActorClaim>(sql`
      SELECT a."claimId", c."text" AS "claimText", st."label" AS "statusLabel", st."colour" AS "statusColour", a."stance", a."verb", a."quote",
             a."id" AS "attributionId", s."id" AS "sourceId", s."title" AS "sourceTitle", NULL AS "speaker"
      FROM "Attribution" a JOIN "Claim" c ON c."id" = a."claimId" JOIN "Status" st ON st."id" = c."statusId" JOIN "Source" s ON s."id" = a."sourceId"
      WHERE a."actorId" = ${id}
      ORDER BY c."updatedAt" DESC, a."id"`),
    db.all<ActorClaim>(sql`
      SELECT a."claimId", c."text" AS "claimText", st."label" AS "statusLabel", st."colour" AS "statusColour", 'relays' AS "stance", a."verb", a."quote",
             a."id" AS "attributionId", s."id" AS "sourceId", s."title" AS "sourceTitle", speaker."name" AS "speaker"
      FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" JOIN "Claim" c ON c."id" = a."claimId"
      JOIN "Status" st ON st."id" = c."statusId" JOIN "Source" s ON s."id" = a."sourceId" JOIN "Actor" speaker ON speaker."id" = a."actorId"
      WHERE v."actorId" = ${id}
      ORDER BY c."updatedAt" DESC, a."id"`),
  ]);
  return { ...toSummary(row), claims: [...own, ...relayed] };
}

/** Names and aliases for the actor field's suggestions, most involved first. */
export async function listActorNames(limit = 5000, db: SqlReader = sharedReader): Promise<string[]> {
  const rows = await db.all<{ name: string }>(sql`
    SELECT "name" FROM (
      SELECT ac."name" AS "name", (SELECT count(*) FROM "Attribution" a WHERE a."actorId" = ac."id") AS "uses" FROM "Actor" ac
      UNION ALL
      SELECT al."alias" AS "name", 0 AS "uses" FROM "ActorAlias" al
    ) names ORDER BY "uses" DESC, ${caseless(sql`"name"`)}, "name" LIMIT ${limit}`);
  return rows.map((row) => row.name);
}
