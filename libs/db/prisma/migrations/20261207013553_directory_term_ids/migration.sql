-- AlterTable
ALTER TABLE "directory_case" ADD COLUMN     "termIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- AlterTable
ALTER TABLE "directory_term" ADD COLUMN     "createdById" TEXT;

-- Backfill: each case's term ids from its CaseTerm rows (the case repository writes both from now on).
UPDATE "directory_case" c SET "termIds" = t.ids
FROM (SELECT "caseId", array_agg("termId" ORDER BY "termId") AS ids FROM "directory_case_term" GROUP BY "caseId") t
WHERE t."caseId" = c.id;

-- CreateIndex
CREATE INDEX "directory_case_termIds_idx" ON "directory_case" USING GIN ("termIds");
