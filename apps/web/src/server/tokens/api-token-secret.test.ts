import { describe, expect, it } from 'vitest';
import { API_TOKEN_PATTERN, generateApiTokenSecret, hashApiTokenSecret } from './api-token-secret.ts';

describe('generateApiTokenSecret', () => {
  it('makes a distinct tf_ secret each time, with its prefix and SHA-256', () => {
    const first = generateApiTokenSecret();
    const second = generateApiTokenSecret();
    expect(first.secret).toMatch(API_TOKEN_PATTERN);
    expect(first.secret).not.toBe(second.secret);
    expect(first.prefix).toBe(first.secret.slice(0, 10));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.hash).toBe(hashApiTokenSecret(first.secret));
    expect(first.hash).not.toContain(first.secret.slice(3));
  });
});
