-- The sorts on the claim's own columns as walks of one index each that also holds what the
-- claim-level filters check (decision 074, issue 14): a deep page of a broad filter passes
-- tens of thousands of claims, and each one passed used to cost a read of its row. At 100k
-- claims, page 900 of `contested=false&sort=-sources` took 106 ms, 15 ms through these.
-- The id comes second: the list orders by (key, id), and a SQLite index whose id is last
-- (the rowid) would be in (key, other columns, id) order. ("firstPublishedAt",
-- "lastPublishedAt") goes: the published index answers its ranges as well.

-- DropIndex
DROP INDEX "Claim_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_sourceCount_idx";

-- DropIndex
DROP INDEX "Claim_firstPublishedAt_idx";

-- DropIndex
DROP INDEX "Claim_firstPublishedAt_lastPublishedAt_idx";

-- CreateIndex
CREATE INDEX "Claim_updatedAt_idx" ON "Claim"("updatedAt", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");

-- CreateIndex
CREATE INDEX "Claim_sourceCount_idx" ON "Claim"("sourceCount", "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");

-- CreateIndex
CREATE INDEX "Claim_firstPublishedAt_idx" ON "Claim"("firstPublishedAt", "id", "lastPublishedAt", "statusId", "topicId", "contested");

-- Hand-written (an index on an expression, decision 057), the same shape: exactly the
-- expression caseless() (lib/db/dialect.ts) puts in the ORDER BY, lower(…) on SQLite.
DROP INDEX "Claim_text_caseless_idx";
CREATE INDEX "Claim_text_caseless_idx" ON "Claim"(lower("text"), "id", "statusId", "topicId", "contested", "firstPublishedAt", "lastPublishedAt");
