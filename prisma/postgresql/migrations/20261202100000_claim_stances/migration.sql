-- PostgreSQL twin of SQLite's 20261202100000_claim_stances (decision 075): the stances a
-- claim's attributions take, one bit each (asserts 1, denies 2, reports 4, declines to
-- clarify 8: lib/claims/stance-bits.ts), kept by the same function as the other derived
-- columns and held by every index on the claim's own columns. The column and the indexes
-- from `prisma migrate diff` between the derived schemas before and after; the backfill,
-- the hand-written indexes (decision 057) and the function by hand.

-- DropIndex
DROP INDEX "Claim_statusId_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_contested_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_sourceCount_idx";

-- DropIndex
DROP INDEX "Claim_firstPublishedAt_idx";

-- DropIndex
DROP INDEX "Claim_topicId_statusId_contested_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_statusId_topicId_contested_updatedAt_idx";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "stances" INTEGER NOT NULL DEFAULT 0;

UPDATE "Claim" SET "stances" = (
    SELECT coalesce(sum(DISTINCT CASE a."stance" WHEN 'asserts' THEN 1 WHEN 'denies' THEN 2 WHEN 'reports' THEN 4 WHEN 'declines_to_clarify' THEN 8 ELSE 0 END), 0)
    FROM "Attribution" a WHERE a."claimId" = "Claim"."id");

-- CreateIndex
CREATE INDEX "Claim_statusId_updatedAt_idx" ON "Claim"("statusId", "updatedAt", "id", "topicId", "contested", "firstPublishedAt", "lastPublishedAt", "stances");

-- CreateIndex
CREATE INDEX "Claim_contested_updatedAt_idx" ON "Claim"("contested", "updatedAt", "id", "statusId", "topicId", "firstPublishedAt", "lastPublishedAt", "stances");

-- CreateIndex
CREATE INDEX "Claim_updatedAt_idx" ON "Claim"("updatedAt", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt", "stances");

-- CreateIndex
CREATE INDEX "Claim_sourceCount_idx" ON "Claim"("sourceCount", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt", "stances");

-- CreateIndex
CREATE INDEX "Claim_firstPublishedAt_idx" ON "Claim"("firstPublishedAt", "id", "lastPublishedAt", "statusId", "topicId", "contested", "stances");

-- CreateIndex
CREATE INDEX "Claim_topicId_statusId_contested_updatedAt_idx" ON "Claim"("topicId", "statusId", "contested", "updatedAt", "id", "firstPublishedAt", "lastPublishedAt", "stances");

-- CreateIndex
CREATE INDEX "Claim_statusId_topicId_contested_updatedAt_idx" ON "Claim"("statusId", "topicId", "contested", "updatedAt", "id", "firstPublishedAt", "lastPublishedAt", "stances");

DROP INDEX "Claim_text_caseless_idx";
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"((lower("text") COLLATE "C"), "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt", "stances");

DROP INDEX "Claim_firstPublishedAt_desc_id_idx";
CREATE INDEX "Claim_firstPublishedAt_desc_id_idx" ON "Claim" ("firstPublishedAt" DESC NULLS LAST, "id" DESC, "lastPublishedAt", "statusId", "topicId", "contested", "stances");

CREATE OR REPLACE FUNCTION "claimtrail_refresh_claim"(claim_id INTEGER) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    IF claim_id IS NULL OR NOT EXISTS (SELECT 1 FROM "Claim" WHERE "id" = claim_id) THEN
        RETURN;
    END IF;
    INSERT INTO "claim_search" ("claimId", "document") VALUES (claim_id, "claimtrail_search_document"(claim_id))
    ON CONFLICT ("claimId") DO UPDATE SET "document" = EXCLUDED."document";
    UPDATE "Claim" SET
        "contested" = EXISTS (
            SELECT 1 FROM "Attribution" x
            JOIN "Attribution" y ON y."claimId" = x."claimId" AND y."stance" = 'denies' AND y."actorId" <> x."actorId"
            WHERE x."claimId" = claim_id AND x."stance" = 'asserts'),
        "sourceCount" = (SELECT count(DISTINCT a."sourceId") FROM "Attribution" a WHERE a."claimId" = claim_id),
        "firstPublishedAt" = (
            SELECT min(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId"
            WHERE a."claimId" = claim_id),
        "lastPublishedAt" = (
            SELECT max(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId"
            WHERE a."claimId" = claim_id),
        "stances" = (
            SELECT coalesce(sum(DISTINCT CASE a."stance" WHEN 'asserts' THEN 1 WHEN 'denies' THEN 2 WHEN 'reports' THEN 4 WHEN 'declines_to_clarify' THEN 8 ELSE 0 END), 0)
            FROM "Attribution" a WHERE a."claimId" = claim_id)
    WHERE "id" = claim_id;
END;
$$;
