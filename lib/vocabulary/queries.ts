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

export type Vocabulary = QueryVocabulary & { statuses: StatusOption[]; topics: TopicOption[] };

/**
 * Statuses and topics, as the claim query schema and the filter UI need them. An export
 * passes its own snapshot reader, so the query is parsed against the snapshot it runs on.
 */
export async function loadVocabulary(db: SqlReader = sharedReader): Promise<Vocabulary> {
  const [statuses, topics] = await Promise.all([listStatuses(db), listTopics(db)]);
  return { statuses, topics, statusKeys: statuses.map((s) => s.key), topicKeys: topics.map((t) => t.key) };
}
