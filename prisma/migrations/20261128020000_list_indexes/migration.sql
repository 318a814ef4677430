-- DropIndex
DROP INDEX "Attribution_claimId_stance_idx";

-- DropIndex
DROP INDEX "Attribution_actorId_stance_idx";

-- DropIndex
DROP INDEX "Attribution_sourceId_idx";

-- DropIndex
DROP INDEX "AttributionVia_actorId_idx";

-- CreateIndex
CREATE INDEX "Claim_topicId_statusId_contested_updatedAt_idx" ON "Claim"("topicId", "statusId", "contested", "updatedAt");

-- CreateIndex
CREATE INDEX "Claim_statusId_topicId_contested_updatedAt_idx" ON "Claim"("statusId", "topicId", "contested", "updatedAt");

-- CreateIndex
CREATE INDEX "Attribution_claimId_stance_actorId_sourceId_idx" ON "Attribution"("claimId", "stance", "actorId", "sourceId");

-- CreateIndex
CREATE INDEX "Attribution_actorId_claimId_stance_idx" ON "Attribution"("actorId", "claimId", "stance");

-- CreateIndex
CREATE INDEX "Attribution_sourceId_claimId_idx" ON "Attribution"("sourceId", "claimId");

-- CreateIndex
CREATE INDEX "Attribution_stance_claimId_idx" ON "Attribution"("stance", "claimId");

-- CreateIndex
CREATE INDEX "AttributionVia_actorId_attributionId_idx" ON "AttributionVia"("actorId", "attributionId");

