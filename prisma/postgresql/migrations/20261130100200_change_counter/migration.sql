-- PostgreSQL twin of SQLite's 20261130030000_change_counter (docs/decisions/051): one row
-- whose "value" and "changedAt" change whenever anything a reader can see changes, the same
-- in every server process (ETag validators, lib/http/conditional.ts; lib/db/change-counter.ts).
--
-- Different from SQLite in one way (docs/decisions/049): the counter moves at COMMIT, once
-- per writing transaction, from deferred constraint triggers. On SQLite one writer at a time
-- makes a per-row UPDATE of the one row harmless; on PostgreSQL two transactions that each
-- changed a row and then waited on the counter row while also wanting the other's row would
-- deadlock. Taken last, at commit, the counter row is never held while waiting for another.
-- Readers only need "changed or not", never how many rows.
-- Bulk loaders pause the triggers (a row in search_sync_pause); the trigger checks the pause
-- when the row is written, and the pause's end counts as one change, as on SQLite.

CREATE TABLE "ChangeCounter" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "value" INTEGER NOT NULL,
    "changedAt" TEXT NOT NULL
);

-- The time in the form Prisma writes ("2024-10-15T09:30:00.000+00:00"), as SQLite's column holds it.
CREATE FUNCTION "claimtrail_now_text"() RETURNS TEXT
LANGUAGE SQL VOLATILE
RETURN to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') || '+00:00';

INSERT INTO "ChangeCounter" ("id", "value", "changedAt") VALUES (1, 1, "claimtrail_now_text"());

-- Once per transaction: a transaction-local setting remembers that this one has counted.
CREATE FUNCTION "claimtrail_count_once"() RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('claimtrail.change_counted', true), '') <> 'yes' THEN
        PERFORM set_config('claimtrail.change_counted', 'yes', true);
        UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = "claimtrail_now_text"() WHERE "id" = 1;
    END IF;
END;
$$;

CREATE FUNCTION "claimtrail_count_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "claimtrail_count_once"();
    RETURN NULL;
END;
$$;

-- Writes made while the triggers are paused are not counted one by one; the pause's end is.
CREATE FUNCTION "claimtrail_count_unpaused_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT "claimtrail_search_paused"() THEN
        PERFORM set_config('claimtrail.change_pending', 'yes', true);
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION "claimtrail_count_pending_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('claimtrail.change_pending', true), '') = 'yes' THEN
        PERFORM "claimtrail_count_once"();
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "change_counter_pause_ad" AFTER DELETE ON "search_sync_pause"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_change"();

-- Source
CREATE TRIGGER "change_counter_source_mark" AFTER INSERT OR UPDATE OR DELETE ON "Source"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_source" AFTER INSERT OR UPDATE OR DELETE ON "Source"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- Actor
CREATE TRIGGER "change_counter_actor_mark" AFTER INSERT OR UPDATE OR DELETE ON "Actor"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_actor" AFTER INSERT OR UPDATE OR DELETE ON "Actor"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- ActorAlias
CREATE TRIGGER "change_counter_actoralias_mark" AFTER INSERT OR UPDATE OR DELETE ON "ActorAlias"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_actoralias" AFTER INSERT OR UPDATE OR DELETE ON "ActorAlias"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- Topic
CREATE TRIGGER "change_counter_topic_mark" AFTER INSERT OR UPDATE OR DELETE ON "Topic"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_topic" AFTER INSERT OR UPDATE OR DELETE ON "Topic"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- Status
CREATE TRIGGER "change_counter_status_mark" AFTER INSERT OR UPDATE OR DELETE ON "Status"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_status" AFTER INSERT OR UPDATE OR DELETE ON "Status"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- Claim
CREATE TRIGGER "change_counter_claim_mark" AFTER INSERT OR UPDATE OR DELETE ON "Claim"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_claim" AFTER INSERT OR UPDATE OR DELETE ON "Claim"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- Attribution
CREATE TRIGGER "change_counter_attribution_mark" AFTER INSERT OR UPDATE OR DELETE ON "Attribution"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_attribution" AFTER INSERT OR UPDATE OR DELETE ON "Attribution"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- AttributionVia
CREATE TRIGGER "change_counter_attributionvia_mark" AFTER INSERT OR UPDATE OR DELETE ON "AttributionVia"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_attributionvia" AFTER INSERT OR UPDATE OR DELETE ON "AttributionVia"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- StatusChange
CREATE TRIGGER "change_counter_statuschange_mark" AFTER INSERT OR UPDATE OR DELETE ON "StatusChange"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_statuschange" AFTER INSERT OR UPDATE OR DELETE ON "StatusChange"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- AccuracyChange
CREATE TRIGGER "change_counter_accuracychange_mark" AFTER INSERT OR UPDATE OR DELETE ON "AccuracyChange"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_accuracychange" AFTER INSERT OR UPDATE OR DELETE ON "AccuracyChange"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- Annotation
CREATE TRIGGER "change_counter_annotation_mark" AFTER INSERT OR UPDATE OR DELETE ON "Annotation"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_annotation" AFTER INSERT OR UPDATE OR DELETE ON "Annotation"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- ClaimTombstone
CREATE TRIGGER "change_counter_claimtombstone_mark" AFTER INSERT OR UPDATE OR DELETE ON "ClaimTombstone"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_claimtombstone" AFTER INSERT OR UPDATE OR DELETE ON "ClaimTombstone"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- AuditLog
CREATE TRIGGER "change_counter_auditlog_mark" AFTER INSERT OR UPDATE OR DELETE ON "AuditLog"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_auditlog" AFTER INSERT OR UPDATE OR DELETE ON "AuditLog"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();

-- user
CREATE TRIGGER "change_counter_user_mark" AFTER INSERT OR UPDATE OR DELETE ON "user"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_user" AFTER INSERT OR UPDATE OR DELETE ON "user"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();
