import "server-only";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { caseless } from "@/lib/db/dialect";
import { sql } from "@/lib/db/sql";
import { toBoolean } from "@/lib/db/values";
import type { QueryVocabulary } from "@/lib/claims/query/claim-query";

export type StatusOption = {
  id: number;
  key: string;
  label: string;
  description: string;
  colour: string;
  isFinal: boolean;
  ratingValue: number | null;
};
export type TopicOption = { id: number; key: string; label: string; description: string | null };

export async function listStatuses(db: SqlReader = sharedReader): Promise<StatusOption[]> {
  const rows = await db.all<Omit<StatusOption, "isFinal"> & { isFinal: boolean | number }>(
    sql`SELECT "id", "key", "label", "description", "colour", "isFinal", "ratingValue" FROM "Status" ORDER BY "sortOrder", "id"`,
  );
  return rows.map((row) => ({ ...row, isFinal: toBoolean(row.isFinal) }));
}

export async function listTopics(db: SqlReader = sharedReader): Promise<TopicOption[]> {
  return db.all<TopicOption>(sql`SELECT "id", "key", "label", "description" FROM "Topic" ORDER BY ${caseless(sql`"label"`)}, "id"`);
}

/** A status as the admin page edits it, with the number of claims that have it. */
export type StatusWithUsage = StatusOption & { sortOrder: number; claimCount: number };
/** A topic as the admin page edits it, with the number of claims filed under it. */
export type TopicWithUsage = TopicOption & { claimCount: number };

export async function listStatusesWithUsage(db: SqlReader = sharedReader): Promise<StatusWithUsage[]> {
  const rows = await db.all<Omit<StatusWithUsage, "isFinal"> & { isFinal: boolean | number }>(sql`
    SELECT s."id", s."key", s."label", s."description", s."colour", s."isFinal", s."ratingValue", s."sortOrder",
           (SELECT COUNT(*) FROM "Claim" c WHERE c."statusId" = s."id") AS "claimCount"
    FROM "Status" s ORDER BY s."sortOrder", s."id"`);
  return rows.map((row) => ({ ...row, isFinal: toBoolean(row.isFinal), claimCount: Number(row.claimCount) }));
}

export async function listTopicsWithUsage(db: SqlReader = sharedReader): Promise<TopicWithUsage[]> {
  const rows = await db.all<TopicWithUsage>(sql`
    SELECT t."id", t."key", t."label", t."description",
           (SELECT COUNT(*) FROM "Claim" c WHERE c."topicId" = t."id") AS "claimCount"
    FROM "Topic" t ORDER BY ${caseless(sql`t."label"`)}, t."id"`);
  return rows.map((row) => ({ ...row, claimCount: Number(row.claimCount) }));
}

export type Vocabulary = QueryVocabulary & { statuses: StatusOption[]; topics: TopicOption[] };

/**
 * Statuses and topics, as the claim query schema and the filter UI need them. An export
 * passes its own snapshot reader, so the query is parsed against the snapshot it runs on.
 */
export async function loadVocabulary(db: SqlReader = sharedReader): Promise<Vocabulary> {
  const [statuses, topics] = await Promise.all([listStatuses(db), listTopics(db)]);
  return { statuses, topics, statusKeys: statuses.map((s) => s.key), topicKeys: topics.map((t) => t.key) };
}
