-- CreateTable
CREATE TABLE "LiveSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "currentMomentId" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    CONSTRAINT "LiveSession_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveSession_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveSession_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveMoment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "anchor" TEXT,
    "questionId" TEXT,
    "question" TEXT,
    "prompt" TEXT NOT NULL DEFAULT '',
    "targetMomentId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "round" INTEGER NOT NULL DEFAULT 1,
    "shownResponseId" TEXT,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LiveMoment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveMoment_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "momentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveResponse_momentId_fkey" FOREIGN KEY ("momentId") REFERENCES "LiveMoment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveSession_code_key" ON "LiveSession"("code");

-- CreateIndex
CREATE INDEX "LiveSession_classId_idx" ON "LiveSession"("classId");

-- CreateIndex
CREATE INDEX "LiveSession_assignmentId_idx" ON "LiveSession"("assignmentId");

-- CreateIndex
CREATE INDEX "LiveMoment_questionId_idx" ON "LiveMoment"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveMoment_sessionId_position_key" ON "LiveMoment"("sessionId", "position");

-- CreateIndex
CREATE INDEX "LiveResponse_userId_idx" ON "LiveResponse"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveResponse_momentId_userId_round_key" ON "LiveResponse"("momentId", "userId", "round");
