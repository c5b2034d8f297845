-- CreateEnum
CREATE TYPE "PublishedListKind" AS ENUM ('BEST', 'WORST');

-- CreateEnum
CREATE TYPE "PublishedListScope" AS ENUM ('PROVINCE_CITIES', 'PROVINCE_COUNTIES');

-- CreateTable
CREATE TABLE "PublishedList" (
    "id" UUID NOT NULL,
    "indicator" "IndicatorCode" NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "cumulative" BOOLEAN NOT NULL,
    "kind" "PublishedListKind" NOT NULL,
    "scope" "PublishedListScope" NOT NULL,
    "size" INTEGER NOT NULL,
    "source" TEXT,
    "importedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublishedList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedListEntry" (
    "id" BIGSERIAL NOT NULL,
    "listId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "printedRank" INTEGER NOT NULL,
    "unitCode" TEXT NOT NULL,
    "printedName" TEXT NOT NULL,

    CONSTRAINT "PublishedListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublishedList_year_month_idx" ON "PublishedList"("year", "month");

-- CreateIndex
CREATE INDEX "PublishedList_importedById_idx" ON "PublishedList"("importedById");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedList_indicator_year_month_cumulative_kind_scope_key" ON "PublishedList"("indicator", "year", "month", "cumulative", "kind", "scope");

-- CreateIndex
CREATE INDEX "PublishedListEntry_unitCode_idx" ON "PublishedListEntry"("unitCode");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedListEntry_listId_position_key" ON "PublishedListEntry"("listId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedListEntry_listId_unitCode_key" ON "PublishedListEntry"("listId", "unitCode");

-- AddForeignKey
ALTER TABLE "PublishedListEntry" ADD CONSTRAINT "PublishedListEntry_listId_fkey" FOREIGN KEY ("listId") REFERENCES "PublishedList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedListEntry" ADD CONSTRAINT "PublishedListEntry_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "StatUnit"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

