-- AlterTable
ALTER TABLE "ReadingProgress" ADD COLUMN "reportedAt" DATETIME;

-- CreateTable
CREATE TABLE "SectionDwell" (
    "progressId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("progressId", "sectionId"),
    CONSTRAINT "SectionDwell_progressId_fkey" FOREIGN KEY ("progressId") REFERENCES "ReadingProgress" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SectionDwell_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SectionDwell_sectionId_idx" ON "SectionDwell"("sectionId");
