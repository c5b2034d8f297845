-- CreateEnum
CREATE TYPE "HazardLevel" AS ENUM ('GENERAL', 'MAJOR', 'SEVERE');

-- CreateEnum
CREATE TYPE "CheckVerdict" AS ENUM ('PASS', 'FAIL', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "ClosureStage" AS ENUM ('STOPPED', 'MATERIALS_CLEARED', 'EQUIPMENT_DISMANTLED', 'SITE_INVESTIGATED', 'REMEDIATED', 'VERIFIED');

-- CreateEnum
CREATE TYPE "ParkKind" AS ENUM ('CHEMICAL_PARK', 'CONCENTRATION_ZONE', 'HEAVY_METAL_PARK');

-- CreateEnum
CREATE TYPE "PreventionLevel" AS ENUM ('ENTERPRISE', 'PARK', 'WATER_BODY');

-- CreateEnum
CREATE TYPE "PreventionItemKind" AS ENUM ('EMERGENCY_POOL', 'RAIN_SEWAGE_GATE', 'CLOSURE_VALVE', 'INTERCEPTION_DAM', 'DRILL');

-- CreateEnum
CREATE TYPE "AssessmentResult" AS ENUM ('ADEQUATE', 'PARTIAL', 'INADEQUATE');

-- AlterTable
ALTER TABLE "Enterprise" ADD COLUMN     "parkId" UUID;

-- CreateTable
CREATE TABLE "SweepTemplate" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SweepTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SweepTemplateItem" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SweepTemplateItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sweep" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "templateId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "targetTags" "EnterpriseTag"[],
    "createdById" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Sweep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SweepTarget" (
    "id" UUID NOT NULL,
    "sweepId" UUID NOT NULL,
    "enterpriseId" UUID,
    "parkId" UUID,
    "districtId" UUID NOT NULL,
    "checkedAt" TIMESTAMP(3),
    "checkedById" UUID,

    CONSTRAINT "SweepTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SweepItemResult" (
    "id" UUID NOT NULL,
    "targetId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "verdict" "CheckVerdict" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SweepItemResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hazard" (
    "id" UUID NOT NULL,
    "resultId" UUID NOT NULL,
    "sweepId" UUID NOT NULL,
    "targetId" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "enterpriseId" UUID,
    "level" "HazardLevel" NOT NULL,
    "deadline" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "problemId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Hazard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosureStageRecord" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "stage" "ClosureStage" NOT NULL,
    "completedOn" DATE,
    "skipped" BOOLEAN NOT NULL DEFAULT false,
    "skipReason" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClosureStageRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosedEnterpriseRecheck" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "checkedOn" DATE NOT NULL,
    "inspector" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClosedEnterpriseRecheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BottomLineFile" (
    "id" UUID NOT NULL,
    "resultId" UUID,
    "stageId" UUID,
    "storage" "StorageBackend" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "thumbKey" TEXT,
    "originalName" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "capturedAt" TIMESTAMP(3),
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BottomLineFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Park" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ParkKind" NOT NULL,
    "districtId" UUID NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Park_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParkAssessment" (
    "id" UUID NOT NULL,
    "parkId" UUID NOT NULL,
    "assessedOn" DATE NOT NULL,
    "findings" TEXT NOT NULL,
    "result" "AssessmentResult" NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParkAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreventionItem" (
    "id" UUID NOT NULL,
    "parkId" UUID NOT NULL,
    "level" "PreventionLevel" NOT NULL,
    "kind" "PreventionItemKind" NOT NULL,
    "name" TEXT NOT NULL,
    "targetQty" INTEGER NOT NULL,
    "doneQty" INTEGER NOT NULL DEFAULT 0,
    "startOn" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PreventionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParkDrill" (
    "id" UUID NOT NULL,
    "parkId" UUID NOT NULL,
    "itemId" UUID,
    "level" "PreventionLevel" NOT NULL,
    "heldOn" DATE NOT NULL,
    "scenario" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParkDrill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SweepTemplate_name_key" ON "SweepTemplate"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SweepTemplateItem_templateId_position_key" ON "SweepTemplateItem"("templateId", "position");

-- CreateIndex
CREATE INDEX "Sweep_templateId_idx" ON "Sweep"("templateId");

-- CreateIndex
CREATE INDEX "SweepTarget_enterpriseId_idx" ON "SweepTarget"("enterpriseId");

-- CreateIndex
CREATE INDEX "SweepTarget_parkId_idx" ON "SweepTarget"("parkId");

-- CreateIndex
CREATE INDEX "SweepTarget_districtId_idx" ON "SweepTarget"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "SweepTarget_sweepId_enterpriseId_key" ON "SweepTarget"("sweepId", "enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "SweepTarget_sweepId_parkId_key" ON "SweepTarget"("sweepId", "parkId");

-- CreateIndex
CREATE INDEX "SweepItemResult_itemId_idx" ON "SweepItemResult"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "SweepItemResult_targetId_itemId_key" ON "SweepItemResult"("targetId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "Hazard_resultId_key" ON "Hazard"("resultId");

-- CreateIndex
CREATE UNIQUE INDEX "Hazard_problemId_key" ON "Hazard"("problemId");

-- CreateIndex
CREATE INDEX "Hazard_sweepId_idx" ON "Hazard"("sweepId");

-- CreateIndex
CREATE INDEX "Hazard_targetId_idx" ON "Hazard"("targetId");

-- CreateIndex
CREATE INDEX "Hazard_districtId_idx" ON "Hazard"("districtId");

-- CreateIndex
CREATE INDEX "Hazard_enterpriseId_idx" ON "Hazard"("enterpriseId");

-- CreateIndex
CREATE INDEX "Hazard_level_idx" ON "Hazard"("level");

-- CreateIndex
CREATE UNIQUE INDEX "ClosureStageRecord_enterpriseId_stage_key" ON "ClosureStageRecord"("enterpriseId", "stage");

-- CreateIndex
CREATE INDEX "ClosedEnterpriseRecheck_enterpriseId_checkedOn_idx" ON "ClosedEnterpriseRecheck"("enterpriseId", "checkedOn");

-- CreateIndex
CREATE UNIQUE INDEX "BottomLineFile_storageKey_key" ON "BottomLineFile"("storageKey");

-- CreateIndex
CREATE INDEX "BottomLineFile_resultId_idx" ON "BottomLineFile"("resultId");

-- CreateIndex
CREATE INDEX "BottomLineFile_stageId_idx" ON "BottomLineFile"("stageId");

-- CreateIndex
CREATE UNIQUE INDEX "Park_name_key" ON "Park"("name");

-- CreateIndex
CREATE INDEX "Park_districtId_idx" ON "Park"("districtId");

-- CreateIndex
CREATE INDEX "ParkAssessment_parkId_idx" ON "ParkAssessment"("parkId");

-- CreateIndex
CREATE INDEX "PreventionItem_parkId_level_idx" ON "PreventionItem"("parkId", "level");

-- CreateIndex
CREATE INDEX "ParkDrill_parkId_idx" ON "ParkDrill"("parkId");

-- CreateIndex
CREATE INDEX "ParkDrill_itemId_idx" ON "ParkDrill"("itemId");

-- CreateIndex
CREATE INDEX "Enterprise_parkId_idx" ON "Enterprise"("parkId");

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SweepTemplateItem" ADD CONSTRAINT "SweepTemplateItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "SweepTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sweep" ADD CONSTRAINT "Sweep_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "SweepTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SweepTarget" ADD CONSTRAINT "SweepTarget_sweepId_fkey" FOREIGN KEY ("sweepId") REFERENCES "Sweep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SweepTarget" ADD CONSTRAINT "SweepTarget_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SweepTarget" ADD CONSTRAINT "SweepTarget_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SweepTarget" ADD CONSTRAINT "SweepTarget_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SweepItemResult" ADD CONSTRAINT "SweepItemResult_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "SweepTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SweepItemResult" ADD CONSTRAINT "SweepItemResult_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SweepTemplateItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "SweepItemResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_sweepId_fkey" FOREIGN KEY ("sweepId") REFERENCES "Sweep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "SweepTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClosureStageRecord" ADD CONSTRAINT "ClosureStageRecord_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClosedEnterpriseRecheck" ADD CONSTRAINT "ClosedEnterpriseRecheck_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BottomLineFile" ADD CONSTRAINT "BottomLineFile_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "SweepItemResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BottomLineFile" ADD CONSTRAINT "BottomLineFile_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ClosureStageRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Park" ADD CONSTRAINT "Park_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkAssessment" ADD CONSTRAINT "ParkAssessment_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreventionItem" ADD CONSTRAINT "PreventionItem_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkDrill" ADD CONSTRAINT "ParkDrill_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkDrill" ADD CONSTRAINT "ParkDrill_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "PreventionItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

