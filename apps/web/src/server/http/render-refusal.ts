import type { Refusal } from './refusal.ts';

/** Which answers a route gives: the site's `/api` or the versioned `/api/v1`. */
export type ApiShape = 'api' | 'v1';

/**
 * A refusal as its API answers it, never cached:
 * - `/api`: `{ "error": "<what to do about it>", ...details }` (what the site's pages read);
 * - `/api/v1`: `{ "error": { "code", "message", "fields"? } }` (the documented error shape).
 */
export function renderRefusal(refusal: Refusal, shape: ApiShape): Response {
  const { status, code, message, fields, details, headers } = refusal;
  const body =
    shape === 'api'
      ? { error: message, ...details }
      : { error: fields ? { code, message, fields } : { code, message } };
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
