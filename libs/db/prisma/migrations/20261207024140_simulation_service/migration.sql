-- CreateEnum
CREATE TYPE "experiment_status" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "experiment_run_status" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "experiment" (
    "id" UUID NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "design" JSONB NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "rootSeed" BIGINT NOT NULL,
    "totalRuns" INTEGER NOT NULL,
    "status" "experiment_status" NOT NULL DEFAULT 'queued',
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "experiment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "experiment_run" (
    "id" UUID NOT NULL,
    "experimentId" UUID NOT NULL,
    "conditionIndex" INTEGER NOT NULL,
    "repetition" INTEGER NOT NULL,
    "parameters" JSONB NOT NULL,
    "seed" BIGINT NOT NULL,
    "status" "experiment_run_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "progressTick" INTEGER NOT NULL DEFAULT 0,
    "checkpoint" BYTEA,
    "checkpointTick" INTEGER,
    "summary" JSONB,
    "series" BYTEA,
    "error" TEXT,
    "workerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "computeMs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "experiment_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "experiment_ownerId_createdAt_idx" ON "experiment"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "experiment_ownerId_idempotencyKey_key" ON "experiment"("ownerId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "experiment_run_experimentId_status_idx" ON "experiment_run"("experimentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "experiment_run_experimentId_conditionIndex_repetition_key" ON "experiment_run"("experimentId", "conditionIndex", "repetition");

-- AddForeignKey
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiment_run" ADD CONSTRAINT "experiment_run_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
