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

/**
 * The database for a page served from the page cache (see server/cache/cached-page-path.ts).
 * No `connection()`: those pages are rendered once per change of the data and kept. They are
 * never rendered at build time, because each has a dynamic segment whose generateStaticParams
 * lists nothing, so they are first rendered on the first request.
 */
export function getCachedPageDb(): Db {
  return getDb(getEnv().DATABASE_URL);
}
