import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/server/auth/auth';
import { stripSessionTokens } from '@/server/auth/strip-session-tokens';
import { readBodyBytes } from '@/server/http/read-body-bytes';
import { refuse } from '@/server/http/refusal';
import { renderRefusal } from '@/server/http/render-refusal';

/** Sign-up, sign-in and the rest carry a few short fields; nothing larger reaches better-auth. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

/** better-auth's answer, with session tokens taken out of JSON and the standard Retry-After. */
async function toClientResponse(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  // better-auth's own limiter says X-Retry-After; standard clients read Retry-After.
  const retryAfter = headers.get('x-retry-after');
  if (response.status === 429 && retryAfter && !headers.has('retry-after')) headers.set('Retry-After', retryAfter);
  const init = { status: response.status, statusText: response.statusText, headers };
  if (!headers.get('content-type')?.startsWith('application/json')) return new Response(response.body, init);
  const text = await response.text();
  let body = text;
  try {
    body = JSON.stringify(stripSessionTokens(JSON.parse(text)));
  } catch {
    // Not JSON after all (or empty): passed on as it came.
  }
  headers.delete('content-length');
  return new Response(body || null, init);
}

/**
 * better-auth's endpoints (/api/auth/sign-up/email, /sign-in/email, /sign-out, /get-session, ...).
 * It checks Origin on its own mutations and limits sign-in attempts (src/server/auth/auth.ts).
 */
async function handle(request: Request): Promise<Response> {
  let forwarded = request;
  if (request.body) {
    const body = await readBodyBytes(request, MAX_AUTH_BODY_BYTES);
    if (!body.ok)
      return renderRefusal(refuse(413, `The request body is larger than ${MAX_AUTH_BODY_BYTES} bytes.`), 'api');
    forwarded = new Request(request, { body: body.bytes });
  }
  return toClientResponse(await getAuth().handler(forwarded));
}

export const { GET, POST } = toNextJsHandler(handle);
