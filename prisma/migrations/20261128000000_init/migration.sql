-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "outlet" TEXT NOT NULL,
    "url" TEXT,
    "author" TEXT,
    "publishedAt" DATETIME,
    "text" TEXT NOT NULL,
    "textSha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "role" TEXT,
    "affiliation" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ActorAlias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actorId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "normalizedAlias" TEXT NOT NULL,
    CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT
);

-- CreateTable
CREATE TABLE "Status" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "colour" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "isFinal" BOOLEAN NOT NULL,
    "ratingValue" INTEGER
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL,
    "normalizedText" TEXT NOT NULL,
    "topicId" INTEGER NOT NULL,
    "statusId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "contested" BOOLEAN NOT NULL DEFAULT false,
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "firstPublishedAt" DATETIME,
    CONSTRAINT "Claim_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "Status" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attribution" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "stance" TEXT NOT NULL,
    "verb" TEXT,
    "sourcing" TEXT NOT NULL,
    "actorRole" TEXT,
    "quote" TEXT NOT NULL,
    "quotePrefix" TEXT,
    "quoteSuffix" TEXT,
    "quoteStart" INTEGER,
    "quoteEnd" INTEGER,
    "accuracy" TEXT NOT NULL DEFAULT 'unchecked',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Attribution_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attribution_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attribution_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttributionVia" (
    "attributionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,

    PRIMARY KEY ("attributionId", "position"),
    CONSTRAINT "AttributionVia_attributionId_fkey" FOREIGN KEY ("attributionId") REFERENCES "Attribution" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AttributionVia_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");

-- CreateIndex
CREATE INDEX "Source_publishedAt_idx" ON "Source"("publishedAt");

-- CreateIndex
CREATE INDEX "Source_outlet_title_idx" ON "Source"("outlet", "title");

-- CreateIndex
CREATE INDEX "Source_textSha256_idx" ON "Source"("textSha256");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_normalizedName_key" ON "Actor"("normalizedName");

-- CreateIndex
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "ActorAlias_normalizedAlias_key" ON "ActorAlias"("normalizedAlias");

-- CreateIndex
CREATE INDEX "ActorAlias_actorId_idx" ON "ActorAlias"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_key_key" ON "Topic"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Status_key_key" ON "Status"("key");

-- CreateIndex
CREATE INDEX "Claim_statusId_updatedAt_idx" ON "Claim"("statusId", "updatedAt");

-- CreateIndex
CREATE INDEX "Claim_updatedAt_idx" ON "Claim"("updatedAt");

-- CreateIndex
CREATE INDEX "Claim_contested_updatedAt_idx" ON "Claim"("contested", "updatedAt");

-- CreateIndex
CREATE INDEX "Claim_sourceCount_idx" ON "Claim"("sourceCount");

-- CreateIndex
CREATE INDEX "Claim_firstPublishedAt_idx" ON "Claim"("firstPublishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_topicId_normalizedText_key" ON "Claim"("topicId", "normalizedText");

-- CreateIndex
CREATE INDEX "Attribution_claimId_stance_idx" ON "Attribution"("claimId", "stance");

-- CreateIndex
CREATE INDEX "Attribution_actorId_stance_idx" ON "Attribution"("actorId", "stance");

-- CreateIndex
CREATE INDEX "Attribution_sourceId_idx" ON "Attribution"("sourceId");

-- CreateIndex
CREATE INDEX "AttributionVia_actorId_idx" ON "AttributionVia"("actorId");

