import 'server-only';
import { type Db, getDb } from '@tenfold/db';
import { connection } from 'next/server';
import { getEnv } from '@/env';

/**
 * The database for the current request. Awaiting `connection()` marks the caller as
 * request-time only, so Next never tries to prerender a page from the build machine's database.
 */
export async function getRequestDb(): Promise<Db> {
  await connection();
  return getDb(getEnv().DATABASE_URL);
}
