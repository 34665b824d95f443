-- The new unique key on Evaluation adds a column to the old one, so no existing rows can collide.
-- CreateEnum
CREATE TYPE "RescoreItemStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');

-- DropIndex
DROP INDEX "Evaluation_submissionId_scorerVersion_key";

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "run" TEXT NOT NULL DEFAULT 'submission';

-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "disqualifiedAt" TIMESTAMP(3),
ADD COLUMN     "disqualifiedReason" TEXT;

-- AlterTable
ALTER TABLE "RescoreBatch" ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "scorerVersion" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "disqualifiedReason" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RescoreItem" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "status" "RescoreItemStatus" NOT NULL DEFAULT 'QUEUED',
    "statusReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "workerId" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "oldAccuracy" DOUBLE PRECISION,
    "oldRank" INTEGER,
    "newEvaluationId" TEXT,
    "newAccuracy" DOUBLE PRECISION,
    "newRank" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RescoreItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RescoreItem_status_heartbeatAt_idx" ON "RescoreItem"("status", "heartbeatAt");

-- CreateIndex
CREATE INDEX "RescoreItem_submissionId_idx" ON "RescoreItem"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "RescoreItem_batchId_submissionId_key" ON "RescoreItem"("batchId", "submissionId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_submissionId_scorerVersion_run_key" ON "Evaluation"("submissionId", "scorerVersion", "run");

-- CreateIndex
CREATE INDEX "RescoreBatch_createdAt_idx" ON "RescoreBatch"("createdAt");

-- CreateIndex
CREATE INDEX "Submission_finishedAt_idx" ON "Submission"("finishedAt");

-- AddForeignKey
ALTER TABLE "RescoreItem" ADD CONSTRAINT "RescoreItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "RescoreBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RescoreItem" ADD CONSTRAINT "RescoreItem_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RescoreItem" ADD CONSTRAINT "RescoreItem_newEvaluationId_fkey" FOREIGN KEY ("newEvaluationId") REFERENCES "Evaluation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
