-- CreateTable
CREATE TABLE "PenaltyEvaluationState" (
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PenaltyEvaluationState_pkey" PRIMARY KEY ("year","month")
);

