import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApp, uploadForm } from './http-client.ts';
import { startWebApp, type WebApp } from './web-app.ts';

// The two 429s of REST API v1 over HTTP against `next start`: the daily submission quota and the
// per-user API rate limit, each in the agreed error shape with Retry-After. Needs `npx next build`.

const API_REQUESTS_PER_MINUTE = 4;
const DOCUMENT_URI = 'https://tenfold.test/openapi.json';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => void;

let app: WebApp;
let token: string;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  app = await startWebApp('web_api_v1_limits', {
    API_REQUESTS_PER_MINUTE: String(API_REQUESTS_PER_MINUTE),
    SUBMISSIONS_PER_DAY: '1',
  });
  ajv.addSchema(await (await fetch(`${app.baseUrl}/api/v1/openapi.json`)).json(), DOCUMENT_URI);
  const signUp = await callApp(
    app.baseUrl,
    {},
    {
      method: 'POST',
      path: '/api/auth/sign-up/email',
      json: {
        name: 'Limited',
        email: `limited-${crypto.randomUUID()}@example.com`,
        password: `pw-${crypto.randomUUID()}`,
      },
    },
  );
  const cookie = signUp.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const created = await callApp(app.baseUrl, { cookie }, { method: 'POST', path: '/api/tokens', json: { name: 'x' } });
  token = ((await created.json()) as { token: string }).token;
}, 120_000);

afterAll(() => app?.stop(), 60_000);

/** The body, checked against the Error schema of the served document. */
async function errorBody(response: Response): Promise<unknown> {
  const body = await response.json();
  const validate = ajv.getSchema(`${DOCUMENT_URI}#/components/schemas/Error`);
  if (!validate?.(body)) throw new Error(`not an Error: ${JSON.stringify(body)} ${ajv.errorsText(validate?.errors)}`);
  return body;
}

describe('REST API v1 limits', () => {
  it('refuses an upload over the daily quota, then any call over the rate limit, with Retry-After', async () => {
    const upload = () =>
      callApp(
        app.baseUrl,
        { token },
        { method: 'POST', path: '/api/v1/submissions', form: uploadForm({ modelName: 'Q' }) },
      );
    expect((await upload()).status).toBe(201);
    const overQuota = await upload();
    expect(overQuota.status).toBe(429);
    expect(Number(overQuota.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorBody(overQuota)).toMatchObject({
      error: { code: 'quota_exceeded', message: expect.stringContaining('quota of 1 submissions') },
    });

    const statuses: number[] = [];
    let last: Response | undefined;
    for (let call = 0; call < 2; call += 1) {
      last = await callApp(app.baseUrl, { token }, { method: 'GET', path: '/api/v1/me' });
      statuses.push(last.status);
    }
    // Creating the token (a mutation), two uploads and one read use up the minute's four calls.
    expect(statuses).toEqual([200, 429]);
    if (!last) throw new Error('no call');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorBody(last)).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringContaining(`${API_REQUESTS_PER_MINUTE} a minute`) },
    });
  });
});
