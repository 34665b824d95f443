// Exit 0 when a PostgreSQL server answers at the URL given as the only argument.
import pg from 'pg';

const client = new pg.Client({ connectionString: process.argv[2], connectionTimeoutMillis: 2000 });
try {
  await client.connect();
  await client.query('select 1');
  await client.end();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
