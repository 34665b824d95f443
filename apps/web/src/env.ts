import 'server-only';
import { z } from 'zod';
import { trustedProxiesSchema } from '@/server/http/trusted-proxies';

const MIB = 1024 * 1024;

const count = (fallback: number) => z.coerce.number().int().positive().max(1_000_000).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgresql://postgres@127.0.0.1:5432/tenfold'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Namespaces every Redis key (queue and rate limits); the worker must use the same one. */
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
  /**
   * Signs and encrypts session cookies. No default on purpose: a guessable secret would let
   * anyone forge sessions. `npm start` creates a random one in .tenfold/auth-secret.
   */
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)'),
  /**
   * The site's origin as browsers reach it. Mutations carrying cookies must come from it (CSRF),
   * and session cookies are `Secure` when it is https.
   */
  APP_URL: z
    .url({ protocol: /^https?$/ })
    .transform((value) => new URL(value).origin)
    .default('http://localhost:3000'),
  /** This account becomes an admin when it signs up (the seed promotes it if it already exists). */
  TENFOLD_ADMIN_EMAIL: z
    .email()
    .transform((value) => value.toLowerCase())
    .optional(),
  /** Uploads per user per rolling hour (a burst limit, counting every accepted upload). */
  SUBMISSIONS_PER_HOUR: count(20),
  /** The daily quota: submissions per user per rolling 24 hours; cancellations and failures
   * caused by the platform do not count. */
  SUBMISSIONS_PER_DAY: count(50),
  /** Mutations, and requests made with an API token, per user per minute. */
  API_REQUESTS_PER_MINUTE: count(120),
  /** Sign-in and sign-up attempts per client address per minute, failed or not. */
  AUTH_ATTEMPTS_PER_MINUTE: count(10),
  /** Failed sign-ins for one email from one client address per 15 minutes; then that pair waits. */
  SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS: count(5),
  /**
   * Failed sign-ins for one email from all addresses together per 15 minutes. Past it, each
   * address that has already failed on that email waits, while an address that has not (the
   * owner's) still signs in: a stranger can slow guessing down but never lock the owner out.
   */
  SIGN_IN_FAILURES_PER_EMAIL: count(50),
  /** Reads of /api without an API token or session, per client address per minute. */
  ANONYMOUS_API_READS_PER_MINUTE: count(300),
  /**
   * Which reverse proxies in front of the app to believe about the client's address
   * (X-Forwarded-For): unset or 0 believes none and uses the connection's address; a number N
   * believes the N nearest hops; a comma-separated list of addresses and CIDR ranges believes
   * hops from those. Every per-address limit uses the address this yields.
   */
  TRUSTED_PROXIES: trustedProxiesSchema,
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
