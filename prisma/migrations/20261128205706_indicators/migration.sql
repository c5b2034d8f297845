-- CreateEnum
CREATE TYPE "IndicatorCode" AS ENUM ('PM25', 'GOOD_AIR_RATIO', 'O3_8H_90P', 'AQCI', 'WATER_GOOD_RATIO', 'WATER_BAD_RATIO', 'CWQI');

-- CreateEnum
CREATE TYPE "StatUnitLevel" AS ENUM ('PROVINCE', 'CITY', 'DISTRICT', 'OTHER');

-- CreateTable
CREATE TABLE "StatUnit" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "StatUnitLevel" NOT NULL,
    "parentCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatUnit_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" BIGSERIAL NOT NULL,
    "unitCode" TEXT NOT NULL,
    "indicator" "IndicatorCode" NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "cumulative" BOOLEAN NOT NULL,
    "valueText" TEXT NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "importId" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorImport" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "imported" INTEGER NOT NULL,
    "replaced" INTEGER NOT NULL,
    "importedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatUnit_level_idx" ON "StatUnit"("level");

-- CreateIndex
CREATE INDEX "StatUnit_parentCode_idx" ON "StatUnit"("parentCode");

-- CreateIndex
CREATE INDEX "IndicatorValue_indicator_year_month_cumulative_idx" ON "IndicatorValue"("indicator", "year", "month", "cumulative");

-- CreateIndex
CREATE INDEX "IndicatorValue_importId_idx" ON "IndicatorValue"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_unitCode_indicator_year_month_cumulative_key" ON "IndicatorValue"("unitCode", "indicator", "year", "month", "cumulative");

-- CreateIndex
CREATE INDEX "IndicatorImport_importedById_idx" ON "IndicatorImport"("importedById");

-- CreateIndex
CREATE INDEX "IndicatorImport_createdAt_idx" ON "IndicatorImport"("createdAt");

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "StatUnit"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_importId_fkey" FOREIGN KEY ("importId") REFERENCES "IndicatorImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

