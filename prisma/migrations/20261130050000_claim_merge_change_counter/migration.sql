-- The change counter (20261130030000_change_counter, decision 051) on the table of claim
-- merges, which came later: a merge's record is part of what readers see (the merged
-- claim's redirect), so it moves the counter like every other domain table.
-- tests/integration/search-triggers.test.ts fails for a domain table without these.

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
