-- CreateTable
CREATE TABLE "notification_mute" (
    "userId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_mute_pkey" PRIMARY KEY ("userId","channelId")
);

-- CreateTable
CREATE TABLE "notification_setting" (
    "userId" TEXT NOT NULL,
    "dailyDigest" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_setting_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "notification_mute_channelId_idx" ON "notification_mute"("channelId");

-- Live badge: every change to notification rows is announced on one PostgreSQL channel, so rows
-- written by any process (web, worker, a script) reach the socket.io push without each service
-- remembering to publish. NOTIFY is delivered on commit only, so rolled-back rows are never pushed.
CREATE FUNCTION "notification_announce"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('p2pv_notification', json_build_object('op', 'new', 'userId', n."userId", 'id', n."id", 'kind', n."kind")::text)
      FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM pg_notify('p2pv_notification', json_build_object('op', 'changed', 'userId', u."userId")::text)
      FROM (SELECT DISTINCT "userId" FROM new_rows) u;
  ELSE
    PERFORM pg_notify('p2pv_notification', json_build_object('op', 'changed', 'userId', u."userId")::text)
      FROM (SELECT DISTINCT "userId" FROM old_rows) u;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "notification_inserted" AFTER INSERT ON "notification"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notification_announce"();
CREATE TRIGGER "notification_updated" AFTER UPDATE ON "notification"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notification_announce"();
CREATE TRIGGER "notification_deleted" AFTER DELETE ON "notification"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "notification_announce"();
