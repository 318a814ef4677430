-- PostgreSQL twin of SQLite's 20261130040000_claim_merges and 20261130050000_claim_merge_change_counter
-- (docs/decisions/056): the table of claim merges, from `prisma migrate diff` between the
-- derived schemas before and after, and the change counter's triggers on it.

-- CreateTable
CREATE TABLE "ClaimMerge" (
    "claimId" INTEGER NOT NULL,
    "intoClaimId" INTEGER NOT NULL,
    "rationale" TEXT NOT NULL,
    "mergedById" TEXT,
    "mergedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimMerge_pkey" PRIMARY KEY ("claimId")
);

-- CreateIndex
CREATE INDEX "ClaimMerge_intoClaimId_idx" ON "ClaimMerge"("intoClaimId");

-- AddForeignKey
ALTER TABLE "ClaimMerge" ADD CONSTRAINT "ClaimMerge_mergedById_fkey" FOREIGN KEY ("mergedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TRIGGER "change_counter_claimmerge_mark" AFTER INSERT OR UPDATE OR DELETE ON "ClaimMerge"
FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_unpaused_change"();
CREATE CONSTRAINT TRIGGER "change_counter_claimmerge" AFTER INSERT OR UPDATE OR DELETE ON "ClaimMerge"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claimtrail_count_pending_change"();
