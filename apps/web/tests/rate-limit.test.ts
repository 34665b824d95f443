import { randomUUID } from 'node:crypto';
import { waitUntil } from '@tenfold/db/testing';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRateLimit, consumeRateLimit, countRateLimitHit } from '@/server/limits/consume-rate-limit';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = new Redis(REDIS_URL);
const prefix = `tenfold-rate-test-${randomUUID()}`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('consumeRateLimit', () => {
  it('allows `limit` hits per window, then says how long to wait', async () => {
    const limit = { key: `${prefix}:a`, limit: 3, windowSeconds: 60 };
    for (let i = 0; i < 3; i += 1) expect(await consumeRateLimit(redis, limit)).toEqual({ isAllowed: true });
    const refused = await consumeRateLimit(redis, limit);
    expect(refused).toMatchObject({ isAllowed: false });
    if (refused.isAllowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await consumeRateLimit(redis, { ...limit, key: `${prefix}:b` })).toEqual({ isAllowed: true });
  });

  it('counts concurrent hits exactly', async () => {
    const limit = { key: `${prefix}:burst`, limit: 5, windowSeconds: 60 };
    const decisions = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(redis, limit)));
    expect(decisions.filter((decision) => decision.isAllowed)).toHaveLength(5);
  });

  it('frees the window as it slides', async () => {
    const limit = { key: `${prefix}:slide`, limit: 1, windowSeconds: 1 };
    const firstHitAt = Date.now();
    expect(await consumeRateLimit(redis, limit)).toEqual({ isAllowed: true });
    expect((await consumeRateLimit(redis, limit)).isAllowed).toBe(false);
    // Refused hits are not recorded, so looking again does not push the window on.
    await waitUntil(async () => (await consumeRateLimit(redis, limit)).isAllowed, {
      timeoutMs: 5_000,
      intervalMs: 50,
      description: 'the window to free its hit',
    });
    expect(Date.now() - firstHitAt).toBeGreaterThanOrEqual(950);
  });

  it('lets requests through when Redis cannot be reached', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    down.on('error', () => {});
    expect(await consumeRateLimit(down, { key: `${prefix}:down`, limit: 1, windowSeconds: 60 })).toEqual({
      isAllowed: true,
    });
    down.disconnect();
  });
});

describe('checkRateLimit and countRateLimitHit', () => {
  it('counts only the hits recorded, and says how long until the count is under the limit', async () => {
    const limit = { key: `${prefix}:outcomes`, limit: 2, windowSeconds: 60 };
    for (let i = 0; i < 5; i += 1) expect(await checkRateLimit(redis, limit)).toEqual({ isAllowed: true });
    await countRateLimitHit(redis, limit);
    expect(await checkRateLimit(redis, limit)).toEqual({ isAllowed: true });
    await countRateLimitHit(redis, limit);
    const refused = await checkRateLimit(redis, limit);
    expect(refused).toMatchObject({ isAllowed: false });
    if (refused.isAllowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Looking again does not count.
    expect(await redis.zcard(limit.key)).toBe(2);
  });
});
