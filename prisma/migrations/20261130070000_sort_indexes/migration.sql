-- The claim list's sorts by claim, topic and status as index walks that stop after the
-- page (docs/decisions/057, 058; lib/claims/search/search-claims.ts).

-- CreateIndex
CREATE INDEX "Claim_topicId_id_idx" ON "Claim"("topicId", "id");

-- CreateIndex
CREATE INDEX "Claim_statusId_id_idx" ON "Claim"("statusId", "id");

-- CreateIndex
CREATE INDEX "Status_sortOrder_id_idx" ON "Status"("sortOrder", "id");

-- Hand-written (Prisma's schema cannot declare an index on an expression, decision 057):
-- the expressions are exactly those caseless() (lib/db/dialect.ts) puts in the ORDER BY,
-- which on SQLite is lower(…) alone. The claim's id, the tie-break, is the rowid every
-- SQLite index ends with.
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"(lower("text"));
CREATE INDEX "Topic_label_caseless_idx" ON "Topic"(lower("label"));
