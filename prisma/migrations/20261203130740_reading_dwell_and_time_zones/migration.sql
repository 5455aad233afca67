-- AlterTable
ALTER TABLE "ReadingProgress" ADD COLUMN "reportedAt" DATETIME;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;

-- CreateTable
CREATE TABLE "SectionDwell" (
    "progressId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("progressId", "sectionId"),
    CONSTRAINT "SectionDwell_progressId_fkey" FOREIGN KEY ("progressId") REFERENCES "ReadingProgress" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SectionDwell_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Class" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "joinCodeExpiresAt" DATETIME,
    "instructorId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME,
    CONSTRAINT "Class_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Class" ("archivedAt", "createdAt", "id", "instructorId", "joinCode", "joinCodeExpiresAt", "name") SELECT "archivedAt", "createdAt", "id", "instructorId", "joinCode", "joinCodeExpiresAt", "name" FROM "Class";
DROP TABLE "Class";
ALTER TABLE "new_Class" RENAME TO "Class";
CREATE UNIQUE INDEX "Class_joinCode_key" ON "Class"("joinCode");
CREATE INDEX "Class_instructorId_idx" ON "Class"("instructorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SectionDwell_sectionId_idx" ON "SectionDwell"("sectionId");
