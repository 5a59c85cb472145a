-- AlterTable
ALTER TABLE "need_transition" ALTER COLUMN "actorId" DROP NOT NULL;
