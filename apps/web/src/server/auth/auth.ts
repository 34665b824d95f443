import 'server-only';
import { getDb, setUserRole } from '@tenfold/db';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { z } from 'zod';
import { type Env, getEnv } from '@/env';
import { assessPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/password-policy';
import { CLIENT_ADDRESS_HEADER, getClientAddress } from '@/server/http/client-address';
import { consumeRateLimit } from '@/server/limits/consume-rate-limit';
import { getRedis } from '@/server/redis';
import { displayNameSchema } from './display-name.ts';
import { checkSignInAttempt, countSignInFailure, type SignInAttempt } from './sign-in-failures.ts';

const SIGN_IN_PATH = '/sign-in/email';
const SIGN_UP_PATH = '/sign-up/email';
/** Endpoints that set a password other than sign-up (reset needs e-mail, which is not set up). */
const NEW_PASSWORD_PATHS = new Set(['/change-password', '/reset-password']);

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

function checkDisplayName(name: unknown): string {
  const result = displayNameSchema.safeParse(name);
  if (!result.success) {
    throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', message: result.error.issues[0]?.message });
  }
  return result.data;
}

/** Refuses a password the shared policy refuses, with the estimator's advice as the message. */
async function checkNewPassword(password: unknown, personal: string[]): Promise<void> {
  // Not a string, or too short or long: better-auth's own checks answer, with their codes.
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return;
  }
  const assessment = await assessPassword(password, personal);
  if (!assessment.isAcceptable) {
    throw new APIError('BAD_REQUEST', { code: 'WEAK_PASSWORD', message: assessment.advice });
  }
}

/**
 * Everything a sign-up can be refused for, checked before the email is looked up, so a refusal
 * for bad input says nothing about who has an account. A taken email is then refused with the
 * same status and body shape, after hashing the password as a new account would, so it takes
 * about as long. The message must still say so (nothing else tells the person to sign in
 * instead); without e-mail verification that much cannot be hidden, and the per-address sign-up
 * limit bounds how fast anyone can ask.
 */
async function checkSignUp(context: HookContext): Promise<void> {
  const body = (context.body ?? {}) as Record<string, unknown>;
  checkDisplayName(body.name);
  const email = z.email().safeParse(body.email);
  const personal = [email.success ? email.data : '', typeof body.name === 'string' ? body.name : ''];
  await checkNewPassword(body.password, personal);
  if (!email.success || typeof body.password !== 'string') return;
  if (!(await context.context.internalAdapter.findUserByEmail(email.data.toLowerCase()))) return;
  await context.context.password.hash(body.password);
  throw new APIError('BAD_REQUEST', {
    code: 'USER_ALREADY_EXISTS',
    message: 'An account with this email already exists: sign in instead, or use another email.',
  });
}

function signInAttemptOf(context: HookContext): SignInAttempt | null {
  const email = (context.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== 'string' || !email.trim() || !context.headers) return null;
  return { email: email.trim().toLowerCase(), address: getClientAddress(context.headers) };
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
      before: createAuthMiddleware(async (context) => {
        if (context.path === SIGN_UP_PATH) return checkSignUp(context);
        if (NEW_PASSWORD_PATHS.has(context.path)) {
          const user = (await getSessionFromCtx(context))?.user;
          const newPassword = (context.body as { newPassword?: unknown } | undefined)?.newPassword;
          return checkNewPassword(newPassword, user ? [user.email, user.name] : []);
        }
        if (context.path !== SIGN_IN_PATH) return;
        const attempt = signInAttemptOf(context);
        if (!attempt) return;
        const decision = await checkSignInAttempt(redis, env, attempt);
        if (!decision.isAllowed) {
          const minutes = Math.ceil(decision.retryAfterSeconds / 60);
          throw new APIError(
            'TOO_MANY_REQUESTS',
            {
              code: 'TOO_MANY_FAILED_SIGN_INS',
              message: `Too many failed sign-ins for this email from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            },
            { 'Retry-After': String(decision.retryAfterSeconds) },
          );
        }
      }),
      // Only a wrong password (or an unknown email) counts against the limits above.
      after: createAuthMiddleware(async (context) => {
        if (context.path !== SIGN_IN_PATH) return;
        const returned = context.context.returned;
        if (!isAPIError(returned) || returned.statusCode !== 401) return;
        const attempt = signInAttemptOf(context);
        if (attempt) await countSignInFailure(redis, env, attempt);
      }),
    },
    advanced: {
      // Set by /api/auth's route from the one client address (src/server/http/client-address.ts),
      // so better-auth's per-address limits never read a header the client wrote.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
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
