-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('BEFORE_PHOTO', 'AFTER_PHOTO', 'MONITORING_REPORT', 'PENALTY_DECISION', 'SHUTDOWN_CERTIFICATE', 'CONTRACT', 'MEETING_MINUTES', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "StorageBackend" AS ENUM ('LOCAL', 'S3');

-- CreateEnum
CREATE TYPE "CaptureSource" AS ENUM ('EXIF', 'DEVICE');

-- CreateEnum
CREATE TYPE "AcceptanceResult" AS ENUM ('PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('OPEN', 'ENDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('PENDING', 'UPHELD', 'DISMISSED');

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "measureId" UUID,
    "kind" "EvidenceKind" NOT NULL,
    "supersedesId" UUID,
    "sha256" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "storage" "StorageBackend" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "thumbKey" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "capturedAt" TIMESTAMP(3),
    "capturedAtSource" "CaptureSource",
    "lat" DECIMAL(9,6),
    "lng" DECIMAL(9,6),
    "gpsSource" "CaptureSource",
    "distanceMeters" INTEGER,
    "idempotencyKey" TEXT,
    "uploadedById" UUID NOT NULL,
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'PENDING',
    "reviewedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "verifiedOk" BOOLEAN,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceReview" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "decision" "ReviewStatus" NOT NULL,
    "reasonCode" TEXT,
    "reason" TEXT,
    "reviewerId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Acceptance" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "acceptanceUnitId" UUID,
    "acceptedOn" DATE NOT NULL,
    "onSiteCheck" BOOLEAN NOT NULL,
    "result" "AcceptanceResult" NOT NULL,
    "opinion" TEXT NOT NULL,
    "signers" TEXT[],
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Acceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicNotice" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "acceptanceId" UUID,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT,
    "summary" TEXT NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'OPEN',
    "endedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "name" TEXT,
    "contact" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "senderHash" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'PENDING',
    "handledById" UUID,
    "handledAt" TIMESTAMP(3),
    "handlingNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemClosure" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL,
    "signedById" UUID NOT NULL,
    "acceptanceId" UUID,
    "noticeId" UUID,
    "comment" TEXT,
    "reopenedAt" TIMESTAMP(3),
    "reopenedById" UUID,
    "reopenReason" TEXT,

    CONSTRAINT "ProblemClosure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_supersedesId_key" ON "Evidence"("supersedesId");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");

-- CreateIndex
CREATE INDEX "Evidence_problemId_createdAt_idx" ON "Evidence"("problemId", "createdAt");

-- CreateIndex
CREATE INDEX "Evidence_measureId_idx" ON "Evidence"("measureId");

-- CreateIndex
CREATE INDEX "Evidence_reviewStatus_idx" ON "Evidence"("reviewStatus");

-- CreateIndex
CREATE INDEX "Evidence_kind_idx" ON "Evidence"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_problemId_sha256_key" ON "Evidence"("problemId", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_uploadedById_idempotencyKey_key" ON "Evidence"("uploadedById", "idempotencyKey");

-- CreateIndex
CREATE INDEX "EvidenceReview_evidenceId_at_idx" ON "EvidenceReview"("evidenceId", "at");

-- CreateIndex
CREATE INDEX "EvidenceReview_reviewerId_idx" ON "EvidenceReview"("reviewerId");

-- CreateIndex
CREATE INDEX "EvidenceReview_reasonCode_idx" ON "EvidenceReview"("reasonCode");

-- CreateIndex
CREATE INDEX "Acceptance_problemId_createdAt_idx" ON "Acceptance"("problemId", "createdAt");

-- CreateIndex
CREATE INDEX "Acceptance_acceptanceUnitId_idx" ON "Acceptance"("acceptanceUnitId");

-- CreateIndex
CREATE INDEX "Acceptance_recordedById_idx" ON "Acceptance"("recordedById");

-- CreateIndex
CREATE INDEX "PublicNotice_problemId_createdAt_idx" ON "PublicNotice"("problemId", "createdAt");

-- CreateIndex
CREATE INDEX "PublicNotice_status_endsOn_idx" ON "PublicNotice"("status", "endsOn");

-- CreateIndex
CREATE INDEX "PublicNotice_acceptanceId_idx" ON "PublicNotice"("acceptanceId");

-- CreateIndex
CREATE INDEX "PublicNotice_createdById_idx" ON "PublicNotice"("createdById");

-- CreateIndex
CREATE INDEX "Objection_noticeId_idx" ON "Objection"("noticeId");

-- CreateIndex
CREATE INDEX "Objection_problemId_status_idx" ON "Objection"("problemId", "status");

-- CreateIndex
CREATE INDEX "Objection_senderHash_createdAt_idx" ON "Objection"("senderHash", "createdAt");

-- CreateIndex
CREATE INDEX "Objection_handledById_idx" ON "Objection"("handledById");

-- CreateIndex
CREATE INDEX "ProblemClosure_problemId_closedAt_idx" ON "ProblemClosure"("problemId", "closedAt");

-- CreateIndex
CREATE INDEX "ProblemClosure_signedById_idx" ON "ProblemClosure"("signedById");

-- CreateIndex
CREATE INDEX "ProblemClosure_reopenedById_idx" ON "ProblemClosure"("reopenedById");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceReview" ADD CONSTRAINT "EvidenceReview_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceReview" ADD CONSTRAINT "EvidenceReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acceptance" ADD CONSTRAINT "Acceptance_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acceptance" ADD CONSTRAINT "Acceptance_acceptanceUnitId_fkey" FOREIGN KEY ("acceptanceUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acceptance" ADD CONSTRAINT "Acceptance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicNotice" ADD CONSTRAINT "PublicNotice_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicNotice" ADD CONSTRAINT "PublicNotice_acceptanceId_fkey" FOREIGN KEY ("acceptanceId") REFERENCES "Acceptance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicNotice" ADD CONSTRAINT "PublicNotice_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PublicNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemClosure" ADD CONSTRAINT "ProblemClosure_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemClosure" ADD CONSTRAINT "ProblemClosure_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemClosure" ADD CONSTRAINT "ProblemClosure_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Evidence is never overwritten: its bytes, origin and capture facts cannot change once written (a correction is a new row).
-- Prisma's JS engine splits migration scripts at every semicolon, so the body's are written \073.
CREATE FUNCTION "evidence_immutable"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF NEW."sha256" IS DISTINCT FROM OLD."sha256" OR NEW."storageKey" IS DISTINCT FROM OLD."storageKey" OR NEW."storage" IS DISTINCT FROM OLD."storage" OR NEW."size" IS DISTINCT FROM OLD."size" OR NEW."mime" IS DISTINCT FROM OLD."mime" OR NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."problemId" IS DISTINCT FROM OLD."problemId" OR NEW."uploadedById" IS DISTINCT FROM OLD."uploadedById" OR NEW."capturedAt" IS DISTINCT FROM OLD."capturedAt" OR NEW."lat" IS DISTINCT FROM OLD."lat" OR NEW."lng" IS DISTINCT FROM OLD."lng" OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN RAISE EXCEPTION ''Evidence is never overwritten (% refused)'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END IF\073 RETURN NEW\073 END';

CREATE TRIGGER "Evidence_immutable" BEFORE UPDATE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "evidence_immutable"();
