-- PostgreSQL twin of SQLite's 20261130070000_sort_indexes (docs/decisions/057, 058): the
-- claim list's sorts by claim, topic and status as index walks that stop after the page.
-- All by hand. The three declared in schema.prisma (Claim's topicId and statusId, Status's
-- sortOrder) get the id as a last column here: SQLite's indexes end in the rowid, which
-- gives each topic's claims in id order; PostgreSQL's keep equal keys in no useful order.

CREATE INDEX "Claim_topicId_idx" ON "Claim"("topicId", "id");
CREATE INDEX "Claim_statusId_idx" ON "Claim"("statusId", "id");
CREATE INDEX "Status_sortOrder_idx" ON "Status"("sortOrder", "id");

-- Exactly the expressions caseless() (lib/db/dialect.ts) puts in the ORDER BY: lower(…)
-- compared byte by byte (COLLATE "C"), the order SQLite's BINARY collation gives. The
-- planner uses an expression index only for the same expression with the same collation.
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"((lower("text") COLLATE "C"), "id");
CREATE INDEX "Topic_label_caseless_idx" ON "Topic"((lower("label") COLLATE "C"), "id");
