import 'server-only';
import { getDb, setUserRole } from '@tenfold/db';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { type Env, getEnv } from '@/env';
import { consumeRateLimit } from '@/server/limits/consume-rate-limit';
import { rateLimitFor } from '@/server/limits/rate-limit-for';
import { getRedis } from '@/server/redis';
import { displayNameSchema } from './display-name.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy.ts';

const SIGN_IN_PATH = '/sign-in/email';
const SIGN_UP_PATH = '/sign-up/email';

function checkDisplayName(name: unknown): string {
  const result = displayNameSchema.safeParse(name);
  if (!result.success) {
    throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', message: result.error.issues[0]?.message });
  }
  return result.data;
}

function createAuth(env: Env) {
  const db = getDb(env.DATABASE_URL);
  const redis = getRedis();
  return betterAuth({
    appName: 'Tenfold',
    baseURL: env.APP_URL,
    basePath: '/api/auth',
    secret: env.BETTER_AUTH_SECRET,
    database: prismaAdapter(db, { provider: 'postgresql' }),
    // Email and password only: no identity provider is reachable from where Tenfold runs. One
    // can be added under `socialProviders` later; the Account table already has its columns.
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: true,
    },
    user: {
      additionalFields: {
        // `input: false`: sign-up ignores it and update-user refuses it, so a role changes only
        // through setUserRole (admin page, admin command, TENFOLD_ADMIN_EMAIL).
        role: { type: ['USER', 'ADMIN'], input: false, required: false, defaultValue: 'USER' },
      },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => ({ data: { ...user, name: checkDisplayName(user.name) } }),
          after: async (user) => {
            if (env.TENFOLD_ADMIN_EMAIL && user.email.toLowerCase() === env.TENFOLD_ADMIN_EMAIL) {
              await setUserRole(db, {
                user: { id: user.id },
                role: 'ADMIN',
                actorId: null,
                source: 'TENFOLD_ADMIN_EMAIL',
              });
            }
          },
        },
        update: {
          before: async (user) =>
            'name' in user ? { data: { ...user, name: checkDisplayName(user.name) } } : undefined,
        },
      },
    },
    rateLimit: {
      // better-auth limits only in production by default; tests and `next dev` need it too.
      enabled: true,
      window: 60,
      max: 100,
      customRules: {
        [SIGN_IN_PATH]: { window: 60, max: env.AUTH_ATTEMPTS_PER_MINUTE },
        [SIGN_UP_PATH]: { window: 60, max: env.AUTH_ATTEMPTS_PER_MINUTE },
      },
      // In Redis rather than in process memory, so every web process shares the counters.
      customStorage: {
        consume: async (key, rule) => {
          const decision = await consumeRateLimit(redis, {
            key: `${env.QUEUE_PREFIX}:rate:better-auth:${key}`,
            limit: rule.max,
            windowSeconds: rule.window,
          });
          return decision.isAllowed
            ? { allowed: true, retryAfter: null }
            : { allowed: false, retryAfter: decision.retryAfterSeconds };
        },
      },
    },
    hooks: {
      // better-auth keys its limits by client address, which a client can vary; a per-account
      // limit stops password guessing against one email from many addresses.
      before: createAuthMiddleware(async (context) => {
        if (context.path !== SIGN_IN_PATH) return;
        const email = typeof context.body?.email === 'string' ? context.body.email.trim().toLowerCase() : '';
        if (!email) return;
        const decision = await consumeRateLimit(redis, rateLimitFor(env, 'auth', `email:${email}`));
        if (!decision.isAllowed) {
          throw new APIError(
            'TOO_MANY_REQUESTS',
            { code: 'TOO_MANY_ATTEMPTS', message: 'Too many sign-in attempts for this email. Try again in a minute.' },
            { 'Retry-After': String(decision.retryAfterSeconds) },
          );
        }
      }),
    },
    advanced: {
      // Ids come from the schema's @default(cuid()), like every other table's.
      database: { generateId: false },
      // Explicit: left unset, better-auth turns its Origin and CSRF checks off whenever
      // NODE_ENV=test or TEST is set, and a stray variable must not switch off CSRF protection.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    telemetry: { enabled: false },
    // Last, as better-auth asks: lets server components read sessions without refreshing cookies.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as { __tenfoldAuth?: Auth };

/** Built on first use, at request time, so `next build` needs no secret. */
export function getAuth(): Auth {
  holder.__tenfoldAuth ??= createAuth(getEnv());
  return holder.__tenfoldAuth;
}
