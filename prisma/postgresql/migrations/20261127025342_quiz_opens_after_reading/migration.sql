-- AlterTable
ALTER TABLE "QuizAssignment" ADD COLUMN     "opensAfterReading" BOOLEAN NOT NULL DEFAULT false;
