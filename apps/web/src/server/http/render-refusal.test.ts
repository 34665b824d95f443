import { describe, expect, it } from 'vitest';
import { codeForStatus, refuse } from './refusal.ts';
import { renderRefusal } from './render-refusal.ts';

describe('renderRefusal', () => {
  it("answers /api/v1's { error: { code, message, fields? } }, never cached, with the refusal's headers", async () => {
    const response = renderRefusal(
      refuse(429, 'Too many requests.', { headers: { 'Retry-After': '12' }, fields: { page: 'Later.' } }),
      'v1',
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('retry-after')).toBe('12');
    expect(await response.json()).toEqual({
      error: { code: 'rate_limited', message: 'Too many requests.', fields: { page: 'Later.' } },
    });
    expect(await renderRefusal(refuse(404, 'Gone.'), 'v1').json()).toEqual({
      error: { code: 'not_found', message: 'Gone.' },
    });
  });

  it("answers /api's { error: sentence, ...details } from the same refusal, with no code", async () => {
    const refusal = refuse(401, 'Sign in.', { headers: { 'WWW-Authenticate': 'Bearer' } });
    const response = renderRefusal(refusal, 'api');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'Sign in.' });
    const detailed = renderRefusal(refuse(409, 'Nothing to rescore.', { details: { skipped: { hidden: 2 } } }), 'api');
    expect(await detailed.json()).toEqual({ error: 'Nothing to rescore.', skipped: { hidden: 2 } });
  });

  it('derives the code from the status unless one is given', () => {
    expect([400, 401, 403, 404, 409, 413, 415, 503, 500, 418].map(codeForStatus)).toEqual([
      'invalid_input',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'invalid_input',
      'unavailable',
      'internal',
      'internal',
    ]);
    expect(refuse(429, 'Quota.', { code: 'quota_exceeded' })).toEqual({
      ok: false,
      status: 429,
      code: 'quota_exceeded',
      message: 'Quota.',
    });
  });
});
