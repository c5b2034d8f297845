-- CreateEnum
CREATE TYPE "EnforcementActionType" AS ENUM ('VOCS_REDUCTION', 'CONSTRUCTION_SITE', 'SECTION_COMPLIANCE', 'EXITED_ENTERPRISE', 'CONSTRUCTION_PROJECT', 'KEY_PETITION');

-- CreateEnum
CREATE TYPE "InspectionMode" AS ENUM ('ALL_STAFF', 'CROSS', 'ESCALATED', 'OFF_SITE');

-- CreateEnum
CREATE TYPE "InspectionResult" AS ENUM ('NO_ISSUE', 'FIXED_ON_SITE', 'VIOLATION');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('FILED', 'NOTIFIED', 'DECIDED', 'EXECUTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CaseMeasure" AS ENUM ('SEAL_UP', 'PRODUCTION_LIMIT', 'POLICE_TRANSFER');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignAction" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "type" "EnforcementActionType" NOT NULL,
    "targetTags" "EnterpriseTag"[],

    CONSTRAINT "CampaignAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignTarget" (
    "id" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "targetCount" INTEGER NOT NULL,

    CONSTRAINT "CampaignTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "actionId" UUID,
    "inspectedOn" DATE NOT NULL,
    "mode" "InspectionMode" NOT NULL,
    "leadUnitId" UUID NOT NULL,
    "findings" TEXT NOT NULL,
    "result" "InspectionResult" NOT NULL,
    "clueId" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionInspector" (
    "inspectionId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "InspectionInspector_pkey" PRIMARY KEY ("inspectionId","userId")
);

-- CreateTable
CREATE TABLE "InspectionPhoto" (
    "id" UUID NOT NULL,
    "inspectionId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "backend" "StorageBackend" NOT NULL,
    "thumbKey" TEXT,
    "sha256" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "capturedAt" TIMESTAMP(3),
    "lat" DECIMAL(9,6),
    "lng" DECIMAL(9,6),
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementCase" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "inspectionId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "violation" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "fineYuan" INTEGER NOT NULL DEFAULT 0,
    "measures" "CaseMeasure"[],
    "status" "CaseStatus" NOT NULL DEFAULT 'FILED',
    "filedOn" DATE NOT NULL,
    "notifiedOn" DATE,
    "decidedOn" DATE,
    "executedOn" DATE,
    "closedOn" DATE,
    "problemId" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnforcementCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Campaign_year_idx" ON "Campaign"("year");

-- CreateIndex
CREATE INDEX "Campaign_createdById_idx" ON "Campaign"("createdById");

-- CreateIndex
CREATE INDEX "CampaignAction_type_idx" ON "CampaignAction"("type");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignAction_campaignId_type_key" ON "CampaignAction"("campaignId", "type");

-- CreateIndex
CREATE INDEX "CampaignTarget_districtId_idx" ON "CampaignTarget"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignTarget_actionId_districtId_key" ON "CampaignTarget"("actionId", "districtId");

-- CreateIndex
CREATE INDEX "Inspection_enterpriseId_idx" ON "Inspection"("enterpriseId");

-- CreateIndex
CREATE INDEX "Inspection_actionId_idx" ON "Inspection"("actionId");

-- CreateIndex
CREATE INDEX "Inspection_leadUnitId_idx" ON "Inspection"("leadUnitId");

-- CreateIndex
CREATE INDEX "Inspection_clueId_idx" ON "Inspection"("clueId");

-- CreateIndex
CREATE INDEX "Inspection_inspectedOn_idx" ON "Inspection"("inspectedOn");

-- CreateIndex
CREATE INDEX "Inspection_mode_idx" ON "Inspection"("mode");

-- CreateIndex
CREATE INDEX "Inspection_createdById_idx" ON "Inspection"("createdById");

-- CreateIndex
CREATE INDEX "InspectionInspector_userId_idx" ON "InspectionInspector"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionPhoto_storageKey_key" ON "InspectionPhoto"("storageKey");

-- CreateIndex
CREATE INDEX "InspectionPhoto_uploadedById_idx" ON "InspectionPhoto"("uploadedById");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionPhoto_inspectionId_sha256_key" ON "InspectionPhoto"("inspectionId", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "EnforcementCase_number_key" ON "EnforcementCase"("number");

-- CreateIndex
CREATE UNIQUE INDEX "EnforcementCase_problemId_key" ON "EnforcementCase"("problemId");

-- CreateIndex
CREATE INDEX "EnforcementCase_inspectionId_idx" ON "EnforcementCase"("inspectionId");

-- CreateIndex
CREATE INDEX "EnforcementCase_enterpriseId_idx" ON "EnforcementCase"("enterpriseId");

-- CreateIndex
CREATE INDEX "EnforcementCase_status_idx" ON "EnforcementCase"("status");

-- CreateIndex
CREATE INDEX "EnforcementCase_filedOn_idx" ON "EnforcementCase"("filedOn");

-- CreateIndex
CREATE INDEX "EnforcementCase_createdById_idx" ON "EnforcementCase"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "EnforcementCase_year_seq_key" ON "EnforcementCase"("year", "seq");

-- AddForeignKey
ALTER TABLE "CampaignAction" ADD CONSTRAINT "CampaignAction_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "CampaignAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "CampaignAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionInspector" ADD CONSTRAINT "InspectionInspector_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionPhoto" ADD CONSTRAINT "InspectionPhoto_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementCase" ADD CONSTRAINT "EnforcementCase_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementCase" ADD CONSTRAINT "EnforcementCase_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementCase" ADD CONSTRAINT "EnforcementCase_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

