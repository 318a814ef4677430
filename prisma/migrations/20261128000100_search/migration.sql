-- Full-text search and derived claim columns, kept current by triggers so that no write
-- path (pages, API, importer, seed, synthetic data) can forget to update them.
-- Prisma does not model any of this; see docs/decisions/003-search-in-sqlite-triggers.md.

-- While a row exists here, the triggers below do nothing: bulk loaders insert with the
-- triggers paused and rebuild everything once at the end (lib/search/rebuild.ts).
CREATE TABLE "search_sync_pause" ("reason" TEXT NOT NULL);

-- One document per claim: its text, every quote, and the names and aliases of every
-- actor who made, denied or relayed it. rowid = Claim.id.
CREATE VIRTUAL TABLE "claim_search" USING fts5(
    claim_text,
    quotes,
    actors,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE VIEW "claim_search_document" AS
SELECT
    c."id" AS "claim_id",
    c."text" AS "claim_text",
    coalesce((SELECT group_concat(a."quote", ' … ') FROM "Attribution" a WHERE a."claimId" = c."id"), '') AS "quotes",
    coalesce((
        SELECT group_concat(term, ' … ') FROM (
            SELECT ac."name" AS term FROM "Actor" ac WHERE ac."id" IN (
                SELECT a."actorId" FROM "Attribution" a WHERE a."claimId" = c."id"
                UNION SELECT v."actorId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE a."claimId" = c."id")
            UNION ALL
            SELECT al."alias" FROM "ActorAlias" al WHERE al."actorId" IN (
                SELECT a."actorId" FROM "Attribution" a WHERE a."claimId" = c."id"
                UNION SELECT v."actorId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE a."claimId" = c."id")
        )
    ), '') AS "actors"
FROM "Claim" c;

-- Claims whose search document or derived columns must be recomputed. Triggers add ids;
-- the statement triggers at the end of each write drain it.
CREATE TABLE "search_sync_queue" ("claimId" INTEGER NOT NULL PRIMARY KEY) WITHOUT ROWID;

-- Recompute queued claims. Fired by an insert into the queue, so each queued id is
-- processed exactly once, inside the writing transaction.
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
            WHERE a."claimId" = NEW."claimId")
    WHERE "id" = NEW."claimId";
    DELETE FROM "search_sync_queue" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "claim_search_claim_ai" AFTER INSERT ON "Claim"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId") VALUES (NEW."id");
END;

CREATE TRIGGER "claim_search_claim_au" AFTER UPDATE OF "text" ON "Claim"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId") VALUES (NEW."id");
END;

CREATE TRIGGER "claim_search_claim_ad" AFTER DELETE ON "Claim"
BEGIN
    DELETE FROM "claim_search" WHERE rowid = OLD."id";
END;

CREATE TRIGGER "claim_search_attribution_ai" AFTER INSERT ON "Attribution"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId") VALUES (NEW."claimId");
END;

CREATE TRIGGER "claim_search_attribution_au" AFTER UPDATE OF "claimId", "sourceId", "actorId", "stance", "quote" ON "Attribution"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId") VALUES (OLD."claimId");
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId") VALUES (NEW."claimId");
END;

CREATE TRIGGER "claim_search_attribution_ad" AFTER DELETE ON "Attribution"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId")
        SELECT OLD."claimId" WHERE EXISTS (SELECT 1 FROM "Claim" WHERE "id" = OLD."claimId");
END;

CREATE TRIGGER "claim_search_via_ai" AFTER INSERT ON "AttributionVia"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId")
        SELECT "claimId" FROM "Attribution" WHERE "id" = NEW."attributionId";
END;

CREATE TRIGGER "claim_search_via_ad" AFTER DELETE ON "AttributionVia"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId")
        SELECT "claimId" FROM "Attribution" WHERE "id" = OLD."attributionId";
END;

CREATE TRIGGER "claim_search_actor_au" AFTER UPDATE OF "name" ON "Actor"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId")
        SELECT a."claimId" FROM "Attribution" a WHERE a."actorId" = NEW."id"
        UNION SELECT a."claimId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE v."actorId" = NEW."id";
END;

CREATE TRIGGER "claim_search_alias_ai" AFTER INSERT ON "ActorAlias"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId")
        SELECT a."claimId" FROM "Attribution" a WHERE a."actorId" = NEW."actorId"
        UNION SELECT a."claimId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE v."actorId" = NEW."actorId";
END;

CREATE TRIGGER "claim_search_alias_au" AFTER UPDATE ON "ActorAlias"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId")
        SELECT a."claimId" FROM "Attribution" a WHERE a."actorId" IN (OLD."actorId", NEW."actorId")
        UNION SELECT a."claimId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE v."actorId" IN (OLD."actorId", NEW."actorId");
END;

CREATE TRIGGER "claim_search_alias_ad" AFTER DELETE ON "ActorAlias"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId")
        SELECT a."claimId" FROM "Attribution" a WHERE a."actorId" = OLD."actorId"
        UNION SELECT a."claimId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE v."actorId" = OLD."actorId";
END;

CREATE TRIGGER "claim_search_source_au" AFTER UPDATE OF "publishedAt" ON "Source"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    INSERT OR IGNORE INTO "search_sync_queue" ("claimId")
        SELECT DISTINCT a."claimId" FROM "Attribution" a WHERE a."sourceId" = NEW."id";
END;
