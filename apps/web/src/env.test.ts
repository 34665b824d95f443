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
    });
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
