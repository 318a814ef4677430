import "server-only";
import { sql } from "@/lib/db/sql";
import type { ExportConnection } from "@/lib/export/connection";
import type { StatusOption, TopicOption, Vocabulary } from "@/lib/vocabulary/queries";

/**
 * Statuses and topics read on the export's own connection, so the query is parsed against
 * the same snapshot it runs on (and against any database file, for tests and the bench).
 * Same SQL and shape as lib/vocabulary/queries.ts loadVocabulary.
 */
export function loadVocabularyFrom(db: ExportConnection): Vocabulary {
  const statuses = db
    .all<Omit<StatusOption, "isFinal"> & { isFinal: number }>(
      sql`SELECT id, key, label, description, colour, isFinal, ratingValue FROM Status ORDER BY sortOrder, id`,
    )
    .map((row) => ({ ...row, isFinal: row.isFinal === 1 }));
  const topics = db.all<TopicOption>(sql`SELECT id, key, label, description FROM Topic ORDER BY label COLLATE NOCASE, id`);
  return { statuses, topics, statusKeys: statuses.map((s) => s.key), topicKeys: topics.map((t) => t.key) };
}
