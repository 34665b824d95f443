import type { Env } from '@/env';
import type { RateLimit } from './consume-rate-limit.ts';

export type RateLimitBucket = 'submissions' | 'api' | 'auth';

/** Each bucket's limit from the environment; keys share the deployment's Redis prefix. */
export function rateLimitFor(env: Env, bucket: RateLimitBucket, subject: string): RateLimit {
  const key = `${env.QUEUE_PREFIX}:rate:${bucket}:${subject}`;
  switch (bucket) {
    case 'submissions':
      return { key, limit: env.SUBMISSIONS_PER_HOUR, windowSeconds: 3600 };
    case 'api':
      return { key, limit: env.API_REQUESTS_PER_MINUTE, windowSeconds: 60 };
    case 'auth':
      return { key, limit: env.AUTH_ATTEMPTS_PER_MINUTE, windowSeconds: 60 };
  }
}
