-- CreateEnum
CREATE TYPE "need_status" AS ENUM ('proposed', 'open', 'funded', 'in_progress', 'done', 'verified', 'cancelled');

-- CreateEnum
CREATE TYPE "need_source" AS ENUM ('manual', 'document', 'chat');

-- CreateEnum
CREATE TYPE "funding_mechanism" AS ENUM ('direct', 'quadratic');

-- CreateEnum
CREATE TYPE "funding_round_status" AS ENUM ('open', 'closed');

-- CreateTable
CREATE TABLE "need" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "effortHours" INTEGER NOT NULL,
    "goal" INTEGER NOT NULL,
    "stretchGoal" INTEGER,
    "dueDate" TIMESTAMP(3),
    "status" "need_status" NOT NULL DEFAULT 'proposed',
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "pledged" INTEGER NOT NULL DEFAULT 0,
    "bountyTotal" INTEGER NOT NULL DEFAULT 0,
    "source" "need_source" NOT NULL DEFAULT 'manual',
    "sourceRef" TEXT,
    "sourceQuote" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "need_assignee" (
    "needId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "need_assignee_pkey" PRIMARY KEY ("needId","userId")
);

-- CreateTable
CREATE TABLE "need_transition" (
    "id" BIGSERIAL NOT NULL,
    "needId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "from" "need_status",
    "to" "need_status" NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "need_transition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "need_comment" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "need_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "need_checklist_item" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "need_checklist_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funding_round" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "budgetPerMember" INTEGER NOT NULL,
    "memberCapPerNeed" INTEGER,
    "minimumGoal" INTEGER NOT NULL DEFAULT 1,
    "allowStretch" BOOLEAN NOT NULL DEFAULT false,
    "mechanism" "funding_mechanism" NOT NULL DEFAULT 'direct',
    "matchingPool" INTEGER NOT NULL DEFAULT 0,
    "capRatio" DOUBLE PRECISION,
    "status" "funding_round_status" NOT NULL DEFAULT 'open',
    "results" JSONB,
    "createdById" TEXT NOT NULL,
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "funding_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funding_balance" (
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "granted" INTEGER NOT NULL,
    "spent" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "funding_balance_pkey" PRIMARY KEY ("roundId","userId")
);

-- CreateTable
CREATE TABLE "pledge" (
    "roundId" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pledge_pkey" PRIMARY KEY ("roundId","needId","userId")
);

-- CreateTable
CREATE TABLE "pledge_event" (
    "id" BIGSERIAL NOT NULL,
    "roundId" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "amountAfter" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pledge_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "need_bounty" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "need_bounty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "thanks" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "needId" TEXT,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "thanks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points_entry" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "needId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "need_projectId_status_idx" ON "need"("projectId", "status");

-- CreateIndex
CREATE INDEX "need_communityId_featured_status_idx" ON "need"("communityId", "featured", "status");

-- CreateIndex
CREATE INDEX "need_assignee_userId_idx" ON "need_assignee"("userId");

-- CreateIndex
CREATE INDEX "need_transition_needId_at_idx" ON "need_transition"("needId", "at");

-- CreateIndex
CREATE INDEX "need_comment_needId_createdAt_idx" ON "need_comment"("needId", "createdAt");

-- CreateIndex
CREATE INDEX "need_checklist_item_needId_position_idx" ON "need_checklist_item"("needId", "position");

-- CreateIndex
CREATE INDEX "funding_round_communityId_createdAt_idx" ON "funding_round"("communityId", "createdAt");

-- CreateIndex
CREATE INDEX "funding_balance_userId_idx" ON "funding_balance"("userId");

-- CreateIndex
CREATE INDEX "pledge_needId_idx" ON "pledge"("needId");

-- CreateIndex
CREATE INDEX "pledge_userId_idx" ON "pledge"("userId");

-- CreateIndex
CREATE INDEX "pledge_event_roundId_at_idx" ON "pledge_event"("roundId", "at");

-- CreateIndex
CREATE INDEX "need_bounty_needId_idx" ON "need_bounty"("needId");

-- CreateIndex
CREATE INDEX "thanks_toId_createdAt_idx" ON "thanks"("toId", "createdAt");

-- CreateIndex
CREATE INDEX "thanks_fromId_createdAt_idx" ON "thanks"("fromId", "createdAt");

-- CreateIndex
CREATE INDEX "points_entry_userId_at_idx" ON "points_entry"("userId", "at");

-- CreateIndex
CREATE INDEX "points_entry_communityId_at_idx" ON "points_entry"("communityId", "at");

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need_assignee" ADD CONSTRAINT "need_assignee_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need_transition" ADD CONSTRAINT "need_transition_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need_comment" ADD CONSTRAINT "need_comment_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need_checklist_item" ADD CONSTRAINT "need_checklist_item_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding_round" ADD CONSTRAINT "funding_round_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding_balance" ADD CONSTRAINT "funding_balance_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "funding_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "funding_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge_event" ADD CONSTRAINT "pledge_event_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "funding_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need_bounty" ADD CONSTRAINT "need_bounty_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: money-like invariants the services rely on, guarded by the database too.
ALTER TABLE "need" ADD CONSTRAINT "need_amounts_check" CHECK (
  "goal" > 0 AND "effortHours" > 0 AND "pledged" >= 0 AND "bountyTotal" >= 0
  AND ("stretchGoal" IS NULL OR "stretchGoal" > "goal")
);
ALTER TABLE "funding_round" ADD CONSTRAINT "funding_round_rules_check" CHECK (
  "budgetPerMember" >= 0 AND "matchingPool" >= 0 AND "minimumGoal" >= 1
  AND ("memberCapPerNeed" IS NULL OR "memberCapPerNeed" > 0)
  AND ("capRatio" IS NULL OR ("capRatio" > 0 AND "capRatio" <= 1))
  AND "closesAt" > "opensAt"
);
ALTER TABLE "funding_balance" ADD CONSTRAINT "funding_balance_spent_check" CHECK ("granted" >= 0 AND "spent" >= 0 AND "spent" <= "granted");
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_amount_check" CHECK ("amount" > 0);
ALTER TABLE "pledge_event" ADD CONSTRAINT "pledge_event_amount_check" CHECK ("amountAfter" >= 0 AND "delta" <> 0);
ALTER TABLE "need_bounty" ADD CONSTRAINT "need_bounty_points_check" CHECK ("points" > 0);
ALTER TABLE "thanks" ADD CONSTRAINT "thanks_not_self_check" CHECK ("fromId" <> "toId");

-- One open round per community at a time.
CREATE UNIQUE INDEX "funding_round_one_open_idx" ON "funding_round"("communityId") WHERE "status" = 'open';

-- The ledgers are append-only (rows go only when their round is deleted, by the cascade).
CREATE FUNCTION "append_only_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER "pledge_event_append_only" BEFORE UPDATE OR DELETE ON "pledge_event" FOR EACH ROW EXECUTE FUNCTION "append_only_guard"();
CREATE TRIGGER "points_entry_append_only" BEFORE UPDATE OR DELETE ON "points_entry" FOR EACH ROW EXECUTE FUNCTION "append_only_guard"();
