-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "outline" TEXT NOT NULL DEFAULT '';
