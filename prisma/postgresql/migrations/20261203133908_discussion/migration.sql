-- CreateTable
CREATE TABLE "DiscussionSettings" (
    "assignmentId" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'class',
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiscussionSettings_pkey" PRIMARY KEY ("assignmentId")
);

-- CreateTable
CREATE TABLE "DiscussionGroup" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "DiscussionGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscussionGroupMember" (
    "groupId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "DiscussionGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "DiscussionPrompt" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "paragraphAnchor" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "requireClaim" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiscussionPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "promptId" TEXT,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "paragraphAnchor" TEXT NOT NULL,
    "quoteExact" TEXT,
    "quotePrefix" TEXT,
    "quoteSuffix" TEXT,
    "quoteStart" INTEGER,
    "quoteEnd" INTEGER,
    "citedAnchors" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "pinnedAt" TIMESTAMP(3),
    "endorsedAt" TIMESTAMP(3),

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpfulMark" (
    "annotationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelpfulMark_pkey" PRIMARY KEY ("annotationId","userId")
);

-- CreateIndex
CREATE INDEX "DiscussionGroup_assignmentId_idx" ON "DiscussionGroup"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "DiscussionGroupMember_assignmentId_userId_key" ON "DiscussionGroupMember"("assignmentId", "userId");

-- CreateIndex
CREATE INDEX "DiscussionPrompt_assignmentId_idx" ON "DiscussionPrompt"("assignmentId");

-- CreateIndex
CREATE INDEX "Annotation_assignmentId_createdAt_idx" ON "Annotation"("assignmentId", "createdAt");

-- CreateIndex
CREATE INDEX "Annotation_assignmentId_authorId_createdAt_idx" ON "Annotation"("assignmentId", "authorId", "createdAt");

-- CreateIndex
CREATE INDEX "Annotation_parentId_idx" ON "Annotation"("parentId");

-- CreateIndex
CREATE INDEX "Annotation_promptId_idx" ON "Annotation"("promptId");

-- CreateIndex
CREATE INDEX "HelpfulMark_userId_idx" ON "HelpfulMark"("userId");

-- AddForeignKey
ALTER TABLE "DiscussionSettings" ADD CONSTRAINT "DiscussionSettings_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionGroup" ADD CONSTRAINT "DiscussionGroup_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionGroupMember" ADD CONSTRAINT "DiscussionGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DiscussionGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionGroupMember" ADD CONSTRAINT "DiscussionGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionPrompt" ADD CONSTRAINT "DiscussionPrompt_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "DiscussionPrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpfulMark" ADD CONSTRAINT "HelpfulMark_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpfulMark" ADD CONSTRAINT "HelpfulMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
