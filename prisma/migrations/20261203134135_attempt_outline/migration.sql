-- AlterTable
-- Added in place (SQLite can add a column with a constant default without rebuilding the table,
-- which would copy every snapshot).
ALTER TABLE "Attempt" ADD COLUMN "outline" TEXT NOT NULL DEFAULT '';
