import { describe, expect, it } from 'vitest';
import { apiError, codeForStatus, reshapeRefusal } from './api-error.ts';

describe('apiError', () => {
  it('answers { error: { code, message, fields? } }, never cached', async () => {
    const response = apiError(400, 'invalid_input', 'Fix it.', { fields: { page: 'Give a number.' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      error: { code: 'invalid_input', message: 'Fix it.', fields: { page: 'Give a number.' } },
    });
    expect(await apiError(404, 'not_found', 'Gone.').json()).toEqual({
      error: { code: 'not_found', message: 'Gone.' },
    });
  });

  it("re-shapes the shared guard's refusals, keeping status, sentence and the challenge and back-off headers", async () => {
    const refusal = Response.json(
      { error: 'Too many requests.' },
      { status: 429, headers: { 'Retry-After': '12', 'X-Other': 'dropped' } },
    );
    const reshaped = await reshapeRefusal(refusal);
    expect(reshaped.status).toBe(429);
    expect(reshaped.headers.get('retry-after')).toBe('12');
    expect(reshaped.headers.get('x-other')).toBeNull();
    expect(await reshaped.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many requests.' } });

    const challenge = await reshapeRefusal(
      Response.json({ error: 'Sign in.' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }),
    );
    expect(challenge.headers.get('www-authenticate')).toBe('Bearer');
    expect(await challenge.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('maps the statuses the shared services answer with to codes', () => {
    expect([401, 403, 404, 409, 413, 503, 500, 418].map(codeForStatus)).toEqual([
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unavailable',
      'internal',
      'internal',
    ]);
  });
});
