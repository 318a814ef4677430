import "server-only";
import { queryAll } from "@/lib/db/sqlite";
import { sql } from "@/lib/db/sql";
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

export function listStatuses(): StatusOption[] {
  return queryAll<Omit<StatusOption, "isFinal"> & { isFinal: number }>(
    sql`SELECT id, key, label, description, colour, isFinal, ratingValue FROM Status ORDER BY sortOrder, id`,
  ).map((row) => ({ ...row, isFinal: row.isFinal === 1 }));
}

export function listTopics(): TopicOption[] {
  return queryAll<TopicOption>(sql`SELECT id, key, label, description FROM Topic ORDER BY label COLLATE NOCASE, id`);
}

export type Vocabulary = QueryVocabulary & { statuses: StatusOption[]; topics: TopicOption[] };

/** Statuses and topics, as the claim query schema and the filter UI need them. */
export function loadVocabulary(): Vocabulary {
  const statuses = listStatuses();
  const topics = listTopics();
  return { statuses, topics, statusKeys: statuses.map((s) => s.key), topicKeys: topics.map((t) => t.key) };
}
