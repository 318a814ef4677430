-- The latest publication date among a claim's sources, beside the earliest (SQLite
-- migration 20261130041400_claim_last_published_at, docs/decisions/063): kept by the same
-- function as the other derived columns.
ALTER TABLE "Claim" ADD COLUMN "lastPublishedAt" TIMESTAMP(3);

UPDATE "Claim" c SET "lastPublishedAt" = (
    SELECT max(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId"
    WHERE a."claimId" = c."id");

CREATE INDEX "Claim_firstPublishedAt_lastPublishedAt_idx" ON "Claim"("firstPublishedAt", "lastPublishedAt");

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
            WHERE a."claimId" = claim_id)
    WHERE "id" = claim_id;
END;
$$;
