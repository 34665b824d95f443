export { type Db, disconnectDb, getDb } from './client.ts';
export { COMMUNITY_USER, upsertCommunityUser } from './community-user.ts';
export type {
  Account,
  ApiToken,
  Artifact,
  AuditLog,
  Evaluation,
  Model,
  RescoreBatch,
  Session,
  Submission,
  User,
  Verification,
  WorkerHeartbeat,
} from './generated/client.ts';
export { Prisma } from './generated/client.ts';
export * from './generated/enums.ts';
