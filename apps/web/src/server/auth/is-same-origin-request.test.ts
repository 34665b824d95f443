import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './is-same-origin-request.ts';

const APP = 'https://tenfold.example';
const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers), APP);

describe('isSameOriginRequest', () => {
  it("accepts the app's own origin", () => {
    expect(check({ origin: APP })).toBe(true);
    expect(check({ 'sec-fetch-site': 'same-origin' })).toBe(true);
  });

  it('refuses other origins, even when Sec-Fetch-Site is forged alongside', () => {
    expect(check({ origin: 'https://evil.example' })).toBe(false);
    expect(check({ origin: 'http://tenfold.example' })).toBe(false);
    expect(check({ origin: 'https://tenfold.example.evil.example' })).toBe(false);
    expect(check({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })).toBe(false);
  });

  it('refuses opaque origins, cross-site fetch metadata and requests that say nothing', () => {
    expect(check({ origin: 'null' })).toBe(false);
    expect(check({ 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(check({ 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(check({})).toBe(false);
  });
});
