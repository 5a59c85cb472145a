-- Hand-written (before the generated part): extensions, the accent-insensitive text search
-- configuration and the unaccent helper.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- `simple` (no stemming: the directory is multilingual) + unaccent, so "Lavapies" finds "Lavapiés".
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'directory_search') THEN
    CREATE TEXT SEARCH CONFIGURATION directory_search (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION directory_search
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
  END IF;
END
$$;

-- unaccent() is STABLE (its dictionary could change); naming the dictionary explicitly makes the
-- result fixed, so it may be used in index expressions and queries that want an index.
CREATE OR REPLACE FUNCTION directory_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

-- CreateEnum
CREATE TYPE "directory_vocabulary" AS ENUM ('organisationType', 'legalEntity', 'activityType', 'collaborationType', 'resourceType', 'licence', 'scope', 'language');

-- CreateEnum
CREATE TYPE "case_size_band" AS ENUM ('individual', 'small', 'medium', 'large', 'very_large');

-- CreateEnum
CREATE TYPE "case_status" AS ENUM ('active', 'inactive');

-- CreateEnum
CREATE TYPE "case_revision_status" AS ENUM ('proposed', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "case_revision_kind" AS ENUM ('create', 'update', 'revert');

-- CreateEnum
CREATE TYPE "dataset_version_status" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "directory_case" (
    "id" SERIAL NOT NULL,
    "nid" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "homepage" TEXT,
    "socialAccounts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "email" TEXT,
    "contactPage" TEXT,
    "address" TEXT,
    "yearFounded" INTEGER,
    "phone" TEXT,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "otherInformation" TEXT,
    "governance" TEXT,
    "sizeBand" "case_size_band",
    "country" TEXT,
    "status" "case_status",
    "statusDate" DATE,
    "postedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector,
    "nameSearch" TEXT,

    CONSTRAINT "directory_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directory_term" (
    "id" SERIAL NOT NULL,
    "vocabulary" "directory_vocabulary" NOT NULL,
    "label" TEXT NOT NULL,
    "normalised" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directory_term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directory_case_term" (
    "caseId" INTEGER NOT NULL,
    "termId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "directory_case_term_pkey" PRIMARY KEY ("caseId","termId")
);

-- CreateTable
CREATE TABLE "directory_case_revision" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER,
    "kind" "case_revision_kind" NOT NULL,
    "status" "case_revision_status" NOT NULL,
    "authorId" TEXT,
    "diff" JSONB NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT,
    "reviewerId" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "revertOfId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directory_case_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset" (
    "id" TEXT NOT NULL,
    "conceptId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_version" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "status" "dataset_version_status" NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "creators" JSONB NOT NULL DEFAULT '[]',
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "licence" TEXT NOT NULL,
    "provenance" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "dataset_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_blob" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_blob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "dataset_file" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "tableSchema" JSONB,
    "preview" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_case" (
    "versionId" TEXT NOT NULL,
    "caseId" INTEGER NOT NULL,

    CONSTRAINT "dataset_case_pkey" PRIMARY KEY ("versionId","caseId")
);

-- CreateIndex
CREATE UNIQUE INDEX "directory_case_nid_key" ON "directory_case"("nid");

-- CreateIndex
CREATE INDEX "directory_case_search_idx" ON "directory_case" USING GIN ("search");

-- CreateIndex
CREATE INDEX "directory_case_nameSearch_idx" ON "directory_case" USING GIN ("nameSearch" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "directory_case_keywords_idx" ON "directory_case" USING GIN ("keywords");

-- CreateIndex
CREATE INDEX "directory_case_yearFounded_idx" ON "directory_case"("yearFounded");

-- CreateIndex
CREATE INDEX "directory_case_name_idx" ON "directory_case"("name");

-- CreateIndex
CREATE UNIQUE INDEX "directory_term_vocabulary_normalised_key" ON "directory_term"("vocabulary", "normalised");

-- CreateIndex
CREATE INDEX "directory_case_term_termId_caseId_idx" ON "directory_case_term"("termId", "caseId");

-- CreateIndex
CREATE INDEX "directory_case_revision_caseId_createdAt_idx" ON "directory_case_revision"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "directory_case_revision_status_createdAt_idx" ON "directory_case_revision"("status", "createdAt");

-- CreateIndex
CREATE INDEX "directory_case_revision_authorId_createdAt_idx" ON "directory_case_revision"("authorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_conceptId_key" ON "dataset"("conceptId");

-- CreateIndex
CREATE INDEX "dataset_ownerId_idx" ON "dataset"("ownerId");

-- CreateIndex
CREATE INDEX "dataset_version_status_publishedAt_idx" ON "dataset_version"("status", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_version_datasetId_n_key" ON "dataset_version"("datasetId", "n");

-- CreateIndex
CREATE INDEX "dataset_file_sha256_idx" ON "dataset_file"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_file_versionId_name_key" ON "dataset_file"("versionId", "name");

-- CreateIndex
CREATE INDEX "dataset_case_caseId_idx" ON "dataset_case"("caseId");

-- AddForeignKey
ALTER TABLE "directory_case_term" ADD CONSTRAINT "directory_case_term_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "directory_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directory_case_term" ADD CONSTRAINT "directory_case_term_termId_fkey" FOREIGN KEY ("termId") REFERENCES "directory_term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directory_case_revision" ADD CONSTRAINT "directory_case_revision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "directory_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_version" ADD CONSTRAINT "dataset_version_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_file" ADD CONSTRAINT "dataset_file_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_file" ADD CONSTRAINT "dataset_file_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "dataset_blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_case" ADD CONSTRAINT "dataset_case_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_case" ADD CONSTRAINT "dataset_case_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "directory_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (after the generated part).
-- `search` and `nameSearch` are kept by a trigger rather than being GENERATED columns: Prisma
-- reads a generation expression as a column default and every later migration would try to drop it.
CREATE OR REPLACE FUNCTION directory_case_search_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" :=
    setweight(to_tsvector('directory_search'::regconfig, coalesce(NEW."name", '')), 'A') ||
    setweight(to_tsvector('directory_search'::regconfig, coalesce(array_to_string(NEW."keywords", ' '), '')), 'B') ||
    setweight(to_tsvector('directory_search'::regconfig, coalesce(NEW."description", '')), 'C') ||
    setweight(to_tsvector('directory_search'::regconfig, coalesce(NEW."otherInformation", '') || ' ' || coalesce(NEW."address", '')), 'D');
  NEW."nameSearch" := lower(directory_unaccent(NEW."name"));
  RETURN NEW;
END
$$;

CREATE TRIGGER directory_case_search_fields BEFORE INSERT OR UPDATE ON "directory_case"
  FOR EACH ROW EXECUTE FUNCTION directory_case_search_fields();

-- Cases created here (not imported) draw nids far above the Drupal node ids of the 2016 export.
ALTER SEQUENCE "directory_case_nid_seq" RESTART WITH 1000000;

-- A published data-set version is frozen: its metadata, files and case links cannot change.
CREATE OR REPLACE FUNCTION dataset_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  version_id text;
  version_status dataset_version_status;
BEGIN
  IF TG_TABLE_NAME = 'dataset_version' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'dataset version % is published and cannot change', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  version_id := CASE WHEN TG_OP = 'DELETE' THEN OLD."versionId" ELSE NEW."versionId" END;
  SELECT status INTO version_status FROM dataset_version WHERE id = version_id;
  IF version_status = 'published' THEN
    RAISE EXCEPTION 'dataset version % is published and cannot change', version_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER dataset_version_frozen BEFORE UPDATE OR DELETE ON "dataset_version"
  FOR EACH ROW EXECUTE FUNCTION dataset_version_frozen();
CREATE TRIGGER dataset_file_frozen BEFORE INSERT OR UPDATE OR DELETE ON "dataset_file"
  FOR EACH ROW EXECUTE FUNCTION dataset_version_frozen();
CREATE TRIGGER dataset_case_frozen BEFORE INSERT OR UPDATE OR DELETE ON "dataset_case"
  FOR EACH ROW EXECUTE FUNCTION dataset_version_frozen();
