import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_JSON_BODY_BYTES, readJsonBody } from './read-json-body.ts';

const schema = z.strictObject({ name: z.string().min(1, 'Give a name.') });
const post = (body: string, contentType = 'application/json') =>
  new Request('http://tenfold.test/api/x', { method: 'POST', body, headers: { 'content-type': contentType } });

describe('readJsonBody', () => {
  it('returns the validated body', async () => {
    expect(await readJsonBody(post('{"name":"laptop"}'), schema)).toEqual({ ok: true, data: { name: 'laptop' } });
  });

  it('says what is wrong, field by field', async () => {
    expect(await readJsonBody(post('{"name":""}'), schema)).toEqual({
      ok: false,
      status: 400,
      code: 'invalid_input',
      message: 'name: Give a name.',
    });
    expect(await readJsonBody(post('{"name":"a","role":"admin"}'), schema)).toMatchObject({ ok: false, status: 400 });
    expect(await readJsonBody(post('{nope'), schema)).toEqual({
      ok: false,
      status: 400,
      code: 'invalid_input',
      message: 'The body is not valid JSON.',
    });
  });

  it('refuses other media types and bodies over the limit', async () => {
    expect(await readJsonBody(post('name=x', 'application/x-www-form-urlencoded'), schema)).toMatchObject({
      ok: false,
      status: 415,
    });
    const big = JSON.stringify({ name: 'x'.repeat(MAX_JSON_BODY_BYTES) });
    expect(await readJsonBody(post(big), schema)).toMatchObject({ ok: false, status: 413 });
  });
});
