-- CreateEnum
CREATE TYPE "Credential" AS ENUM ('SESSION', 'TOKEN');

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "credential" "Credential",
ADD COLUMN     "credentialId" TEXT;
