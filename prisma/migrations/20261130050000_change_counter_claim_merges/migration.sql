-- The change counter (20261130030000_change_counter, docs/decisions/051) covers claim merges
-- too: a merge makes the merged claim's page and API answer a redirect. One trigger per
-- event, like the others. (A merge also deletes and moves rows of tables that already have
-- triggers; this one keeps the rule "every domain table" true on its own.)

CREATE TRIGGER "change_counter_claimmerge_ai" AFTER INSERT ON "ClaimMerge"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_claimmerge_au" AFTER UPDATE ON "ClaimMerge"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
CREATE TRIGGER "change_counter_claimmerge_ad" AFTER DELETE ON "ClaimMerge"
WHEN NOT EXISTS (SELECT 1 FROM "search_sync_pause")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1, "changedAt" = strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' WHERE "id" = 1;
END;
