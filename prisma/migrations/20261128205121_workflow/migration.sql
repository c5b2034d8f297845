-- CreateEnum
CREATE TYPE "Colour" AS ENUM ('BLUE', 'GREEN', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "EscalationLevel" AS ENUM ('NONE', 'REMINDED', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Problem" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "colour" "Colour" NOT NULL DEFAULT 'GREEN',
ADD COLUMN     "escalation" "EscalationLevel" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "extensionCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "originalDeadline" DATE,
ADD COLUMN     "returnCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "weight" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "RectificationPlan" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "measures" JSONB NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RectificationPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "measureId" UUID,
    "reporterId" UUID NOT NULL,
    "unitId" UUID,
    "text" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extension" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "oldDeadline" DATE NOT NULL,
    "newDeadline" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemTransition" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "ProblemStatus" NOT NULL,
    "toStatus" "ProblemStatus" NOT NULL,
    "actorId" UUID NOT NULL,
    "comment" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "problemId" UUID,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" UUID NOT NULL,
    "notificationId" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "target" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RectificationPlan_submittedById_idx" ON "RectificationPlan"("submittedById");

-- CreateIndex
CREATE INDEX "RectificationPlan_decidedById_idx" ON "RectificationPlan"("decidedById");

-- CreateIndex
CREATE INDEX "RectificationPlan_status_idx" ON "RectificationPlan"("status");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationPlan_problemId_versionNo_key" ON "RectificationPlan"("problemId", "versionNo");

-- CreateIndex
CREATE INDEX "ProgressReport_problemId_createdAt_idx" ON "ProgressReport"("problemId", "createdAt");

-- CreateIndex
CREATE INDEX "ProgressReport_measureId_idx" ON "ProgressReport"("measureId");

-- CreateIndex
CREATE INDEX "ProgressReport_reporterId_idx" ON "ProgressReport"("reporterId");

-- CreateIndex
CREATE INDEX "ProgressReport_unitId_idx" ON "ProgressReport"("unitId");

-- CreateIndex
CREATE INDEX "Extension_problemId_idx" ON "Extension"("problemId");

-- CreateIndex
CREATE INDEX "Extension_requestedById_idx" ON "Extension"("requestedById");

-- CreateIndex
CREATE INDEX "Extension_decidedById_idx" ON "Extension"("decidedById");

-- CreateIndex
CREATE INDEX "Extension_status_idx" ON "Extension"("status");

-- CreateIndex
CREATE INDEX "ProblemTransition_problemId_at_idx" ON "ProblemTransition"("problemId", "at");

-- CreateIndex
CREATE INDEX "ProblemTransition_actorId_idx" ON "ProblemTransition"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_problemId_idx" ON "Notification"("problemId");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_notificationId_idx" ON "NotificationDelivery"("notificationId");

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_createdAt_idx" ON "NotificationDelivery"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Problem_colour_idx" ON "Problem"("colour");

-- CreateIndex
CREATE INDEX "Problem_escalation_idx" ON "Problem"("escalation");

-- AddForeignKey
ALTER TABLE "RectificationPlan" ADD CONSTRAINT "RectificationPlan_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationPlan" ADD CONSTRAINT "RectificationPlan_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationPlan" ADD CONSTRAINT "RectificationPlan_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemTransition" ADD CONSTRAINT "ProblemTransition_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemTransition" ADD CONSTRAINT "ProblemTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: the first deadline is the current one, and assigned problems started when registered.
UPDATE "Problem" SET "originalDeadline" = "deadline" WHERE "originalDeadline" IS NULL;
UPDATE "Problem" SET "assignedAt" = "createdAt" WHERE "assignedAt" IS NULL AND "status" <> 'REGISTERED';
UPDATE "Problem" SET "colour" = 'BLUE' WHERE "status" = 'CLOSED';
