import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { CharColumnsClient, withCharColumns } from './char-columns.ts';
import { createDatabase } from './create-database.ts';
import { withDatabase } from './database-url.ts';
import { dropDatabase } from './drop-database.ts';

export interface MigrateAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Ends every pool and drops every shadow database this factory opened, whatever the engine did. */
  close(): Promise<void>;
}

/**
 * adapter-pg with the three fixes the schema engine needs (environment.md, "Prisma 7 without its
 * engine download"): `"char"` columns are readable, a script runs as one query, and the shadow
 * database is a separate database that we create and drop ourselves.
 */
export function createMigrateAdapterFactory(databaseUrl: string): MigrateAdapterFactory {
  const pools = new Set<pg.Pool>();
  const shadowUrls = new Set<string>();

  const connect = async (url: string): Promise<SqlDriverAdapter> => {
    const pool = new pg.Pool({ connectionString: url, Client: CharColumnsClient });
    pools.add(pool);
    const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    adapter.executeScript = (script) => executeScript(pool, script);
    return withCharColumns(adapter);
  };

  const dropShadow = async (url: string) => {
    if (shadowUrls.delete(url)) await dropDatabase(url);
  };

  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connect(databaseUrl),
    async connectToShadowDb() {
      // adapter-pg's own version creates a database and then connects to the main one
      // (in pg, a connection string overrides the `database` option).
      const shadowUrl = withDatabase(databaseUrl, `tenfold_shadow_${randomUUID().replaceAll('-', '')}`);
      await createDatabase(shadowUrl);
      shadowUrls.add(shadowUrl);
      const adapter = await connect(shadowUrl);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await dropShadow(shadowUrl);
      };
      return adapter;
    },
    async close() {
      await Promise.all([...pools].filter((pool) => !pool.ending).map((pool) => pool.end()));
      pools.clear();
      await Promise.all([...shadowUrls].map(dropShadow));
    },
  };
}

// adapter-pg splits scripts on `;`, which breaks string literals and function bodies and commits
// statement by statement. Sent as one simple-protocol query, PostgreSQL runs the whole script as
// one implicit transaction: a migration applies completely or not at all.
async function executeScript(pool: pg.Pool, script: string): Promise<void> {
  try {
    await pool.query(script);
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    throw new DriverAdapterError({
      kind: 'postgres',
      code: error.code ?? 'N/A',
      severity: error.severity ?? 'N/A',
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
}
