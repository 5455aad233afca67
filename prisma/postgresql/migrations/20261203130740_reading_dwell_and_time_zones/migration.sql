-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "ReadingProgress" ADD COLUMN     "reportedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT;

-- CreateTable
CREATE TABLE "SectionDwell" (
    "progressId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SectionDwell_pkey" PRIMARY KEY ("progressId","sectionId")
);

-- CreateIndex
CREATE INDEX "SectionDwell_sectionId_idx" ON "SectionDwell"("sectionId");

-- AddForeignKey
ALTER TABLE "SectionDwell" ADD CONSTRAINT "SectionDwell_progressId_fkey" FOREIGN KEY ("progressId") REFERENCES "ReadingProgress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionDwell" ADD CONSTRAINT "SectionDwell_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;
