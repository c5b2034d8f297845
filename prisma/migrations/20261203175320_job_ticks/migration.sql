-- CreateTable
CREATE TABLE "JobTick" (
    "queue" TEXT NOT NULL,
    "tick" TIMESTAMP(3) NOT NULL,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobTick_pkey" PRIMARY KEY ("queue","tick")
);

