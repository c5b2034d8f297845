-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "phash" BIGINT,
ADD COLUMN     "photoCheckedAt" TIMESTAMP(3),
ADD COLUMN     "signals" JSONB,
ADD COLUMN     "software" TEXT,
ADD COLUMN     "suspect" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Evidence_suspect_createdAt_idx" ON "Evidence"("suspect", "createdAt");

