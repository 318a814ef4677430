-- PostgreSQL twin of SQLite's 20261202000000_covering_sort_indexes (decision 074): the
-- indexes of the sorts on the claim's own columns also hold the columns the claim-level
-- filters check, so that a deep page can be an index-only walk. The first part is
-- `prisma migrate diff` of the derived schema; the two indexes below it are hand-written
-- (decisions 057, and the newest publication first: 20261130100800).

-- DropIndex
DROP INDEX "Claim_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_sourceCount_idx";

-- DropIndex
DROP INDEX "Claim_firstPublishedAt_idx";

-- DropIndex
DROP INDEX "Claim_firstPublishedAt_lastPublishedAt_idx";

-- CreateIndex
CREATE INDEX "Claim_updatedAt_idx" ON "Claim"("updatedAt", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");

-- CreateIndex
CREATE INDEX "Claim_sourceCount_idx" ON "Claim"("sourceCount", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");

-- CreateIndex
CREATE INDEX "Claim_firstPublishedAt_idx" ON "Claim"("firstPublishedAt", "id", "lastPublishedAt", "statusId", "topicId", "contested");

DROP INDEX "Claim_text_caseless_idx";
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"((lower("text") COLLATE "C"), "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");

DROP INDEX "Claim_firstPublishedAt_desc_id_idx";
CREATE INDEX "Claim_firstPublishedAt_desc_id_idx" ON "Claim" ("firstPublishedAt" DESC NULLS LAST, "id" DESC, "lastPublishedAt", "statusId", "topicId", "contested");
