import { databaseName, quoteIdentifier } from './database-url.ts';
import { withMaintenanceClient } from './maintenance-client.ts';

/** Drops the database `databaseUrl` names, closing other sessions on it (PostgreSQL 13+). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = databaseName(databaseUrl);
  await withMaintenanceClient(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });
}
