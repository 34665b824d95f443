import 'server-only';
import type { Redis } from 'ioredis';
import type { Env } from '@/env';
import { addressLimitSubject } from '@/server/http/client-address';
import { checkRateLimit, countRateLimitHit, type RateLimitDecision } from '@/server/limits/consume-rate-limit';
import { rateLimitFor } from '@/server/limits/rate-limit-for';

/** A sign-in: the email it is for (lower-cased) and the client address it comes from. */
export type SignInAttempt = { email: string; address: string };

function limitsFor(env: Env, attempt: SignInAttempt) {
  return {
    perPair: rateLimitFor(env, 'sign-in-failures-per-pair', `${attempt.email}|${addressLimitSubject(attempt.address)}`),
    perEmail: rateLimitFor(env, 'sign-in-failures-per-email', attempt.email),
  };
}

/**
 * Whether this address may try a password for this email now. Only failures count, so the
 * owner signing in often is never held back. Per (email, address) the limit is tight; per
 * email it is loose, and past it only addresses that have not failed on the email may try:
 * a stranger spraying guesses from many addresses slows guessing down, but cannot keep the
 * owner, whose address has not failed, out. Checking and counting are two steps, so parallel
 * guesses from one address can pass together; the per-address attempt limit bounds those.
 */
export async function checkSignInAttempt(redis: Redis, env: Env, attempt: SignInAttempt): Promise<RateLimitDecision> {
  const { perPair, perEmail } = limitsFor(env, attempt);
  const pair = await checkRateLimit(redis, perPair);
  if (!pair.isAllowed) return pair;
  const email = await checkRateLimit(redis, perEmail);
  if (email.isAllowed) return email;
  const pairHasFailed = await checkRateLimit(redis, { ...perPair, limit: 1 });
  if (pairHasFailed.isAllowed) return pairHasFailed;
  return {
    isAllowed: false,
    retryAfterSeconds: Math.min(email.retryAfterSeconds, pairHasFailed.retryAfterSeconds),
  };
}

/** Counts a wrong password (or unknown email) against the pair and the email. */
export async function countSignInFailure(redis: Redis, env: Env, attempt: SignInAttempt): Promise<void> {
  const { perPair, perEmail } = limitsFor(env, attempt);
  await Promise.all([countRateLimitHit(redis, perPair), countRateLimitHit(redis, perEmail)]);
}
