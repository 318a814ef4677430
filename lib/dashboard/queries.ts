import "server-only";
import { sql, type Sql } from "@/lib/db/sql";
import { caseless, joinedGroup } from "@/lib/db/dialect";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { toIsoTimestamp } from "@/lib/db/timestamps";

/**
 * Everything the dashboard shows, in five queries whatever the size of the database: the
 * totals, two grouped counts and two short lists, each list read from an index on
 * (contested, updatedAt) or (updatedAt).
 */

export type DashboardTotals = { claims: number; attributions: number; sources: number; actors: number; contested: number };
export type StatusCount = { key: string; label: string; colour: string; count: number };
export type TopicCount = { key: string; label: string; count: number };

export type DashboardClaim = {
  id: number;
  text: string;
  updatedAt: string;
  topic: { key: string; label: string };
  status: { key: string; label: string; colour: string };
  /** Distinct names, alphabetical. */
  assertedBy: string[];
  deniedBy: string[];
};

export type Dashboard = {
  totals: DashboardTotals;
  /** Every status in its vocabulary order, including those no claim has yet. */
  byStatus: StatusCount[];
  /** Topics that have claims, most claims first. */
  byTopic: TopicCount[];
  contested: DashboardClaim[];
  recent: DashboardClaim[];
};

export const DASHBOARD_LIST_LENGTH = 8;

type ClaimRow = {
  id: number;
  text: string;
  updatedAt: string;
  topicKey: string;
  topicLabel: string;
  statusKey: string;
  statusLabel: string;
  statusColour: string;
  assertedBy: string | null;
  deniedBy: string | null;
};

// Unit separator: cannot occur in a name typed by a person, so splitting is safe.
const SEPARATOR = "\u001f";

const namesWithStance = (stance: string) => sql`(
  SELECT ${joinedGroup(sql`"name"`, SEPARATOR)} FROM (
    SELECT DISTINCT ac."name" FROM "Attribution" a JOIN "Actor" ac ON ac."id" = a."actorId"
    WHERE a."claimId" = c."id" AND a."stance" = ${stance}) names)`;

// The aggregate promises no order, so the names are sorted here.
const names = (joined: string | null) => (joined ? joined.split(SEPARATOR).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })) : []);

async function claimList(db: SqlReader, where: Sql, limit: number): Promise<DashboardClaim[]> {
  const rows = await db.all<ClaimRow>(sql`
    SELECT c."id", c."text", c."updatedAt", t."key" AS "topicKey", t."label" AS "topicLabel",
           st."key" AS "statusKey", st."label" AS "statusLabel", st."colour" AS "statusColour",
           ${namesWithStance("asserts")} AS "assertedBy", ${namesWithStance("denies")} AS "deniedBy"
    FROM "Claim" c JOIN "Topic" t ON t."id" = c."topicId" JOIN "Status" st ON st."id" = c."statusId"
    WHERE ${where}
    ORDER BY c."updatedAt" DESC, c."id" DESC
    LIMIT ${limit}`);
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    updatedAt: toIsoTimestamp(row.updatedAt),
    topic: { key: row.topicKey, label: row.topicLabel },
    status: { key: row.statusKey, label: row.statusLabel, colour: row.statusColour },
    assertedBy: names(row.assertedBy),
    deniedBy: names(row.deniedBy),
  }));
}

export async function loadDashboard(options: { listLength?: number } = {}, db: SqlReader = sharedReader): Promise<Dashboard> {
  const limit = options.listLength ?? DASHBOARD_LIST_LENGTH;
  const [totals, byStatus, byTopic, contested, recent] = await Promise.all([
    db.one<DashboardTotals>(sql`
      SELECT (SELECT count(*) FROM "Claim") AS "claims",
             (SELECT count(*) FROM "Attribution") AS "attributions",
             (SELECT count(*) FROM "Source") AS "sources",
             (SELECT count(*) FROM "Actor") AS "actors",
             (SELECT count(*) FROM "Claim" WHERE "contested" = ${true}) AS "contested"`),
    db.all<StatusCount>(sql`
      SELECT st."key", st."label", st."colour", count(c."id") AS "count"
      FROM "Status" st LEFT JOIN "Claim" c ON c."statusId" = st."id"
      GROUP BY st."id", st."key", st."label", st."colour", st."sortOrder" ORDER BY st."sortOrder", st."id"`),
    db.all<TopicCount>(sql`
      SELECT t."key", t."label", count(*) AS "count"
      FROM "Claim" c JOIN "Topic" t ON t."id" = c."topicId"
      GROUP BY t."id", t."key", t."label" ORDER BY "count" DESC, ${caseless(sql`t."label"`)}, t."id"`),
    claimList(db, sql`c."contested" = ${true}`, limit),
    claimList(db, sql`1 = 1`, limit),
  ]);
  return {
    totals: totals ?? { claims: 0, attributions: 0, sources: 0, actors: 0, contested: 0 },
    byStatus,
    byTopic,
    contested,
    recent,
  };
}
