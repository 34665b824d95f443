export { type Db, disconnectDb, getDb } from './client.ts';
export { COMMUNITY_USER, upsertCommunityUser } from './community-user.ts';
export { Prisma } from './generated/client.ts';
export * from './generated/enums.ts';
export type * from './generated/models.ts';
