-- AlterTable
ALTER TABLE "WorkerHeartbeat" ADD COLUMN     "datasetProblems" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "scorableDatasets" "Dataset"[] DEFAULT ARRAY[]::"Dataset"[];
