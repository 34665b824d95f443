import 'server-only';
import { z } from 'zod';

const MIB = 1024 * 1024;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgresql://postgres@127.0.0.1:5432/tenfold'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Namespaces every BullMQ key; the worker must use the same one. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,100}$/)
    .default('tenfold'),
  /** Largest accepted model file, in bytes. */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(512 * MIB)
    .default(25 * MIB),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most .env tooling.
  const defined = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(defined);
  if (!result.success) {
    throw new Error(`Invalid environment for apps/web:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

let cached: Env | undefined;

/**
 * The app's only reader of process.env. Called at request time, never at module load, so a
 * build made with one environment runs with another (`next start` with a test database).
 */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
