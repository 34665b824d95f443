import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/server/auth/auth';
import { stripSessionTokens } from '@/server/auth/strip-session-tokens';
import { CLIENT_ADDRESS_HEADER, getClientAddress } from '@/server/http/client-address';
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
 * It checks Origin on its own mutations; src/server/auth/auth.ts adds the password rule and the
 * sign-in and sign-up limits, per client address as getClientAddress derives it.
 */
async function handle(request: Request): Promise<Response> {
  const headers = new Headers(request.headers);
  // Overwrites whatever the client sent under this name: better-auth keys its limits by it.
  headers.set(CLIENT_ADDRESS_HEADER, getClientAddress(request.headers));
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (request.body) {
    const read = await readBodyBytes(request, MAX_AUTH_BODY_BYTES);
    if (!read.ok)
      return renderRefusal(refuse(413, `The request body is larger than ${MAX_AUTH_BODY_BYTES} bytes.`), 'api');
    body = read.bytes;
  }
  return toClientResponse(await getAuth().handler(new Request(request, { headers, body })));
}

export const { GET, POST } = toNextJsHandler(handle);
