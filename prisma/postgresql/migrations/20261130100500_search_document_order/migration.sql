-- A claim's search document in one order whatever the query plan: its quotes in the order
-- the attributions were recorded, then its actors' names and aliases in the order they
-- were. string_agg without ORDER BY takes rows in the order the plan reads them: through
-- the "Attribution" index on ("claimId", "stance", "actorId", "sourceId") on an analysed
-- database, in table order on one without statistics (a fresh `npm run db:copy`). The
-- lexemes were the same, but their positions were not, so a phrase could match across
-- two quotes in one build of a document and not in another, and a rebuilt document
-- differed from the one the triggers kept (found by the load test's consistency check on
-- PostgreSQL, issue 13). Same words, weights and separators as before.
CREATE OR REPLACE FUNCTION "claimtrail_search_document"(claim_id INTEGER) RETURNS TSVECTOR
LANGUAGE SQL STABLE
BEGIN ATOMIC
    SELECT
        setweight(to_tsvector('simple', "claimtrail_fold"(c."text")), 'A')
        || setweight(to_tsvector('simple', "claimtrail_fold"(coalesce((SELECT string_agg(a."quote", ' … ' ORDER BY a."id") FROM "Attribution" a WHERE a."claimId" = c."id"), ''))), 'B')
        || setweight(to_tsvector('simple', "claimtrail_fold"(coalesce((
            SELECT string_agg(term, ' … ' ORDER BY part, position) FROM (
                SELECT ac."name" AS term, 0 AS part, ac."id" AS position FROM "Actor" ac WHERE ac."id" IN (
                    SELECT a."actorId" FROM "Attribution" a WHERE a."claimId" = c."id"
                    UNION SELECT v."actorId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE a."claimId" = c."id")
                UNION ALL
                SELECT al."alias", 1, al."id" FROM "ActorAlias" al WHERE al."actorId" IN (
                    SELECT a."actorId" FROM "Attribution" a WHERE a."claimId" = c."id"
                    UNION SELECT v."actorId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE a."claimId" = c."id")
            ) terms), ''))), 'C')
    FROM "Claim" c WHERE c."id" = claim_id;
END;

-- Every document again in that order (the search triggers' own bookkeeping: no claim changes).
UPDATE "claim_search" SET "document" = "claimtrail_search_document"("claimId");
