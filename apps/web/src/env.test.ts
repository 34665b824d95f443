import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('fills in local defaults', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/tenfold',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'tenfold',
      MAX_UPLOAD_BYTES: 25 * 1024 * 1024,
    });
  });

  it('reads numbers from strings and treats empty values as unset', () => {
    const env = parseEnv({ MAX_UPLOAD_BYTES: '1048576', QUEUE_PREFIX: '' });
    expect(env.MAX_UPLOAD_BYTES).toBe(1_048_576);
    expect(env.QUEUE_PREFIX).toBe('tenfold');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://localhost/x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ MAX_UPLOAD_BYTES: 'lots' })).toThrow(/MAX_UPLOAD_BYTES/);
  });
});
