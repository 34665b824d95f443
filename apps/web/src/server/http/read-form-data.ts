import { readBodyBytes } from './read-body-bytes.ts';

export type ReadFormDataResult = { ok: true; formData: FormData } | { ok: false; reason: 'too_large' | 'malformed' };

/** Parses a multipart (or urlencoded) body of at most `maxBytes` (see readBodyBytes). */
export async function readFormData(request: Request, maxBytes: number): Promise<ReadFormDataResult> {
  const contentType = request.headers.get('content-type') ?? '';
  const body = await readBodyBytes(request, maxBytes);
  if (!body.ok) return body;
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(contentType)) {
    return { ok: false, reason: 'malformed' };
  }
  try {
    const formData = await new Response(body.bytes, { headers: { 'content-type': contentType } }).formData();
    return { ok: true, formData };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
