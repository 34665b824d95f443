/** The codes a refusal carries; /api/v1 clients branch on these, never on the message. */
export const REFUSAL_CODES = [
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
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * Why a request is refused, as every service, guard and reader returns it: the HTTP status, a
 * code, a sentence that says what to do about it, optional per-field sentences, extra body
 * fields for /api answers (`details`) and headers the answer must carry (Retry-After, ...).
 * Routes never build error bodies themselves: `withRoute` renders a Refusal in the shape of
 * its API (`renderRefusal`).
 */
export type Refusal = {
  status: number;
  code: RefusalCode;
  message: string;
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
};

/** A service's or reader's "no": `{ ok: false }` plus the refusal, so `return result` passes it on. */
export type Refused = { ok: false } & Refusal;

const CODE_BY_STATUS: Record<number, RefusalCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'invalid_input',
  422: 'invalid_input',
  429: 'rate_limited',
  503: 'unavailable',
};

export function codeForStatus(status: number): RefusalCode {
  return CODE_BY_STATUS[status] ?? 'internal';
}

/** A refusal; its code follows from the status unless given. */
export function refuse(
  status: number,
  message: string,
  options: Omit<Partial<Refusal>, 'status' | 'message'> = {},
): Refused {
  const { code = codeForStatus(status), ...rest } = options;
  return { ok: false, status, code, message, ...rest };
}

/** A Refused, not a Response (whose `ok` is false for a redirect or an error status too). */
export function isRefused(value: unknown): value is Refused {
  if (typeof value !== 'object' || value === null || value instanceof Response) return false;
  return (value as { ok?: unknown }).ok === false && 'code' in value && 'message' in value;
}
