import type { Env } from '@/env';
import type { RateLimit } from './consume-rate-limit.ts';

export type RateLimitBucket =
  | 'submissions'
  | 'api'
  | 'anonymous-reads'
  | 'sign-in-failures-per-pair'
  | 'sign-in-failures-per-email';

/** Failed sign-ins are remembered this long (both per pair and per email). */
export const SIGN_IN_FAILURE_WINDOW_SECONDS = 15 * 60;

/** Each bucket's limit from the environment; keys share the deployment's Redis prefix. */
export function rateLimitFor(env: Env, bucket: RateLimitBucket, subject: string): RateLimit {
  const key = `${env.QUEUE_PREFIX}:rate:${bucket}:${subject}`;
  switch (bucket) {
    case 'submissions':
      return { key, limit: env.SUBMISSIONS_PER_HOUR, windowSeconds: 3600 };
    case 'api':
      return { key, limit: env.API_REQUESTS_PER_MINUTE, windowSeconds: 60 };
    case 'anonymous-reads':
      return { key, limit: env.ANONYMOUS_API_READS_PER_MINUTE, windowSeconds: 60 };
    case 'sign-in-failures-per-pair':
      return { key, limit: env.SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS, windowSeconds: SIGN_IN_FAILURE_WINDOW_SECONDS };
    case 'sign-in-failures-per-email':
      return { key, limit: env.SIGN_IN_FAILURES_PER_EMAIL, windowSeconds: SIGN_IN_FAILURE_WINDOW_SECONDS };
  }
}
