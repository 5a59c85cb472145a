-- CreateEnum
CREATE TYPE "FundingBudgetMode" AS ENUM ('equal', 'earned');

-- AlterTable
ALTER TABLE "funding_balance" ADD COLUMN     "earnedPoints" INTEGER;

-- AlterTable
ALTER TABLE "funding_round" ADD COLUMN     "budgetMode" "FundingBudgetMode" NOT NULL DEFAULT 'equal',
ADD COLUMN     "earnedRule" JSONB;
