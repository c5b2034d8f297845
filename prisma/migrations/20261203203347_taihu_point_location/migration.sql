-- AlterTable
ALTER TABLE "TaihuPoint" ADD COLUMN     "location" TEXT;

