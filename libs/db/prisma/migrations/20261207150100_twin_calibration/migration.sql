-- CreateEnum
CREATE TYPE "twin_calibration_status" AS ENUM ('calibrating', 'forecasting', 'completed', 'failed');

-- CreateTable
CREATE TABLE "twin_calibration" (
    "id" UUID NOT NULL,
    "communityId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" "twin_calibration_status" NOT NULL DEFAULT 'calibrating',
    "settings" JSONB NOT NULL,
    "setup" JSONB NOT NULL,
    "observed" JSONB NOT NULL,
    "seed" BIGINT NOT NULL,
    "state" JSONB NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "experimentId" UUID,
    "batches" INTEGER NOT NULL DEFAULT 0,
    "posterior" JSONB,
    "forecast" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "twin_calibration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "twin_calibration_communityId_createdAt_idx" ON "twin_calibration"("communityId", "createdAt");

-- AddForeignKey
ALTER TABLE "twin_calibration" ADD CONSTRAINT "twin_calibration_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
