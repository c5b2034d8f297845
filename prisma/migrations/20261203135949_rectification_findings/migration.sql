-- CreateEnum
CREATE TYPE "FindingKind" AS ENUM ('FAKE_EVIDENCE', 'PERFUNCTORY');

-- CreateTable
CREATE TABLE "RectificationFinding" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "kind" "FindingKind" NOT NULL,
    "evidenceId" UUID,
    "reason" TEXT NOT NULL,
    "establishedById" UUID NOT NULL,
    "establishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" UUID,
    "withdrawReason" TEXT,

    CONSTRAINT "RectificationFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RectificationFinding_problemId_idx" ON "RectificationFinding"("problemId");

-- CreateIndex
CREATE INDEX "RectificationFinding_evidenceId_idx" ON "RectificationFinding"("evidenceId");

-- CreateIndex
CREATE INDEX "RectificationFinding_establishedById_idx" ON "RectificationFinding"("establishedById");

-- CreateIndex
CREATE INDEX "RectificationFinding_withdrawnById_idx" ON "RectificationFinding"("withdrawnById");

-- CreateIndex
CREATE INDEX "RectificationFinding_establishedAt_idx" ON "RectificationFinding"("establishedAt");

-- AddForeignKey
ALTER TABLE "RectificationFinding" ADD CONSTRAINT "RectificationFinding_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationFinding" ADD CONSTRAINT "RectificationFinding_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationFinding" ADD CONSTRAINT "RectificationFinding_establishedById_fkey" FOREIGN KEY ("establishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationFinding" ADD CONSTRAINT "RectificationFinding_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

