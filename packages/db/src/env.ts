import { z } from 'zod';

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: 'must be a postgresql:// URL',
});

// An empty variable counts as unset, so `DATABASE_URL= npm run ...` falls back to the default.
const optional = (schema: typeof postgresUrl, fallback: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.default(fallback));

const dbEnvSchema = z.object({
  /** The application's database (migrate CLI, seed). */
  DATABASE_URL: optional(postgresUrl, 'postgresql://postgres@127.0.0.1:5432/tenfold'),
  /** Server on which tests create their throwaway databases; its own database is only used to connect. */
  TEST_DATABASE_URL: optional(postgresUrl, 'postgresql://postgres@127.0.0.1:5432/postgres'),
  /** The account with this email is made an admin by the seed (and by the web app when it signs up). */
  TENFOLD_ADMIN_EMAIL: z.preprocess((value) => (value === '' ? undefined : value), z.email().optional()),
  /** Set by npm: the folder `npm run` was typed in (scripts themselves run in the package folder). */
  INIT_CWD: z.string().optional(),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;

export class InvalidEnvError extends Error {
  override name = 'InvalidEnvError';
}

let parsed: DbEnv | undefined;

/** The package's environment, validated on first use (importing the package never throws). */
export function getDbEnv(): DbEnv {
  if (!parsed) {
    const result = dbEnvSchema.safeParse(process.env);
    if (!result.success) {
      throw new InvalidEnvError(`Invalid environment for @tenfold/db:\n${z.prettifyError(result.error)}`);
    }
    parsed = result.data;
  }
  return parsed;
}
