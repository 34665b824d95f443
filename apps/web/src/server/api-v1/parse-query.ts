import type { z } from 'zod';
import { type Refused, refuse } from '@/server/http/refusal';

export type ParsedQuery<T> = { ok: true; data: T } | Refused;

/** A request's query string through `schema`; a bad parameter is a 400 naming it and what to send. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): ParsedQuery<z.infer<S>> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? 'query');
    fields[name] ??= issue.message;
  }
  return refuse(400, `Fix the query parameters: ${Object.values(fields).join(' ')}`, { fields });
}
