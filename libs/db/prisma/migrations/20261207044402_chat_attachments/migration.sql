-- Chat attachments: bodies stored once per sha256 (like the archive's dataset_blob), one row per upload.

-- CreateTable
CREATE TABLE "chat_blob" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_blob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "chat_attachment" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "messageId" TEXT,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "chat_attachment_channelId_idx" ON "chat_attachment"("channelId");

-- CreateIndex
CREATE INDEX "chat_attachment_messageId_idx" ON "chat_attachment"("messageId");

-- CreateIndex
CREATE INDEX "chat_attachment_sha256_idx" ON "chat_attachment"("sha256");

-- CreateIndex
CREATE INDEX "chat_attachment_uploadedById_createdAt_idx" ON "chat_attachment"("uploadedById", "createdAt");

-- AddForeignKey
ALTER TABLE "chat_attachment" ADD CONSTRAINT "chat_attachment_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "chat_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_attachment" ADD CONSTRAINT "chat_attachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "chat_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_attachment" ADD CONSTRAINT "chat_attachment_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "chat_blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
