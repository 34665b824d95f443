import path from 'node:path';
import { parseArgs } from 'node:util';
import { getDbEnv, InvalidEnvError } from '../env.ts';
import { applyMigrations } from './apply-migrations.ts';
import { diffMigrations } from './check-migrations.ts';
import { createMigration } from './create-migration.ts';
import { databaseName, redactUrl } from './database-url.ts';
import {
  DatabaseUnreachableError,
  MigrationDriftError,
  MigrationEngineError,
  MigrationsFolderError,
} from './errors.ts';
import { SchemaEnginePanicError } from './load-schema-engine.ts';
import { markMigrationRolledBack } from './mark-migration-rolled-back.ts';
import { migrationStatus } from './migration-status.ts';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, REPO_ROOT } from './paths.ts';
import type { EngineLogger } from './with-schema-engine.ts';

const USAGE = `Usage: npm run db:migrate -- <command> [options]   (DATABASE_URL selects the database)

Commands:
  deploy                 Apply the committed migrations; creates the database if missing.
  dev --name <name>      Write prisma/migrations/<timestamp>_<name>/migration.sql for the changes
                         in prisma/schema.prisma, then apply it (pending migrations first).
      --create-only      Write the migration without applying it.
      --accept-data-loss Go ahead when the migration drops columns or tables with data.
  status                 List applied and pending migrations; exit 1 unless up to date.
  check                  Exit 1 and print the SQL needed when the migrations do not produce
                         the schema; exit 0 when they match (no database is modified).
  resolve --rolled-back <migration>
                         After a failed deploy (its transaction rolled back), let deploy retry it.

Options:
  --schema <file>        Prisma schema (default: prisma/schema.prisma)
  --migrations <dir>     Migrations folder (default: prisma/migrations)
  --verbose              Print the schema engine's log to stderr.`;

const OPTIONS = {
  name: { type: 'string', short: 'n' },
  'create-only': { type: 'boolean' },
  'accept-data-loss': { type: 'boolean' },
  'rolled-back': { type: 'string' },
  schema: { type: 'string' },
  migrations: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Context {
  databaseUrl: string;
  schemaPath: string;
  migrationsDir: string;
  log: EngineLogger | undefined;
  flags: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
}

class UsageError extends Error {}

// Paths in messages are relative to the repository root, whichever folder npm ran the script in.
const shown = (file: string) => path.relative(REPO_ROOT, file) || '.';

async function deploy({ databaseUrl, migrationsDir, log }: Context): Promise<number> {
  const result = await applyMigrations({ databaseUrl, migrationsDir, log });
  if (result.createdDatabase) console.log(`Created database "${databaseName(databaseUrl)}".`);
  if (!result.appliedMigrationNames.length) {
    console.log(`No pending migrations: ${redactUrl(databaseUrl)} is up to date.`);
  } else {
    console.log(`Applied ${result.appliedMigrationNames.length} migration(s) to ${redactUrl(databaseUrl)}:`);
    for (const name of result.appliedMigrationNames) console.log(`  ${name}`);
  }
  return 0;
}

async function dev({ databaseUrl, schemaPath, migrationsDir, log, flags }: Context): Promise<number> {
  if (!flags.name) throw new UsageError('dev needs --name <name>, e.g. dev --name add_model_tags');
  const result = await createMigration({
    name: flags.name,
    databaseUrl,
    schemaPath,
    migrationsDir,
    createOnly: flags['create-only'],
    acceptDataLoss: flags['accept-data-loss'],
    log,
  });
  for (const name of result.appliedPendingMigrationNames) console.log(`Applied pending migration ${name}`);
  for (const warning of result.dataLossWarnings) console.warn(`Data loss accepted: ${warning}`);
  if (!result.created) {
    console.log(`No schema change: ${shown(schemaPath)} matches the migrations. Nothing created.`);
  } else {
    const how = result.created.isApplied ? `created and applied to ${redactUrl(databaseUrl)}` : 'created (not applied)';
    console.log(`Migration ${shown(result.created.file)} ${how}.`);
  }
  return 0;
}

async function status({ databaseUrl, migrationsDir, log }: Context): Promise<number> {
  const result = await migrationStatus({ databaseUrl, migrationsDir, log });
  console.log(
    `${result.migrations.length} migration(s) in ${shown(migrationsDir)}; database ${redactUrl(databaseUrl)}`,
  );
  if (!result.databaseExists) console.log('The database does not exist yet (deploy creates it).');
  const pending = new Set(result.pending);
  for (const name of result.migrations) console.log(`  ${pending.has(name) ? 'pending' : 'applied'}  ${name}`);
  for (const name of result.missingFromFolder)
    console.log(`  applied to the database, missing from the folder: ${name}`);
  for (const name of result.failed)
    console.log(`  FAILED   ${name} (repair the database by hand before deploying again)`);
  for (const name of result.edited) console.log(`  edited after it was applied: ${name}`);
  console.log(result.isUpToDate ? 'Database is up to date.' : `Not up to date (${result.pending.length} pending).`);
  return result.isUpToDate ? 0 : 1;
}

async function check({ databaseUrl, schemaPath, migrationsDir, log }: Context): Promise<number> {
  const diff = await diffMigrations({ databaseUrl, schemaPath, migrationsDir, log });
  if (!diff.isInSync) {
    console.error(new MigrationDriftError(shown(schemaPath), shown(migrationsDir), diff.sql).message);
    return 1;
  }
  console.log(`The migrations in ${shown(migrationsDir)} produce ${shown(schemaPath)} exactly.`);
  return 0;
}

async function resolve({ databaseUrl, log, flags }: Context): Promise<number> {
  const migrationName = flags['rolled-back'];
  if (!migrationName) throw new UsageError('resolve needs --rolled-back <migration folder name>');
  await markMigrationRolledBack({ databaseUrl, migrationName, log });
  console.log(`Marked ${migrationName} as rolled back: deploy will apply it again.`);
  return 0;
}

const COMMANDS: Record<string, (context: Context) => Promise<number>> = { deploy, dev, status, check, resolve };

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values: flags, positionals } = parsed;
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  const run = command ? COMMANDS[command] : undefined;
  if (!run || extra.length) {
    throw new UsageError(command ? `Unknown command: ${positionals.join(' ')}` : 'No command given.');
  }
  const env = getDbEnv();
  // Relative paths on the command line mean relative to where the user typed it.
  const cwd = env.INIT_CWD ?? process.cwd();
  return run({
    databaseUrl: env.DATABASE_URL,
    schemaPath: flags.schema ? path.resolve(cwd, flags.schema) : DEFAULT_SCHEMA_PATH,
    migrationsDir: flags.migrations ? path.resolve(cwd, flags.migrations) : DEFAULT_MIGRATIONS_DIR,
    log: flags.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
    flags,
  });
}

// Expected failures print their message only; anything else prints with its stack.
const KNOWN_ERRORS = [
  UsageError,
  InvalidEnvError,
  DatabaseUnreachableError,
  MigrationDriftError,
  MigrationEngineError,
  MigrationsFolderError,
  SchemaEnginePanicError,
];

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(KNOWN_ERRORS.some((known) => error instanceof known) ? (error as Error).message : error);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    process.exitCode = 1;
  },
);
