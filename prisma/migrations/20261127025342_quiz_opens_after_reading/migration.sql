-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "dueAt" DATETIME,
    "opensAfterReading" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizAssignment_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAssignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizAssignment" ("classId", "createdAt", "dueAt", "id", "quizId") SELECT "classId", "createdAt", "dueAt", "id", "quizId" FROM "QuizAssignment";
DROP TABLE "QuizAssignment";
ALTER TABLE "new_QuizAssignment" RENAME TO "QuizAssignment";
CREATE INDEX "QuizAssignment_classId_idx" ON "QuizAssignment"("classId");
CREATE UNIQUE INDEX "QuizAssignment_quizId_classId_key" ON "QuizAssignment"("quizId", "classId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
