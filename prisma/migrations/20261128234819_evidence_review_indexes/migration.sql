-- DropIndex
DROP INDEX "Evidence_reviewStatus_idx";

-- CreateIndex
CREATE INDEX "Evidence_reviewStatus_createdAt_idx" ON "Evidence"("reviewStatus", "createdAt");

-- CreateIndex
CREATE INDEX "EvidenceReview_at_idx" ON "EvidenceReview"("at");

