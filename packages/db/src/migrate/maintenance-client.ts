import pg from 'pg';
import { withDatabase } from './database-url.ts';
import { DatabaseUnreachableError, isUnreachable } from './errors.ts';

// CREATE/DROP DATABASE cannot run inside the database concerned: use the server's default one.
const MAINTENANCE_DATABASE = 'postgres';

/** Runs `work` on a short-lived connection to the server that `databaseUrl` points at. */
export async function withMaintenanceClient<T>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(databaseUrl, MAINTENANCE_DATABASE) });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw isUnreachable(error) ? new DatabaseUnreachableError(databaseUrl, error) : error;
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
