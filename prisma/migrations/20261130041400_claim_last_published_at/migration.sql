-- The latest publication date among a claim's sources, beside the earliest: together they
-- decide a date-range filter for most claims without reading their attributions
-- (docs/decisions/063, issue 14). Kept by the same queue trigger as the other derived
-- columns; the PostgreSQL port keeps it the same way.
ALTER TABLE "Claim" ADD COLUMN "lastPublishedAt" DATETIME;

UPDATE "Claim" SET "lastPublishedAt" = (
    SELECT max(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId"
    WHERE a."claimId" = "Claim"."id");

CREATE INDEX "Claim_firstPublishedAt_lastPublishedAt_idx" ON "Claim"("firstPublishedAt", "lastPublishedAt");

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
            WHERE a."claimId" = NEW."claimId")
    WHERE "id" = NEW."claimId";
    DELETE FROM "search_sync_queue" WHERE "claimId" = NEW."claimId";
END;
