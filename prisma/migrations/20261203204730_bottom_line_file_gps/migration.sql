-- AlterTable
ALTER TABLE "BottomLineFile" ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;

