-- CreateIndex
CREATE INDEX "Evaluation_createdAt_idx" ON "Evaluation"("createdAt");

-- CreateIndex
CREATE INDEX "Model_updatedAt_idx" ON "Model"("updatedAt");

-- CreateIndex
CREATE INDEX "Submission_updatedAt_idx" ON "Submission"("updatedAt");
