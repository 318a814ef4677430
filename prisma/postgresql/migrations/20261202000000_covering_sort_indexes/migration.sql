-- PostgreSQL twin of SQLite's 20261202000000_covering_sort_indexes (decision 074): every
-- index on the claim's own columns also holds the columns the claim-level filters check.
-- The first part is `prisma migrate diff` of the derived schema; the last two indexes are
-- hand-written (decision 057, and the newest publication first: 20261130100800).

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

DROP INDEX "Claim_text_caseless_idx";
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"((lower("text") COLLATE "C"), "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");

DROP INDEX "Claim_firstPublishedAt_desc_id_idx";
CREATE INDEX "Claim_firstPublishedAt_desc_id_idx" ON "Claim" ("firstPublishedAt" DESC NULLS LAST, "id" DESC, "lastPublishedAt", "statusId", "topicId", "contested");
