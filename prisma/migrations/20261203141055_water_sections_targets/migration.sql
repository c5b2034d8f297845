-- CreateEnum
CREATE TYPE "SectionLevel" AS ENUM ('NATIONAL', 'PROVINCIAL');

-- CreateTable
CREATE TABLE "WaterSection" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "waterBody" TEXT NOT NULL,
    "districtId" UUID NOT NULL,
    "level" "SectionLevel" NOT NULL,
    "targetClass" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WaterSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaterSectionImport" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "imported" INTEGER NOT NULL,
    "replaced" INTEGER NOT NULL,
    "importedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WaterSectionImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaterSectionResult" (
    "id" BIGSERIAL NOT NULL,
    "sectionId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "waterClass" INTEGER NOT NULL,
    "keyPollutants" TEXT,
    "importId" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WaterSectionResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualTarget" (
    "id" UUID NOT NULL,
    "unitCode" TEXT NOT NULL,
    "indicator" "IndicatorCode" NOT NULL,
    "year" INTEGER NOT NULL,
    "valueText" TEXT NOT NULL,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualTarget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WaterSection_code_key" ON "WaterSection"("code");

-- CreateIndex
CREATE INDEX "WaterSection_districtId_idx" ON "WaterSection"("districtId");

-- CreateIndex
CREATE INDEX "WaterSection_level_idx" ON "WaterSection"("level");

-- CreateIndex
CREATE INDEX "WaterSectionImport_importedById_idx" ON "WaterSectionImport"("importedById");

-- CreateIndex
CREATE INDEX "WaterSectionImport_createdAt_idx" ON "WaterSectionImport"("createdAt");

-- CreateIndex
CREATE INDEX "WaterSectionResult_year_month_idx" ON "WaterSectionResult"("year", "month");

-- CreateIndex
CREATE INDEX "WaterSectionResult_importId_idx" ON "WaterSectionResult"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "WaterSectionResult_sectionId_year_month_key" ON "WaterSectionResult"("sectionId", "year", "month");

-- CreateIndex
CREATE INDEX "AnnualTarget_year_idx" ON "AnnualTarget"("year");

-- CreateIndex
CREATE INDEX "AnnualTarget_updatedById_idx" ON "AnnualTarget"("updatedById");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualTarget_unitCode_indicator_year_key" ON "AnnualTarget"("unitCode", "indicator", "year");

-- AddForeignKey
ALTER TABLE "WaterSection" ADD CONSTRAINT "WaterSection_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaterSectionImport" ADD CONSTRAINT "WaterSectionImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaterSectionResult" ADD CONSTRAINT "WaterSectionResult_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "WaterSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaterSectionResult" ADD CONSTRAINT "WaterSectionResult_importId_fkey" FOREIGN KEY ("importId") REFERENCES "WaterSectionImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualTarget" ADD CONSTRAINT "AnnualTarget_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

