-- A claim's "updatedAt" says when anything its record shows last changed: its own columns
-- (Prisma sets them), and also its attributions (stance, quote, accuracy, via chain), the
-- actors and sources they name, and its notes. Incremental sync (`updated_since`,
-- docs/export.md) relies on it: a client that pulls the claims changed since its last pull
-- gets every claim whose record differs. (docs/decisions/044)
--
-- Written by hand: Prisma's schema language has no triggers (docs/decisions/001). Bulk
-- loaders pause these with the search triggers (a row in search_sync_pause) and set the
-- timestamps they write themselves. The value has the form Prisma writes (lib/db/timestamps.ts),
-- so stored timestamps compare as text.

CREATE TRIGGER "claim_changed_attribution_ai" AFTER INSERT ON "Attribution"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = NEW."claimId";
END;

CREATE TRIGGER "claim_changed_attribution_au" AFTER UPDATE ON "Attribution"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" IN (OLD."claimId", NEW."claimId");
END;

CREATE TRIGGER "claim_changed_attribution_ad" AFTER DELETE ON "Attribution"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = OLD."claimId";
END;

CREATE TRIGGER "claim_changed_via_ai" AFTER INSERT ON "AttributionVia"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00'
    WHERE "id" = (SELECT "claimId" FROM "Attribution" WHERE "id" = NEW."attributionId");
END;

CREATE TRIGGER "claim_changed_via_au" AFTER UPDATE ON "AttributionVia"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00'
    WHERE "id" IN (SELECT "claimId" FROM "Attribution" WHERE "id" IN (OLD."attributionId", NEW."attributionId"));
END;

CREATE TRIGGER "claim_changed_via_ad" AFTER DELETE ON "AttributionVia"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00'
    WHERE "id" = (SELECT "claimId" FROM "Attribution" WHERE "id" = OLD."attributionId");
END;

CREATE TRIGGER "claim_changed_actor_au" AFTER UPDATE OF "name", "kind", "role" ON "Actor"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00'
    WHERE "id" IN (
        SELECT a."claimId" FROM "Attribution" a WHERE a."actorId" = NEW."id"
        UNION SELECT a."claimId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" WHERE v."actorId" = NEW."id");
END;

CREATE TRIGGER "claim_changed_source_au" AFTER UPDATE OF "title", "outlet", "url", "publishedAt", "text" ON "Source"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00'
    WHERE "id" IN (SELECT a."claimId" FROM "Attribution" a WHERE a."sourceId" = NEW."id");
END;

CREATE TRIGGER "claim_changed_note_ai" AFTER INSERT ON "Annotation"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = NEW."claimId";
END;

CREATE TRIGGER "claim_changed_note_au" AFTER UPDATE ON "Annotation"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "Claim" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = NEW."claimId";
END;
