/*
  Warnings:

  - A unique constraint covering the columns `[datasetId]` on the table `experiment` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "experiment" ADD COLUMN     "archivingAt" TIMESTAMP(3),
ADD COLUMN     "datasetId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "experiment_datasetId_key" ON "experiment"("datasetId");
