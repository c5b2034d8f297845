-- CreateEnum
CREATE TYPE "EnterpriseStatus" AS ENUM ('OPERATING', 'STOPPED', 'CLOSED');

-- CreateEnum
CREATE TYPE "EnterpriseTag" AS ENUM ('VOCS_KEY', 'CHEMICAL', 'HEAVY_METAL', 'CONSTRUCTION_SITE', 'NEAR_SECTION');

-- AlterEnum
ALTER TYPE "ProblemSource" ADD VALUE 'HAZARD_SWEEP';

-- AlterTable
ALTER TABLE "Problem" ADD COLUMN     "enterpriseId" UUID;

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" UUID NOT NULL,
    "creditCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "districtId" UUID NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "lat" DECIMAL(9,6),
    "lng" DECIMAL(9,6),
    "industry" TEXT NOT NULL DEFAULT '',
    "tags" "EnterpriseTag"[],
    "status" "EnterpriseStatus" NOT NULL DEFAULT 'OPERATING',
    "closedOn" DATE,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_creditCode_key" ON "Enterprise"("creditCode");

-- CreateIndex
CREATE INDEX "Enterprise_districtId_idx" ON "Enterprise"("districtId");

-- CreateIndex
CREATE INDEX "Enterprise_name_idx" ON "Enterprise"("name");

-- CreateIndex
CREATE INDEX "Enterprise_status_idx" ON "Enterprise"("status");

-- CreateIndex
CREATE INDEX "Problem_enterpriseId_idx" ON "Problem"("enterpriseId");

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

