-- CreateEnum
CREATE TYPE "SelfReviewRoundStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SelfReviewSheetStatus" AS ENUM ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "SelfReviewQuestion" AS ENUM ('GOALS', 'PROBLEMS', 'PLAN', 'MEASURES', 'STYLE', 'EFFORT', 'PACE', 'RESULTS');

-- CreateEnum
CREATE TYPE "TaihuPointKind" AS ENUM ('LAKE_ZONE', 'DRINKING_SOURCE');

-- CreateEnum
CREATE TYPE "SourceWaterStatus" AS ENUM ('NORMAL', 'ABNORMAL');

-- CreateEnum
CREATE TYPE "IncidentType" AS ENUM ('WATER', 'AIR', 'SOIL', 'CHEMICAL_LEAK', 'SOLID_WASTE', 'OTHER');

-- CreateEnum
CREATE TYPE "IncidentLevel" AS ENUM ('GENERAL', 'LARGER', 'MAJOR', 'GRAVE');

-- CreateTable
CREATE TABLE "SelfReviewRound" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "SelfReviewRoundStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" UUID,
    "closedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfReviewRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfReviewSheet" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "status" "SelfReviewSheetStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "submittedAt" TIMESTAMP(3),
    "submittedById" UUID,
    "leaderComment" TEXT,
    "commentedById" UUID,
    "commentedAt" TIMESTAMP(3),
    "returnReason" TEXT,
    "returnedById" UUID,
    "returnedAt" TIMESTAMP(3),
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SelfReviewSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfReviewAnswer" (
    "id" UUID NOT NULL,
    "sheetId" UUID NOT NULL,
    "question" "SelfReviewQuestion" NOT NULL,
    "rating" INTEGER,
    "found" TEXT NOT NULL DEFAULT '',
    "willDo" TEXT NOT NULL DEFAULT '',
    "returned" BOOLEAN NOT NULL DEFAULT false,
    "problemId" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SelfReviewAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaihuPoint" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TaihuPointKind" NOT NULL,
    "districtId" UUID,
    "algaeWarn" DECIMAL(12,1),
    "algaeAlert" DECIMAL(12,1),
    "bloomWarn" DECIMAL(10,2),
    "bloomAlert" DECIMAL(10,2),
    "dutyLeaderId" UUID,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaihuPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaihuReading" (
    "id" UUID NOT NULL,
    "pointId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "algaeDensity" DECIMAL(12,1),
    "bloomArea" DECIMAL(10,2),
    "blackBloom" BOOLEAN NOT NULL DEFAULT false,
    "blackBloomArea" DECIMAL(10,2),
    "sourceStatus" "SourceWaterStatus",
    "note" TEXT,
    "recordedById" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaihuReading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaihuEpisode" (
    "id" UUID NOT NULL,
    "pointId" UUID NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "peakLevel" INTEGER NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaihuEpisode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL,
    "occurredOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "districtId" UUID NOT NULL,
    "enterpriseId" UUID,
    "type" "IncidentType" NOT NULL,
    "level" "IncidentLevel" NOT NULL,
    "cause" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "problemIds" UUID[],
    "recordedById" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SelfReviewRound_status_idx" ON "SelfReviewRound"("status");

-- CreateIndex
CREATE INDEX "SelfReviewRound_dueOn_idx" ON "SelfReviewRound"("dueOn");

-- CreateIndex
CREATE INDEX "SelfReviewSheet_unitId_idx" ON "SelfReviewSheet"("unitId");

-- CreateIndex
CREATE INDEX "SelfReviewSheet_status_idx" ON "SelfReviewSheet"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SelfReviewSheet_roundId_unitId_key" ON "SelfReviewSheet"("roundId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "SelfReviewAnswer_problemId_key" ON "SelfReviewAnswer"("problemId");

-- CreateIndex
CREATE UNIQUE INDEX "SelfReviewAnswer_sheetId_question_key" ON "SelfReviewAnswer"("sheetId", "question");

-- CreateIndex
CREATE UNIQUE INDEX "TaihuPoint_code_key" ON "TaihuPoint"("code");

-- CreateIndex
CREATE INDEX "TaihuPoint_districtId_idx" ON "TaihuPoint"("districtId");

-- CreateIndex
CREATE INDEX "TaihuReading_day_idx" ON "TaihuReading"("day");

-- CreateIndex
CREATE UNIQUE INDEX "TaihuReading_pointId_day_key" ON "TaihuReading"("pointId", "day");

-- CreateIndex
CREATE INDEX "TaihuEpisode_endedOn_idx" ON "TaihuEpisode"("endedOn");

-- CreateIndex
CREATE UNIQUE INDEX "TaihuEpisode_pointId_startedOn_key" ON "TaihuEpisode"("pointId", "startedOn");

-- CreateIndex
CREATE INDEX "Incident_districtId_idx" ON "Incident"("districtId");

-- CreateIndex
CREATE INDEX "Incident_enterpriseId_idx" ON "Incident"("enterpriseId");

-- CreateIndex
CREATE INDEX "Incident_occurredOn_idx" ON "Incident"("occurredOn");

-- AddForeignKey
ALTER TABLE "SelfReviewSheet" ADD CONSTRAINT "SelfReviewSheet_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SelfReviewRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReviewSheet" ADD CONSTRAINT "SelfReviewSheet_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReviewAnswer" ADD CONSTRAINT "SelfReviewAnswer_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "SelfReviewSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReviewAnswer" ADD CONSTRAINT "SelfReviewAnswer_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaihuPoint" ADD CONSTRAINT "TaihuPoint_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaihuReading" ADD CONSTRAINT "TaihuReading_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "TaihuPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaihuEpisode" ADD CONSTRAINT "TaihuEpisode_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "TaihuPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

