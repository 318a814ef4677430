-- PostgreSQL twin of SQLite's 20261130041400_claim_last_published_at (docs/decisions/063):
-- the latest publication date among a claim's sources, kept by the same function as the
-- other derived columns. The column and index from `prisma migrate diff` between the
-- derived schemas before and after; the backfill and the function by hand.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "lastPublishedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Claim_firstPublishedAt_lastPublishedAt_idx" ON "Claim"("firstPublishedAt", "lastPublishedAt");

UPDATE "Claim" SET "lastPublishedAt" = (
    SELECT max(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId"
    WHERE a."claimId" = "Claim"."id");

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
