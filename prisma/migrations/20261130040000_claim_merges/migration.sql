-- A claim merged into another (issue 15, docs/decisions/056). The merged claim's rows move
-- to the surviving claim and the claim itself goes, leaving a tombstone (so incremental
-- sync's deletion feed lists it) and this row, which makes its page and API answer a
-- permanent redirect to the survivor. "intoClaimId" has no foreign key: the survivor may
-- later be merged or deleted itself, and the redirect then follows the chain.
-- Written by hand like every migration here (docs/decisions/001); no trigger reads it.

CREATE TABLE "ClaimMerge" (
    "claimId" INTEGER NOT NULL PRIMARY KEY,
    "intoClaimId" INTEGER NOT NULL,
    "rationale" TEXT NOT NULL,
    "mergedById" TEXT,
    "mergedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimMerge_mergedById_fkey" FOREIGN KEY ("mergedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE INDEX "ClaimMerge_intoClaimId_idx" ON "ClaimMerge"("intoClaimId");
