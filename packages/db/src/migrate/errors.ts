import { redactUrl } from './database-url.ts';

export const START_POSTGRES_HINT = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN']);

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
  constructor(databaseUrl: string, cause: unknown) {
    super(
      `Cannot reach PostgreSQL at ${redactUrl(databaseUrl)} (${reason(cause)}).\n` +
        `Is it running? On a development machine start it with:\n  ${START_POSTGRES_HINT}`,
      { cause },
    );
  }
}

/** The committed migrations do not produce the Prisma schema; `sql` is what would bridge the gap. */
export class MigrationDriftError extends Error {
  override name = 'MigrationDriftError';
  constructor(
    readonly schemaPath: string,
    readonly migrationsDir: string,
    readonly sql: string,
  ) {
    super(
      `${schemaPath} and the migrations in ${migrationsDir} have drifted. ` +
        `Replaying the migrations and then running this SQL would match the schema:\n\n${sql.trim()}\n\n` +
        "Create a migration for it with 'npm run db:migrate -- dev --name <name>'.",
    );
  }
}

export class MigrationsFolderError extends Error {
  override name = 'MigrationsFolderError';
}

export class MigrationEngineError extends Error {
  override name = 'MigrationEngineError';
}

function reason(cause: unknown): string {
  const firstLine = cause instanceof Error ? cause.message.split('\n')[0] : undefined;
  return errorCode(cause) ?? (firstLine || String(cause));
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUnreachable(error: unknown): boolean {
  const code = errorCode(error);
  if (code && UNREACHABLE_CODES.has(code)) return true;
  // pg reports a refused connection to every address of a host name as an AggregateError.
  return error instanceof AggregateError && error.errors.some(isUnreachable);
}
