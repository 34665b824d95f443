import { databaseName, quoteIdentifier } from './database-url.ts';
import { errorCode } from './errors.ts';
import { withMaintenanceClient } from './maintenance-client.ts';

const DUPLICATE_DATABASE = '42P04';

export interface CreateDatabaseOptions {
  /** Copy this database instead of template1 (it must have no open connections). */
  template?: string;
}

/** Creates the database `databaseUrl` names; returns false when it already existed. */
export async function createDatabase(databaseUrl: string, options: CreateDatabaseOptions = {}): Promise<boolean> {
  const name = databaseName(databaseUrl);
  return withMaintenanceClient(databaseUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    const template = options.template ? ` TEMPLATE ${quoteIdentifier(options.template)}` : '';
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}${template}`);
      return true;
    } catch (error) {
      // Another process created it between the check and CREATE DATABASE.
      if (errorCode(error) === DUPLICATE_DATABASE) return false;
      throw error;
    }
  });
}
