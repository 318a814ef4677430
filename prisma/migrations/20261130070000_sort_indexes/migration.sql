-- The claim list's sorts by claim, topic and status as index walks that stop after the
-- page (docs/decisions/057, 058; lib/claims/search/search-claims.ts).
-- Each of these SQLite indexes ends in the rowid, the claim's (status's) id: ("topicId")
-- gives a topic's claims in id order. Not ("topicId", "id"): naming the id, an alias of
-- the rowid, made SQLite probe that index with every id of an IN list (a facet of
-- actor + search + topic at 100k: 23 ms instead of 1.3).

-- CreateIndex
CREATE INDEX "Claim_topicId_idx" ON "Claim"("topicId");

-- CreateIndex
CREATE INDEX "Claim_statusId_idx" ON "Claim"("statusId");

-- CreateIndex
CREATE INDEX "Status_sortOrder_idx" ON "Status"("sortOrder");

-- Hand-written (Prisma's schema cannot declare an index on an expression, decision 057):
-- the expressions are exactly those caseless() (lib/db/dialect.ts) puts in the ORDER BY,
-- which on SQLite is lower(…) alone.
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"(lower("text"));
CREATE INDEX "Topic_label_caseless_idx" ON "Topic"(lower("label"));
