-- PostgreSQL twin of the hand-written SQLite migrations 20261128000100_search and
-- 20261130020000_claim_changed_at (docs/decisions/003, 044, 047): the search document,
-- the derived claim columns (contested, sourceCount, firstPublishedAt) and the claim's
-- "updatedAt" cover are kept by triggers, so no write path can forget them. Written by
-- hand: Prisma's schema language has no triggers. Bulk loaders pause them with a row in
-- "search_sync_pause" and rebuild afterwards (lib/search/rebuild.ts), as on SQLite.

CREATE TABLE "search_sync_pause" ("reason" TEXT NOT NULL);

-- One search document per claim: its text (weight A), every quote (B), and the names and
-- aliases of every actor who made, denied or relayed it (C). Deleted with its claim.
CREATE TABLE "claim_search" (
    "claimId" INTEGER PRIMARY KEY REFERENCES "Claim" ("id") ON DELETE CASCADE,
    "document" TSVECTOR NOT NULL
);
CREATE INDEX "claim_search_document_idx" ON "claim_search" USING GIN ("document");

-- Lower case without diacritics, as SQLite's unicode61 tokenizer with remove_diacritics 2
-- gives (Latin, Greek and Cyrillic letters: "й" and "и", "é" and "e" match each other).
-- The same function folds the documents and the queries (lib/claims/search/full-text.ts).
CREATE FUNCTION "claimtrail_fold"(value TEXT) RETURNS TEXT
LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE
RETURN translate(lower(value), 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǦǧǨǩǪǫǬǭǮǯǰǴǵǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳΆΈΉΊΌΎΏΐΪΫάέήίΰϊϋόύώϓϔЀЁЃЇЌЍЎЙйѐёѓїќѝўѶѷӁӂӐӑӒӓӖӗӚӛӜӝӞӟӢӣӤӥӦӧӪӫӬӭӮӯӰӱӲӳӴӵӸӹ', 'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaææggkkooooʒʒjggnnaaææøøaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyαεηιουωιιυαεηιυιυουωϒϒеегікиуииеегікиуѵѵжжааааееәәжжззииииооөөээууууууччыы');

CREATE FUNCTION "claimtrail_search_paused"() RETURNS BOOLEAN
LANGUAGE SQL STABLE
RETURN EXISTS (SELECT 1 FROM "search_sync_pause");

-- The document of one claim (what SQLite's view claim_search_document gives, weighted).
CREATE FUNCTION "claimtrail_search_document"(claim_id INTEGER) RETURNS TSVECTOR
LANGUAGE SQL STABLE
BEGIN ATOMIC
    SELECT
        setweight(to_tsvector('simple', "claimtrail_fold"(c."text")), 'A')
        || setweight(to_tsvector('simple', "claimtrail_fold"(coalesce((SELECT string_agg(a."quote", ' … ') FROM "Attribution" a WHERE a."claimId" = c."id"), ''))), 'B')
        || setweight(to_tsvector('simple', "claimtrail_fold"(coalesce((
            SELECT string_agg(term, ' … ') FROM (
                SELECT ac."name" AS term FROM "Actor" ac WHERE ac."id" IN (
                    SELECT a."actorId" FROM "Attribution" a WHERE a."claimId" = c."id"
                    UNION SELECT v."actorId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE a."claimId" = c."id")
                UNION ALL
                SELECT al."alias" FROM "ActorAlias" al WHERE al."actorId" IN (
                    SELECT a."actorId" FROM "Attribution" a WHERE a."claimId" = c."id"
                    UNION SELECT v."actorId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE a."claimId" = c."id")
            ) terms), ''))), 'C')
    FROM "Claim" c WHERE c."id" = claim_id;
END;

-- Recompute one claim's search document and derived columns (SQLite: search_sync_queue_ai).
-- A claim that no longer exists (its attributions are being deleted with it) is skipped.
CREATE FUNCTION "claimtrail_refresh_claim"(claim_id INTEGER) RETURNS VOID
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
            WHERE a."claimId" = claim_id)
    WHERE "id" = claim_id;
END;
$$;

-- The claims whose record names an actor (directly or in a via chain).
CREATE FUNCTION "claimtrail_claims_of_actor"(actor_id INTEGER) RETURNS SETOF INTEGER
LANGUAGE SQL STABLE
BEGIN ATOMIC
    SELECT a."claimId" FROM "Attribution" a WHERE a."actorId" = actor_id
    UNION SELECT a."claimId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE v."actorId" = actor_id;
END;

-- A claim's "updatedAt" covers everything its record shows (docs/decisions/044), in the
-- precision Prisma writes.
CREATE FUNCTION "claimtrail_touch_claims"(claim_ids INTEGER[]) RETURNS VOID
LANGUAGE SQL AS $$
    UPDATE "Claim" SET "updatedAt" = (clock_timestamp() AT TIME ZONE 'UTC')::TIMESTAMP(3) WHERE "id" = ANY (claim_ids);
$$;

-- ---------------------------------------------------------------------------------------
-- Trigger functions, one per table; each does nothing while the triggers are paused.

CREATE FUNCTION "claimtrail_claim_changed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT "claimtrail_search_paused"() THEN
        PERFORM "claimtrail_refresh_claim"(NEW."id");
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "claim_search_claim_ai" AFTER INSERT ON "Claim"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_claim_changed"();
CREATE TRIGGER "claim_search_claim_au" AFTER UPDATE OF "text" ON "Claim"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_claim_changed"();

CREATE FUNCTION "claimtrail_attribution_changed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF "claimtrail_search_paused"() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM "claimtrail_refresh_claim"(NEW."claimId");
        PERFORM "claimtrail_touch_claims"(ARRAY[NEW."claimId"]);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "claimtrail_refresh_claim"(OLD."claimId");
        PERFORM "claimtrail_touch_claims"(ARRAY[OLD."claimId"]);
    ELSE
        IF (OLD."claimId", OLD."sourceId", OLD."actorId", OLD."stance", OLD."quote") IS DISTINCT FROM (NEW."claimId", NEW."sourceId", NEW."actorId", NEW."stance", NEW."quote") THEN
            PERFORM "claimtrail_refresh_claim"(OLD."claimId");
            IF NEW."claimId" <> OLD."claimId" THEN
                PERFORM "claimtrail_refresh_claim"(NEW."claimId");
            END IF;
        END IF;
        PERFORM "claimtrail_touch_claims"(ARRAY[OLD."claimId", NEW."claimId"]);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "claim_changed_attribution" AFTER INSERT OR UPDATE OR DELETE ON "Attribution"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_attribution_changed"();

CREATE FUNCTION "claimtrail_via_changed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    claim_ids INTEGER[];
BEGIN
    IF "claimtrail_search_paused"() THEN
        RETURN NULL;
    END IF;
    SELECT array_agg(DISTINCT a."claimId") INTO claim_ids FROM "Attribution" a
    WHERE a."id" IN (
        CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."attributionId" END,
        CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW."attributionId" END);
    IF TG_OP <> 'UPDATE' THEN
        PERFORM "claimtrail_refresh_claim"(id) FROM unnest(claim_ids) AS id;
    END IF;
    PERFORM "claimtrail_touch_claims"(claim_ids);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "claim_changed_via" AFTER INSERT OR UPDATE OR DELETE ON "AttributionVia"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_via_changed"();

CREATE FUNCTION "claimtrail_actor_changed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF "claimtrail_search_paused"() THEN
        RETURN NULL;
    END IF;
    IF NEW."name" IS DISTINCT FROM OLD."name" THEN
        PERFORM "claimtrail_refresh_claim"(id) FROM "claimtrail_claims_of_actor"(NEW."id") AS id;
    END IF;
    PERFORM "claimtrail_touch_claims"(ARRAY(SELECT "claimtrail_claims_of_actor"(NEW."id")));
    RETURN NULL;
END;
$$;

CREATE TRIGGER "claim_changed_actor_au" AFTER UPDATE OF "name", "kind", "role" ON "Actor"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_actor_changed"();

CREATE FUNCTION "claimtrail_alias_changed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF "claimtrail_search_paused"() THEN
        RETURN NULL;
    END IF;
    PERFORM "claimtrail_refresh_claim"(id) FROM (
        SELECT "claimtrail_claims_of_actor"(CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."actorId" END) AS id
        UNION SELECT "claimtrail_claims_of_actor"(CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW."actorId" END)) claims;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "claim_search_alias" AFTER INSERT OR UPDATE OR DELETE ON "ActorAlias"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_alias_changed"();

CREATE FUNCTION "claimtrail_source_changed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    claim_ids INTEGER[];
BEGIN
    IF "claimtrail_search_paused"() THEN
        RETURN NULL;
    END IF;
    SELECT array_agg(DISTINCT a."claimId") INTO claim_ids FROM "Attribution" a WHERE a."sourceId" = NEW."id";
    IF NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" THEN
        PERFORM "claimtrail_refresh_claim"(id) FROM unnest(claim_ids) AS id;
    END IF;
    PERFORM "claimtrail_touch_claims"(claim_ids);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "claim_changed_source_au" AFTER UPDATE OF "title", "outlet", "url", "publishedAt", "text" ON "Source"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_source_changed"();

CREATE FUNCTION "claimtrail_note_changed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT "claimtrail_search_paused"() THEN
        PERFORM "claimtrail_touch_claims"(ARRAY[NEW."claimId"]);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "claim_changed_note" AFTER INSERT OR UPDATE ON "Annotation"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_note_changed"();
