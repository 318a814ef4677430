-- The stances a claim's attributions take, one bit each (asserts 1, denies 2, reports 4,
-- declines to clarify 8: lib/claims/stance-bits.ts), kept by the same queue trigger as the
-- other derived columns, and held by every index on the claim's own columns after the
-- columns they held: a broad stance filter is then a check on the claim that a walk makes
-- on the index, and the stance facet a count over claims (decision 075, issue 14). A sum of
-- the distinct bits is their OR. Hand-written: `prisma migrate diff` would rebuild the whole
-- table for the new column, dropping its triggers.
ALTER TABLE "Claim" ADD COLUMN "stances" INTEGER NOT NULL DEFAULT 0;

UPDATE "Claim" SET "stances" = (
    SELECT coalesce(sum(DISTINCT CASE a."stance" WHEN 'asserts' THEN 1 WHEN 'denies' THEN 2 WHEN 'reports' THEN 4 WHEN 'declines_to_clarify' THEN 8 ELSE 0 END), 0)
    FROM "Attribution" a WHERE a."claimId" = "Claim"."id");

DROP INDEX "Claim_statusId_updatedAt_idx";
DROP INDEX "Claim_contested_updatedAt_idx";
DROP INDEX "Claim_updatedAt_idx";
DROP INDEX "Claim_sourceCount_idx";
DROP INDEX "Claim_firstPublishedAt_idx";
DROP INDEX "Claim_topicId_statusId_contested_updatedAt_idx";
DROP INDEX "Claim_statusId_topicId_contested_updatedAt_idx";
DROP INDEX "Claim_text_caseless_idx";

CREATE INDEX "Claim_statusId_updatedAt_idx" ON "Claim"("statusId", "updatedAt", "id", "topicId", "contested", "firstPublishedAt", "lastPublishedAt", "stances");
CREATE INDEX "Claim_contested_updatedAt_idx" ON "Claim"("contested", "updatedAt", "id", "statusId", "topicId", "firstPublishedAt", "lastPublishedAt", "stances");
CREATE INDEX "Claim_updatedAt_idx" ON "Claim"("updatedAt", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt", "stances");
CREATE INDEX "Claim_sourceCount_idx" ON "Claim"("sourceCount", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt", "stances");
CREATE INDEX "Claim_firstPublishedAt_idx" ON "Claim"("firstPublishedAt", "id", "lastPublishedAt", "statusId", "topicId", "contested", "stances");
CREATE INDEX "Claim_topicId_statusId_contested_updatedAt_idx" ON "Claim"("topicId", "statusId", "contested", "updatedAt", "id", "firstPublishedAt", "lastPublishedAt", "stances");
CREATE INDEX "Claim_statusId_topicId_contested_updatedAt_idx" ON "Claim"("statusId", "topicId", "contested", "updatedAt", "id", "firstPublishedAt", "lastPublishedAt", "stances");
-- The same shape as the others (decision 057): exactly the expression caseless() puts in the ORDER BY.
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"(lower("text"), "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt", "stances");

DROP TRIGGER "search_sync_queue_ai";

CREATE TRIGGER "search_sync_queue_ai" AFTER INSERT ON "search_sync_queue"
BEGIN
    DELETE FROM "claim_search" WHERE rowid = NEW."claimId";
    INSERT INTO "claim_search" (rowid, claim_text, quotes, actors)
        SELECT "claim_id", "claim_text", "quotes", "actors" FROM "claim_search_document" WHERE "claim_id" = NEW."claimId";
    UPDATE "Claim" SET
        "contested" = EXISTS (
            SELECT 1 FROM "Attribution" x
            JOIN "Attribution" y ON y."claimId" = x."claimId" AND y."stance" = 'denies' AND y."actorId" <> x."actorId"
            WHERE x."claimId" = NEW."claimId" AND x."stance" = 'asserts'),
        "sourceCount" = (SELECT count(DISTINCT a."sourceId") FROM "Attribution" a WHERE a."claimId" = NEW."claimId"),
        "firstPublishedAt" = (
            SELECT min(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId"
            WHERE a."claimId" = NEW."claimId"),
        "lastPublishedAt" = (
            SELECT max(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId"
            WHERE a."claimId" = NEW."claimId"),
        "stances" = (
            SELECT coalesce(sum(DISTINCT CASE a."stance" WHEN 'asserts' THEN 1 WHEN 'denies' THEN 2 WHEN 'reports' THEN 4 WHEN 'declines_to_clarify' THEN 8 ELSE 0 END), 0)
            FROM "Attribution" a WHERE a."claimId" = NEW."claimId")
    WHERE "id" = NEW."claimId";
    DELETE FROM "search_sync_queue" WHERE "claimId" = NEW."claimId";
END;
