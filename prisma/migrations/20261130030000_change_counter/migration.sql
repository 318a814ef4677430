-- One number that changes whenever anything a reader can see changes: the validator behind
-- ETag/If-None-Match (lib/http/conditional.ts, docs/decisions/051). Every server process reads
-- the same row, so an ETag one process gave is checked by any other; reading it is one
-- single-row lookup, so a 304 never queries the large tables.
--
-- "value" grows by one per changed row; "changedAt" is when (milliseconds, the form Prisma
-- writes). The ETag uses both: a database restored from a backup can reach an old "value"
-- again, but not at the same millisecond.
--
-- One trigger per table and event, on the domain tables only: sessions, accounts,
-- verifications, rate limits and API tokens (whose lastUsedAt moves on use) change no answer.
-- Bulk loaders pause the triggers (a row in search_sync_pause, like the search triggers)
-- and the end of the pause counts as one change. Written to port to PostgreSQL as is:
-- each trigger runs the same UPDATE of the one row.

CREATE TABLE "ChangeCounter" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "value" INTEGER NOT NULL,
    "changedAt" TEXT NOT NULL
);

INSERT INTO "ChangeCounter" ("id", "value", "changedAt") VALUES (1, 1, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00');

CREATE TRIGGER "change_counter_pause_ad" AFTER DELETE ON "search_sync_pause"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- Source
CREATE TRIGGER "change_counter_source_ai" AFTER INSERT ON "Source"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_source_au" AFTER UPDATE ON "Source"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_source_ad" AFTER DELETE ON "Source"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- Actor
CREATE TRIGGER "change_counter_actor_ai" AFTER INSERT ON "Actor"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_actor_au" AFTER UPDATE ON "Actor"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_actor_ad" AFTER DELETE ON "Actor"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- ActorAlias
CREATE TRIGGER "change_counter_actoralias_ai" AFTER INSERT ON "ActorAlias"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_actoralias_au" AFTER UPDATE ON "ActorAlias"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_actoralias_ad" AFTER DELETE ON "ActorAlias"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- Topic
CREATE TRIGGER "change_counter_topic_ai" AFTER INSERT ON "Topic"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_topic_au" AFTER UPDATE ON "Topic"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_topic_ad" AFTER DELETE ON "Topic"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- Status
CREATE TRIGGER "change_counter_status_ai" AFTER INSERT ON "Status"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_status_au" AFTER UPDATE ON "Status"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_status_ad" AFTER DELETE ON "Status"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- Claim
CREATE TRIGGER "change_counter_claim_ai" AFTER INSERT ON "Claim"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_claim_au" AFTER UPDATE ON "Claim"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_claim_ad" AFTER DELETE ON "Claim"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- Attribution
CREATE TRIGGER "change_counter_attribution_ai" AFTER INSERT ON "Attribution"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_attribution_au" AFTER UPDATE ON "Attribution"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_attribution_ad" AFTER DELETE ON "Attribution"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- AttributionVia
CREATE TRIGGER "change_counter_attributionvia_ai" AFTER INSERT ON "AttributionVia"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_attributionvia_au" AFTER UPDATE ON "AttributionVia"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_attributionvia_ad" AFTER DELETE ON "AttributionVia"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- StatusChange
CREATE TRIGGER "change_counter_statuschange_ai" AFTER INSERT ON "StatusChange"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_statuschange_au" AFTER UPDATE ON "StatusChange"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_statuschange_ad" AFTER DELETE ON "StatusChange"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- AccuracyChange
CREATE TRIGGER "change_counter_accuracychange_ai" AFTER INSERT ON "AccuracyChange"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_accuracychange_au" AFTER UPDATE ON "AccuracyChange"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_accuracychange_ad" AFTER DELETE ON "AccuracyChange"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- Annotation
CREATE TRIGGER "change_counter_annotation_ai" AFTER INSERT ON "Annotation"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_annotation_au" AFTER UPDATE ON "Annotation"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_annotation_ad" AFTER DELETE ON "Annotation"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- ClaimTombstone
CREATE TRIGGER "change_counter_claimtombstone_ai" AFTER INSERT ON "ClaimTombstone"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_claimtombstone_au" AFTER UPDATE ON "ClaimTombstone"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_claimtombstone_ad" AFTER DELETE ON "ClaimTombstone"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- AuditLog
CREATE TRIGGER "change_counter_auditlog_ai" AFTER INSERT ON "AuditLog"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_auditlog_au" AFTER UPDATE ON "AuditLog"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_auditlog_ad" AFTER DELETE ON "AuditLog"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;

-- user (people's names appear in histories and notes)
CREATE TRIGGER "change_counter_user_ai" AFTER INSERT ON "user"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_user_au" AFTER UPDATE ON "user"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_user_ad" AFTER DELETE ON "user"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
