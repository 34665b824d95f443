-- CreateEnum
CREATE TYPE "ShiftedCheckState" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "shiftedCheck" "ShiftedCheckState" NOT NULL DEFAULT 'DONE',
ADD COLUMN     "shiftedCheckError" TEXT,
ADD COLUMN     "shiftedCheckAt" TIMESTAMP(3);
