-- Every index on the claim's own columns also holds the columns the claim-level filters
-- check (status, topic, contested, the publication dates), so that a page or a total deep
-- into a broad filter reads one index and no claim row (decision 074, issue 14). At 100k
-- claims, page 900 of `contested=false&sort=-sources` took 106 ms, 15 ms through these; at
-- a million, two topics within a date range were counted in 124 ms, 22 through these.
-- The id comes right after the key the index is ordered by: the list orders by (key, id),
-- and a SQLite index whose id is last (the rowid) would be in (key, other columns, id)
-- order. ("firstPublishedAt", "lastPublishedAt") goes: the publication index answers its
-- ranges as well. The first part is `prisma migrate diff` of schema.prisma.

-- DropIndex
DROP INDEX "Claim_statusId_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_contested_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_sourceCount_idx";

-- DropIndex
DROP INDEX "Claim_firstPublishedAt_idx";

-- DropIndex
DROP INDEX "Claim_firstPublishedAt_lastPublishedAt_idx";

-- DropIndex
DROP INDEX "Claim_topicId_statusId_contested_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_statusId_topicId_contested_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Claim_statusId_updatedAt_idx" ON "Claim"("statusId", "updatedAt", "id", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");

-- CreateIndex
CREATE INDEX "Claim_contested_updatedAt_idx" ON "Claim"("contested", "updatedAt", "id", "statusId", "topicId", "firstPublishedAt", "lastPublishedAt");

-- CreateIndex
CREATE INDEX "Claim_updatedAt_idx" ON "Claim"("updatedAt", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");

-- CreateIndex
CREATE INDEX "Claim_sourceCount_idx" ON "Claim"("sourceCount", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");

-- CreateIndex
CREATE INDEX "Claim_firstPublishedAt_idx" ON "Claim"("firstPublishedAt", "id", "lastPublishedAt", "statusId", "topicId", "contested");

-- CreateIndex
CREATE INDEX "Claim_topicId_statusId_contested_updatedAt_idx" ON "Claim"("topicId", "statusId", "contested", "updatedAt", "id", "firstPublishedAt", "lastPublishedAt");

-- CreateIndex
CREATE INDEX "Claim_statusId_topicId_contested_updatedAt_idx" ON "Claim"("statusId", "topicId", "contested", "updatedAt", "id", "firstPublishedAt", "lastPublishedAt");

-- Hand-written (an index on an expression, decision 057), the same shape: exactly the
-- expression caseless() (lib/db/dialect.ts) puts in the ORDER BY, lower(…) on SQLite.
DROP INDEX "Claim_text_caseless_idx";
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"(lower("text"), "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");
