/*
  Warnings:

  - A unique constraint covering the columns `[datasetId]` on the table `twin_calibration` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "experiment" ADD COLUMN     "twinCalibrationId" UUID;

-- AlterTable
ALTER TABLE "twin_calibration" ADD COLUMN     "archivingAt" TIMESTAMP(3),
ADD COLUMN     "datasetId" TEXT;

-- CreateTable
CREATE TABLE "community_case_link" (
    "communityId" TEXT NOT NULL,
    "caseId" INTEGER NOT NULL,
    "linkedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "community_case_link_pkey" PRIMARY KEY ("communityId")
);

-- CreateIndex
CREATE INDEX "community_case_link_caseId_idx" ON "community_case_link"("caseId");

-- CreateIndex
CREATE INDEX "experiment_twinCalibrationId_idx" ON "experiment"("twinCalibrationId");

-- CreateIndex
CREATE UNIQUE INDEX "twin_calibration_datasetId_key" ON "twin_calibration"("datasetId");

-- AddForeignKey
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_twinCalibrationId_fkey" FOREIGN KEY ("twinCalibrationId") REFERENCES "twin_calibration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_case_link" ADD CONSTRAINT "community_case_link_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_case_link" ADD CONSTRAINT "community_case_link_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "directory_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma's schema cannot express it): at most one calibrating or forecasting
-- calibration per community, so two concurrent starts cannot both pass the "already running"
-- check. Older duplicates left by that race are failed first.
UPDATE "twin_calibration" t
   SET "status" = 'failed', "error" = 'Superseded: another calibration of this community was running.', "finishedAt" = CURRENT_TIMESTAMP
 WHERE t."status" IN ('calibrating', 'forecasting')
   AND EXISTS (SELECT 1 FROM "twin_calibration" o
                WHERE o."communityId" = t."communityId" AND o."status" IN ('calibrating', 'forecasting')
                  AND (o."createdAt", o."id") > (t."createdAt", t."id"));
CREATE UNIQUE INDEX "twin_calibration_one_active_idx" ON "twin_calibration"("communityId") WHERE "status" IN ('calibrating', 'forecasting');

-- The experiments calibrations created before this migration (idempotency key twin-<id>-<batch>).
UPDATE "experiment" e
   SET "twinCalibrationId" = t."id"
  FROM "twin_calibration" t
 WHERE e."ownerId" = t."createdById" AND e."idempotencyKey" LIKE 'twin-' || t."id"::text || '-%';
