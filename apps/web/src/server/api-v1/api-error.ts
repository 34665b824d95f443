/** The codes an /api/v1 error carries; clients branch on these, never on the message. */
export const API_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_input',
  'payload_too_large',
  'rate_limited',
  'quota_exceeded',
  'internal',
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

type ErrorOptions = { fields?: Record<string, string>; headers?: Record<string, string> };

/** Every non-2xx answer of /api/v1: `{ "error": { "code", "message", "fields"? } }`. */
export function apiError(status: number, code: ApiErrorCode, message: string, options: ErrorOptions = {}): Response {
  const error = options.fields ? { code, message, fields: options.fields } : { code, message };
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store', ...options.headers } });
}

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'invalid_input',
  429: 'rate_limited',
  503: 'unavailable',
};

/** The code for a status the shared services answer with (`{ status, error }` results). */
export function codeForStatus(status: number): ApiErrorCode {
  return CODE_BY_STATUS[status] ?? 'internal';
}

/** Headers a refusal must keep when it is re-shaped (the challenge and the back-off). */
const KEPT_HEADERS = ['www-authenticate', 'retry-after'];

/**
 * The shared auth checks answer in the older `{ "error": "<sentence>" }` shape of /api; /api/v1
 * re-shapes its refusal, keeping its status, sentence and headers.
 */
export async function reshapeRefusal(refusal: Response): Promise<Response> {
  const body = (await refusal.json().catch(() => ({}))) as { error?: unknown };
  const message = typeof body.error === 'string' ? body.error : 'The request was refused.';
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = refusal.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return apiError(refusal.status, codeForStatus(refusal.status), message, { headers });
}

export const notFound = (what: string) => apiError(404, 'not_found', `No ${what} with this id (or it is private).`);
