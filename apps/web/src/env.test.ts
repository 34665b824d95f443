import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

const SECRET = 'a'.repeat(32);

describe('parseEnv', () => {
  it('fills in local defaults', () => {
    expect(parseEnv({ BETTER_AUTH_SECRET: SECRET })).toEqual({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/tenfold',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'tenfold',
      MAX_UPLOAD_BYTES: 25 * 1024 * 1024,
      BETTER_AUTH_SECRET: SECRET,
      APP_URL: 'http://localhost:3000',
      SUBMISSIONS_PER_HOUR: 20,
      SUBMISSIONS_PER_DAY: 50,
      API_REQUESTS_PER_MINUTE: 120,
      AUTH_ATTEMPTS_PER_MINUTE: 10,
      SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS: 5,
      SIGN_IN_FAILURES_PER_EMAIL: 50,
      ANONYMOUS_API_READS_PER_MINUTE: 300,
      TRUSTED_PROXIES: { hops: 0 },
    });
  });

  it('reads TRUSTED_PROXIES as a hop count or a list of addresses and ranges', () => {
    expect(parseEnv({ BETTER_AUTH_SECRET: SECRET, TRUSTED_PROXIES: '2' }).TRUSTED_PROXIES).toEqual({ hops: 2 });
    expect(parseEnv({ BETTER_AUTH_SECRET: SECRET, TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).TRUSTED_PROXIES).toEqual({
      ranges: [
        { network: '10.0.0.0', prefix: 8, family: 'ipv4' },
        { network: '::1', prefix: 128, family: 'ipv6' },
      ],
    });
    expect(() => parseEnv({ BETTER_AUTH_SECRET: SECRET, TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(
      /"10.0.0.0\/33" is not an address[\s\S]*TRUSTED_PROXIES/,
    );
    expect(() => parseEnv({ BETTER_AUTH_SECRET: SECRET, TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ BETTER_AUTH_SECRET: SECRET, TRUSTED_PROXIES: '99' })).toThrow(/hop count/);
  });

  it('reads numbers from strings and treats empty values as unset', () => {
    const env = parseEnv({ BETTER_AUTH_SECRET: SECRET, MAX_UPLOAD_BYTES: '1048576', QUEUE_PREFIX: '' });
    expect(env.MAX_UPLOAD_BYTES).toBe(1_048_576);
    expect(env.QUEUE_PREFIX).toBe('tenfold');
  });

  it('keeps only the origin of APP_URL and lower-cases the admin email', () => {
    const env = parseEnv({
      BETTER_AUTH_SECRET: SECRET,
      APP_URL: 'https://tenfold.example/some/path',
      TENFOLD_ADMIN_EMAIL: 'Ada@Example.com',
    });
    expect(env.APP_URL).toBe('https://tenfold.example');
    expect(env.TENFOLD_ADMIN_EMAIL).toBe('ada@example.com');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ BETTER_AUTH_SECRET: SECRET, DATABASE_URL: 'mysql://localhost/x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ BETTER_AUTH_SECRET: SECRET, MAX_UPLOAD_BYTES: 'lots' })).toThrow(/MAX_UPLOAD_BYTES/);
    expect(() => parseEnv({ BETTER_AUTH_SECRET: SECRET, APP_URL: 'ftp://x' })).toThrow(/APP_URL/);
  });

  it('requires a long auth secret', () => {
    expect(() => parseEnv({})).toThrow(/BETTER_AUTH_SECRET/);
    expect(() => parseEnv({ BETTER_AUTH_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });
});
