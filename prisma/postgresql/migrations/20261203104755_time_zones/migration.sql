-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT;
