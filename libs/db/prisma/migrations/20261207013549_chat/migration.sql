-- CreateEnum
CREATE TYPE "chat_channel_kind" AS ENUM ('general', 'project', 'custom', 'direct');

-- CreateTable
CREATE TABLE "chat_channel" (
    "id" TEXT NOT NULL,
    "kind" "chat_channel_kind" NOT NULL,
    "communityId" TEXT,
    "projectId" TEXT,
    "name" TEXT NOT NULL,
    "directKey" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_channel_member" (
    "channelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_channel_member_pkey" PRIMARY KEY ("channelId","userId")
);

-- CreateTable
CREATE TABLE "chat_message" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "threadRootId" TEXT,
    "replyCount" INTEGER NOT NULL DEFAULT 0,
    "lastReplyAt" TIMESTAMP(3),
    "mentionedIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "search" tsvector,

    CONSTRAINT "chat_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_reaction" (
    "messageId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "emoji" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_reaction_pkey" PRIMARY KEY ("messageId","userId","emoji")
);

-- CreateTable
CREATE TABLE "chat_read_state" (
    "channelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lastReadSeq" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chat_read_state_pkey" PRIMARY KEY ("channelId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "chat_channel_projectId_key" ON "chat_channel"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "chat_channel_directKey_key" ON "chat_channel"("directKey");

-- CreateIndex
CREATE INDEX "chat_channel_communityId_kind_idx" ON "chat_channel"("communityId", "kind");

-- CreateIndex
CREATE INDEX "chat_channel_member_userId_idx" ON "chat_channel_member"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "chat_message_seq_key" ON "chat_message"("seq");

-- CreateIndex
CREATE INDEX "chat_message_channelId_seq_idx" ON "chat_message"("channelId", "seq");

-- CreateIndex
CREATE INDEX "chat_message_threadRootId_seq_idx" ON "chat_message"("threadRootId", "seq");

-- CreateIndex
CREATE INDEX "chat_message_search_idx" ON "chat_message" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "chat_message_authorId_clientId_key" ON "chat_message"("authorId", "clientId");

-- CreateIndex
CREATE INDEX "chat_read_state_userId_idx" ON "chat_read_state"("userId");

-- AddForeignKey
ALTER TABLE "chat_channel" ADD CONSTRAINT "chat_channel_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_channel" ADD CONSTRAINT "chat_channel_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_channel_member" ADD CONSTRAINT "chat_channel_member_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "chat_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_message" ADD CONSTRAINT "chat_message_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "chat_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_message" ADD CONSTRAINT "chat_message_threadRootId_fkey" FOREIGN KEY ("threadRootId") REFERENCES "chat_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_reaction" ADD CONSTRAINT "chat_reaction_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "chat_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_read_state" ADD CONSTRAINT "chat_read_state_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "chat_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what Prisma cannot express.

-- `search` is kept by a trigger rather than a GENERATED column (Prisma would try to drop and
-- re-add a generated column it cannot describe). `simple`: chat is multilingual, no stemming.
CREATE OR REPLACE FUNCTION chat_message_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := CASE WHEN NEW."deletedAt" IS NULL THEN to_tsvector('simple'::regconfig, coalesce(NEW."body", '')) ELSE NULL END;
  RETURN NEW;
END
$$;

CREATE TRIGGER chat_message_search BEFORE INSERT OR UPDATE OF "body", "deletedAt" ON "chat_message"
  FOR EACH ROW EXECUTE FUNCTION chat_message_search();

-- Every community has a general channel and every project its channel, whoever inserts the row
-- (service, seed, importer): triggers create them, and the backfill below covers existing rows.
CREATE OR REPLACE FUNCTION chat_community_channel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "chat_channel" ("id", "kind", "communityId", "name", "createdById")
    VALUES (gen_random_uuid()::text, 'general', NEW."id", 'general', NEW."createdById");
  RETURN NEW;
END
$$;

CREATE TRIGGER chat_community_channel AFTER INSERT ON "community"
  FOR EACH ROW EXECUTE FUNCTION chat_community_channel();

CREATE OR REPLACE FUNCTION chat_project_channel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "chat_channel" ("id", "kind", "communityId", "projectId", "name", "createdById")
    VALUES (gen_random_uuid()::text, 'project', NEW."communityId", NEW."id", NEW."slug", NEW."createdById")
    ON CONFLICT ("projectId") DO NOTHING;
  RETURN NEW;
END
$$;

CREATE TRIGGER chat_project_channel AFTER INSERT ON "project"
  FOR EACH ROW EXECUTE FUNCTION chat_project_channel();

INSERT INTO "chat_channel" ("id", "kind", "communityId", "name", "createdById")
  SELECT gen_random_uuid()::text, 'general', c."id", 'general', c."createdById" FROM "community" c;

INSERT INTO "chat_channel" ("id", "kind", "communityId", "projectId", "name", "createdById")
  SELECT gen_random_uuid()::text, 'project', p."communityId", p."id", p."slug", p."createdById" FROM "project" p;
