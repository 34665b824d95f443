import type { z } from 'zod';
import { readBodyBytes } from './read-body-bytes.ts';
import { type Refused, refuse } from './refusal.ts';

/** JSON bodies of Tenfold's own API are a few fields; anything bigger is not one of them. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

export type ReadJsonBodyResult<T> = { ok: true; data: T } | Refused;

/** Reads a small JSON body and validates it with `schema`; every refusal says what was wrong. */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<ReadJsonBodyResult<T>> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return refuse(415, 'Send the body as application/json.');
  }
  const body = await readBodyBytes(request, MAX_JSON_BODY_BYTES);
  if (!body.ok) return refuse(413, `The body is larger than ${MAX_JSON_BODY_BYTES} bytes.`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body.bytes));
  } catch {
    return refuse(400, 'The body is not valid JSON.');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    );
    return refuse(400, problems.join(' '));
  }
  return { ok: true, data: result.data };
}
