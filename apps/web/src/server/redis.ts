import 'server-only';
import { Redis } from 'ioredis';
import { getEnv } from '@/env';

const holder = globalThis as { __tenfoldRedis?: Redis };

/**
 * One connection per server process for rate-limit counters (the queue has its own). Commands
 * wait while it connects, but never long: a Redis outage must not hang requests.
 */
export function getRedis(): Redis {
  if (!holder.__tenfoldRedis) {
    const redis = new Redis(getEnv().REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 2_000 });
    // Without a listener an 'error' event would be thrown and take the server down.
    redis.on('error', (error) => console.error('[tenfold] redis:', error.message));
    holder.__tenfoldRedis = redis;
  }
  return holder.__tenfoldRedis;
}
