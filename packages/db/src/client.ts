import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

export type Db = PrismaClient;

// One client per database URL and process. Kept on globalThis so Next.js dev reloads and
// test files that import this module twice do not open a new pool each time.
const globals = globalThis as { __tenfoldDb?: Map<string, PrismaClient> };
globals.__tenfoldDb ??= new Map();
const clients = globals.__tenfoldDb;

export function getDb(databaseUrl: string): Db {
  let client = clients.get(databaseUrl);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
    clients.set(databaseUrl, client);
  }
  return client;
}

export async function disconnectDb(databaseUrl: string): Promise<void> {
  const client = clients.get(databaseUrl);
  clients.delete(databaseUrl);
  await client?.$disconnect();
}
