import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export type RateLimit = {
  /** Redis key of this counter, already namespaced by the caller. */
  key: string;
  limit: number;
  windowSeconds: number;
};

export type RateLimitDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

/**
 * A sliding log in one sorted set: drop hits older than the window, refuse when `limit` remain,
 * else record this hit. Refused hits are not recorded, so hammering a limit does not extend it.
 * One script, so concurrent requests (several web processes included) cannot overshoot.
 */
const SLIDING_LOG = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tonumber(oldest[2]) + window - now
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return 0`;

/**
 * Counts one hit against a per-user (or per-address) limit. If Redis cannot be reached the hit
 * is allowed: uploads are designed to survive a Redis outage (rows stay QUEUED), and refusing
 * every request would turn that outage into a full one.
 */
export async function consumeRateLimit(redis: Redis, limit: RateLimit): Promise<RateLimitDecision> {
  const windowMs = limit.windowSeconds * 1000;
  try {
    const waitMs = Number(await redis.eval(SLIDING_LOG, 1, limit.key, Date.now(), windowMs, limit.limit, randomUUID()));
    return waitMs > 0
      ? { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
      : { isAllowed: true };
  } catch (error) {
    console.warn(`[tenfold] rate limit ${limit.key} not checked: ${error instanceof Error ? error.message : error}`);
    return { isAllowed: true };
  }
}

/** How long until fewer than `limit` hits remain in the window (0: already fewer); records nothing. */
const TIME_UNTIL_BELOW = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then return 0 end
local entry = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
return tonumber(entry[2]) + window - now`;

/**
 * Whether a limit has room, without counting this request: for limits that count only some
 * outcomes (failed sign-ins), which countRateLimitHit records once the outcome is known.
 * Allowed when Redis cannot be reached, as consumeRateLimit is.
 */
export async function checkRateLimit(redis: Redis, limit: RateLimit): Promise<RateLimitDecision> {
  try {
    const waitMs = Number(
      await redis.eval(TIME_UNTIL_BELOW, 1, limit.key, Date.now(), limit.windowSeconds * 1000, limit.limit),
    );
    return waitMs > 0
      ? { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
      : { isAllowed: true };
  } catch (error) {
    console.warn(`[tenfold] rate limit ${limit.key} not checked: ${error instanceof Error ? error.message : error}`);
    return { isAllowed: true };
  }
}

/** Records one hit in a limit's window (see checkRateLimit). */
export async function countRateLimitHit(redis: Redis, limit: RateLimit): Promise<void> {
  try {
    await redis
      .multi()
      .zadd(limit.key, Date.now(), randomUUID())
      .pexpire(limit.key, limit.windowSeconds * 1000)
      .exec();
  } catch (error) {
    console.warn(`[tenfold] rate limit ${limit.key} not counted: ${error instanceof Error ? error.message : error}`);
  }
}
