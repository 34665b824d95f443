-- CreateTable
CREATE TABLE "ConsensusMember" (
    "dataset" "Dataset" NOT NULL,
    "modelId" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "isStrong" BOOLEAN NOT NULL,
    "accuracy" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsensusMember_pkey" PRIMARY KEY ("dataset","modelId")
);

-- CreateTable
CREATE TABLE "ImageConsensus" (
    "dataset" "Dataset" NOT NULL,
    "imageIndex" INTEGER NOT NULL,
    "label" INTEGER NOT NULL,
    "votes" INTEGER[],
    "strongVotes" INTEGER[],
    "modelsCounted" INTEGER NOT NULL,
    "correctCount" INTEGER NOT NULL,
    "topWrongClass" INTEGER,
    "topWrongCount" INTEGER NOT NULL,
    "strongCount" INTEGER NOT NULL,
    "strongTopClass" INTEGER,
    "strongTopCount" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImageConsensus_pkey" PRIMARY KEY ("dataset","imageIndex")
);

-- CreateTable
CREATE TABLE "LabelFlag" (
    "id" TEXT NOT NULL,
    "dataset" "Dataset" NOT NULL,
    "imageIndex" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "suggestedClass" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "reviewOutcome" TEXT,

    CONSTRAINT "LabelFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImageConsensus_dataset_correctCount_idx" ON "ImageConsensus"("dataset", "correctCount");

-- CreateIndex
CREATE INDEX "ImageConsensus_dataset_updatedAt_idx" ON "ImageConsensus"("dataset", "updatedAt");

-- CreateIndex
CREATE INDEX "LabelFlag_reviewedAt_createdAt_idx" ON "LabelFlag"("reviewedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LabelFlag_dataset_imageIndex_userId_key" ON "LabelFlag"("dataset", "imageIndex", "userId");

-- AddForeignKey
ALTER TABLE "LabelFlag" ADD CONSTRAINT "LabelFlag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelFlag" ADD CONSTRAINT "LabelFlag_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
