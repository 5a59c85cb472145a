-- Community health (issue 9): membership joins and leaves, kept by triggers on community_membership.

-- CreateEnum
CREATE TYPE "membership_event_kind" AS ENUM ('join', 'leave');

-- CreateTable
CREATE TABLE "membership_event" (
    "id" BIGSERIAL NOT NULL,
    "communityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "membership_event_kind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "membership_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "membership_event_communityId_at_idx" ON "membership_event"("communityId", "at");

-- AddForeignKey
ALTER TABLE "membership_event" ADD CONSTRAINT "membership_event_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A membership that becomes active is a join (at its creation time when inserted active, so seeds
-- and imports with a past createdAt keep their history); an active membership that ends is a
-- leave. Requests (status 'requested') are not members yet. When the whole community is being
-- deleted its events go with it, so no leave is written for a community that no longer exists.
CREATE FUNCTION membership_event_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'active' THEN
      INSERT INTO membership_event ("communityId", "userId", kind, at) VALUES (NEW."communityId", NEW."userId", 'join', NEW."createdAt");
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD.status <> 'active' AND NEW.status = 'active' THEN
      INSERT INTO membership_event ("communityId", "userId", kind, at) VALUES (NEW."communityId", NEW."userId", 'join', now());
    ELSIF OLD.status = 'active' AND NEW.status <> 'active' THEN
      INSERT INTO membership_event ("communityId", "userId", kind, at) VALUES (NEW."communityId", NEW."userId", 'leave', now());
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.status = 'active' AND EXISTS (SELECT 1 FROM community WHERE id = OLD."communityId") THEN
      INSERT INTO membership_event ("communityId", "userId", kind, at) VALUES (OLD."communityId", OLD."userId", 'leave', now());
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER membership_event_record
  AFTER INSERT OR UPDATE OF status OR DELETE ON "community_membership"
  FOR EACH ROW EXECUTE FUNCTION membership_event_record();

-- Backfill: every current active membership joined when it was created.
INSERT INTO membership_event ("communityId", "userId", kind, at)
  SELECT "communityId", "userId", 'join', "createdAt" FROM "community_membership" WHERE status = 'active';
