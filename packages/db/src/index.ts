export { type Db, disconnectDb, getDb } from './client.ts';
export * from './generated/enums.ts';
export type * from './generated/models.ts';
export { Prisma } from './generated/client.ts';
