-- RedefineTables
-- Attempt gains "outline", and "snapshot" becomes the last column. SQLite stores a row's columns
-- one after another and a snapshot (tens of kilobytes) spills onto overflow pages: reading any
-- column stored after it (score, maxScore, needsGrading) walked the whole overflow chain, so a
-- class's gradebook read every snapshot without selecting one. Rebuilt rather than altered, so
-- the columns every list reads come before it.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizAssignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'in-progress',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" DATETIME,
    "submittedAt" DATETIME,
    "score" REAL,
    "maxScore" REAL NOT NULL,
    "needsGrading" BOOLEAN NOT NULL DEFAULT false,
    "outline" TEXT NOT NULL DEFAULT '',
    "snapshot" TEXT NOT NULL,
    CONSTRAINT "Attempt_quizAssignmentId_fkey" FOREIGN KEY ("quizAssignmentId") REFERENCES "QuizAssignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("id", "quizAssignmentId", "userId", "number", "status", "startedAt", "deadlineAt", "submittedAt", "score", "maxScore", "needsGrading", "snapshot") SELECT "id", "quizAssignmentId", "userId", "number", "status", "startedAt", "deadlineAt", "submittedAt", "score", "maxScore", "needsGrading", "snapshot" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_userId_idx" ON "Attempt"("userId");
CREATE UNIQUE INDEX "Attempt_quizAssignmentId_userId_number_key" ON "Attempt"("quizAssignmentId", "userId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
