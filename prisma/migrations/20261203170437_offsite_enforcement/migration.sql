-- CreateEnum
CREATE TYPE "ClueRule" AS ENUM ('EXCEEDANCE', 'FLATLINE', 'GAP');

-- CreateEnum
CREATE TYPE "ClueStatus" AS ENUM ('OPEN', 'ASSIGNED', 'CLOSED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "ClueDismissReason" AS ENUM ('MAINTENANCE_FILED', 'CALIBRATION', 'INSTRUMENT_FAULT', 'OTHER');

-- CreateEnum
CREATE TYPE "EiaReportForm" AS ENUM ('REPORT_BOOK', 'REPORT_TABLE');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('SUBMITTED', 'PASSED', 'REFUSED');

-- CreateEnum
CREATE TYPE "SourceControlItem" AS ENUM ('PROCESS', 'EQUIPMENT', 'MATERIALS', 'CONDITIONS', 'RECOVERY', 'REUSE', 'FACILITY_STANDARD', 'FACILITY_EFFICIENCY');

-- CreateEnum
CREATE TYPE "SourceControlVerdict" AS ENUM ('MET', 'NOT_MET', 'NOT_APPLICABLE');

-- CreateTable
CREATE TABLE "MonitoringOutlet" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringOutlet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringSeries" (
    "id" SERIAL NOT NULL,
    "outletId" UUID NOT NULL,
    "pollutant" TEXT NOT NULL,
    "unit" TEXT NOT NULL,

    CONSTRAINT "MonitoringSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringReading" (
    "seriesId" INTEGER NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "limit" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "MonitoringReading_pkey" PRIMARY KEY ("seriesId","hour")
);

-- CreateTable
CREATE TABLE "MonitoringImport" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "importedById" UUID NOT NULL,
    "rows" INTEGER NOT NULL,
    "imported" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "clues" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Clue" (
    "id" UUID NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "districtId" UUID NOT NULL,
    "rule" "ClueRule" NOT NULL,
    "windowStart" TIMESTAMPTZ(0) NOT NULL,
    "windowEnd" TIMESTAMPTZ(0) NOT NULL,
    "hours" INTEGER NOT NULL,
    "peak" DOUBLE PRECISION,
    "limit" DOUBLE PRECISION,
    "status" "ClueStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" UUID,
    "assignedAt" TIMESTAMP(3),
    "dismissReason" "ClueDismissReason",
    "dismissNote" TEXT,
    "closedAt" TIMESTAMP(3),
    "inspectionId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Clue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConstructionProject" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "enterpriseId" UUID,
    "districtId" UUID NOT NULL,
    "reportForm" "EiaReportForm" NOT NULL,
    "stage" TEXT NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedById" UUID NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConstructionProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceControlCheck" (
    "projectId" UUID NOT NULL,
    "item" "SourceControlItem" NOT NULL,
    "verdict" "SourceControlVerdict" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceControlCheck_pkey" PRIMARY KEY ("projectId","item")
);

-- CreateTable
CREATE TABLE "ProjectReview" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringOutlet_enterpriseId_code_key" ON "MonitoringOutlet"("enterpriseId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringSeries_outletId_pollutant_key" ON "MonitoringSeries"("outletId", "pollutant");

-- CreateIndex
CREATE INDEX "MonitoringImport_importedById_idx" ON "MonitoringImport"("importedById");

-- CreateIndex
CREATE INDEX "MonitoringImport_createdAt_idx" ON "MonitoringImport"("createdAt");

-- CreateIndex
CREATE INDEX "Clue_districtId_status_idx" ON "Clue"("districtId", "status");

-- CreateIndex
CREATE INDEX "Clue_status_createdAt_idx" ON "Clue"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Clue_assigneeId_idx" ON "Clue"("assigneeId");

-- CreateIndex
CREATE INDEX "Clue_inspectionId_idx" ON "Clue"("inspectionId");

-- CreateIndex
CREATE UNIQUE INDEX "Clue_seriesId_rule_windowStart_key" ON "Clue"("seriesId", "rule", "windowStart");

-- CreateIndex
CREATE INDEX "ConstructionProject_districtId_status_idx" ON "ConstructionProject"("districtId", "status");

-- CreateIndex
CREATE INDEX "ConstructionProject_enterpriseId_idx" ON "ConstructionProject"("enterpriseId");

-- CreateIndex
CREATE INDEX "ConstructionProject_submittedById_idx" ON "ConstructionProject"("submittedById");

-- CreateIndex
CREATE INDEX "SourceControlCheck_item_verdict_idx" ON "SourceControlCheck"("item", "verdict");

-- CreateIndex
CREATE INDEX "ProjectReview_projectId_idx" ON "ProjectReview"("projectId");

-- CreateIndex
CREATE INDEX "ProjectReview_reviewerId_idx" ON "ProjectReview"("reviewerId");

-- AddForeignKey
ALTER TABLE "MonitoringOutlet" ADD CONSTRAINT "MonitoringOutlet_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringSeries" ADD CONSTRAINT "MonitoringSeries_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "MonitoringOutlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReading" ADD CONSTRAINT "MonitoringReading_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MonitoringSeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringImport" ADD CONSTRAINT "MonitoringImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clue" ADD CONSTRAINT "Clue_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MonitoringSeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clue" ADD CONSTRAINT "Clue_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clue" ADD CONSTRAINT "Clue_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionProject" ADD CONSTRAINT "ConstructionProject_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionProject" ADD CONSTRAINT "ConstructionProject_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionProject" ADD CONSTRAINT "ConstructionProject_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceControlCheck" ADD CONSTRAINT "SourceControlCheck_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ConstructionProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectReview" ADD CONSTRAINT "ProjectReview_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ConstructionProject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectReview" ADD CONSTRAINT "ProjectReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

