-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[];
