import { Redis } from 'ioredis';

/**
 * BullMQ workers block on Redis and must never give up a command after N retries
 * (maxRetriesPerRequest: null); producers in a request handler should fail fast instead.
 */
export function createRedisConnection(redisUrl: string, options: { role: 'worker' | 'producer' }): Redis {
  return new Redis(redisUrl, {
    maxRetriesPerRequest: options.role === 'worker' ? null : 3,
    enableOfflineQueue: options.role === 'worker',
    lazyConnect: false,
  });
}
