-- Corrections (issue 10): version counters for sources and actors, so a stale correction is
-- refused, and tombstones for claims an admin deletes (docs/decisions/013).
--
-- Written by hand from `prisma migrate diff`: the diff redefines Source and Actor to add a
-- column, which would drop their search triggers (claim_search_source_au,
-- claim_search_actor_au; docs/decisions/001). ADD COLUMN gives the same schema and keeps them.

ALTER TABLE "Source" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "Actor" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ClaimTombstone" (
    "claimId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "deletedById" TEXT,
    "deletedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "record" TEXT NOT NULL,
    CONSTRAINT "ClaimTombstone_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ClaimTombstone_deletedAt_idx" ON "ClaimTombstone"("deletedAt");
