-- PostgreSQL twin of SQLite's 20261130070000_sort_indexes (docs/decisions/057, 058): the
-- claim list's sorts by claim, topic and status as index walks that stop after the page.
-- The three plain indexes from `prisma migrate diff` between the derived schemas before
-- and after; the two expression indexes by hand.

-- CreateIndex
CREATE INDEX "Claim_topicId_id_idx" ON "Claim"("topicId", "id");

-- CreateIndex
CREATE INDEX "Claim_statusId_id_idx" ON "Claim"("statusId", "id");

-- CreateIndex
CREATE INDEX "Status_sortOrder_id_idx" ON "Status"("sortOrder", "id");

-- Exactly the expressions caseless() (lib/db/dialect.ts) puts in the ORDER BY: lower(…)
-- compared byte by byte (COLLATE "C"), the order SQLite's BINARY collation gives. The
-- planner uses an expression index only for the same expression with the same collation.
-- The id, the tie-break, is the second column (PostgreSQL's indexes do not end in it).
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"((lower("text") COLLATE "C"), "id");
CREATE INDEX "Topic_label_caseless_idx" ON "Topic"((lower("label") COLLATE "C"), "id");
