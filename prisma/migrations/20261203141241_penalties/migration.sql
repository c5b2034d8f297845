-- CreateEnum
CREATE TYPE "PenaltyTrigger" AS ENUM ('PM25', 'GOOD_AIR', 'SECTION', 'PROBLEM', 'HAZARD');

-- CreateEnum
CREATE TYPE "PenaltyProposalStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'WAIVED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('UNPAID', 'PAID');

-- CreateEnum
CREATE TYPE "SuspensionKind" AS ENUM ('EIA_INTAKE', 'HONOURS', 'FUNDING');

-- CreateTable
CREATE TABLE "PenaltyRuleVersion" (
    "id" UUID NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "setById" UUID,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PenaltyRuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PenaltyProposal" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "trigger" "PenaltyTrigger" NOT NULL,
    "episodeKey" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "evaluatedAt" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "figures" JSONB NOT NULL,
    "ruleVersionId" UUID,
    "problemId" UUID,
    "status" "PenaltyProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "statusReason" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PenaltyProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PenaltyDecision" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "proposedAmount" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "capped" BOOLEAN NOT NULL,
    "decidedOn" DATE NOT NULL,
    "paymentStatus" "PaymentStatus" NOT NULL DEFAULT 'UNPAID',
    "paidOn" DATE,
    "paidRecordedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PenaltyDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PenaltySuspension" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "kind" "SuspensionKind" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "PenaltySuspension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PenaltyRuleVersion_effectiveFrom_idx" ON "PenaltyRuleVersion"("effectiveFrom");

-- CreateIndex
CREATE INDEX "PenaltyRuleVersion_setById_idx" ON "PenaltyRuleVersion"("setById");

-- CreateIndex
CREATE INDEX "PenaltyProposal_year_month_idx" ON "PenaltyProposal"("year", "month");

-- CreateIndex
CREATE INDEX "PenaltyProposal_status_idx" ON "PenaltyProposal"("status");

-- CreateIndex
CREATE INDEX "PenaltyProposal_ruleVersionId_idx" ON "PenaltyProposal"("ruleVersionId");

-- CreateIndex
CREATE INDEX "PenaltyProposal_problemId_idx" ON "PenaltyProposal"("problemId");

-- CreateIndex
CREATE INDEX "PenaltyProposal_decidedById_idx" ON "PenaltyProposal"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "PenaltyProposal_districtId_episodeKey_key" ON "PenaltyProposal"("districtId", "episodeKey");

-- CreateIndex
CREATE UNIQUE INDEX "PenaltyDecision_proposalId_key" ON "PenaltyDecision"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "PenaltyDecision_number_key" ON "PenaltyDecision"("number");

-- CreateIndex
CREATE INDEX "PenaltyDecision_districtId_idx" ON "PenaltyDecision"("districtId");

-- CreateIndex
CREATE INDEX "PenaltyDecision_paidRecordedById_idx" ON "PenaltyDecision"("paidRecordedById");

-- CreateIndex
CREATE UNIQUE INDEX "PenaltyDecision_year_seq_key" ON "PenaltyDecision"("year", "seq");

-- CreateIndex
CREATE INDEX "PenaltySuspension_decisionId_idx" ON "PenaltySuspension"("decisionId");

-- CreateIndex
CREATE INDEX "PenaltySuspension_districtId_kind_idx" ON "PenaltySuspension"("districtId", "kind");

-- AddForeignKey
ALTER TABLE "PenaltyRuleVersion" ADD CONSTRAINT "PenaltyRuleVersion_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltyProposal" ADD CONSTRAINT "PenaltyProposal_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltyProposal" ADD CONSTRAINT "PenaltyProposal_ruleVersionId_fkey" FOREIGN KEY ("ruleVersionId") REFERENCES "PenaltyRuleVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltyProposal" ADD CONSTRAINT "PenaltyProposal_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltyProposal" ADD CONSTRAINT "PenaltyProposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltyDecision" ADD CONSTRAINT "PenaltyDecision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "PenaltyProposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltyDecision" ADD CONSTRAINT "PenaltyDecision_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltyDecision" ADD CONSTRAINT "PenaltyDecision_paidRecordedById_fkey" FOREIGN KEY ("paidRecordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltySuspension" ADD CONSTRAINT "PenaltySuspension_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "PenaltyDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltySuspension" ADD CONSTRAINT "PenaltySuspension_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The penaltyRules setting becomes the first version of the rules, effective from the Wuxi rules' start
INSERT INTO "PenaltyRuleVersion" ("id", "effectiveFrom", "rules", "reason", "setAt")
SELECT gen_random_uuid(), '2021-09', COALESCE((SELECT "value" FROM "Setting" WHERE "key" = 'penaltyRules'), '{}'::jsonb), '无锡市惩戒办法（2021年9月起施行）', now()
WHERE NOT EXISTS (SELECT 1 FROM "PenaltyRuleVersion");

DELETE FROM "Setting" WHERE "key" = 'penaltyRules';
