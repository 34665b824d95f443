-- AlterEnum
ALTER TYPE "InputLayout" ADD VALUE 'NHW';
