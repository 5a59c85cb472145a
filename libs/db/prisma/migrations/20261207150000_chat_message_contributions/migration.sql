-- Chat messages in the contribution ledger (issue 7). From now on the chat repository writes a
-- `chat.message` row in the same statement as each message of a community or project channel
-- (not direct messages), and a deletion appends a `chat.message.retract` row. No schema change:
-- this backfills the messages posted before, so the health dashboard can read only the ledger.
-- Messages already deleted are left out (a posting and its retraction would cancel out).
INSERT INTO "contribution_event" ("userId", "communityId", "projectId", "kind", "weight", "ref", "at")
SELECT m."authorId", c."communityId", c."projectId", 'chat.message', 1,
       jsonb_build_object('messageId', m."id", 'channelId', m."channelId", 'clientId', m."clientId", 'backfilled', true)
         || CASE WHEN m."threadRootId" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('threadRootId', m."threadRootId") END,
       m."createdAt"
  FROM "chat_message" m
  JOIN "chat_channel" c ON c."id" = m."channelId"
 WHERE c."kind" <> 'direct' AND c."communityId" IS NOT NULL AND m."deletedAt" IS NULL
   AND NOT EXISTS (
     SELECT 1 FROM "contribution_event" e
      WHERE e."userId" = m."authorId" AND e."kind" = 'chat.message' AND e."ref"->>'messageId' = m."id");
