export type ReadFormDataResult = { ok: true; formData: FormData } | { ok: false; reason: 'too_large' | 'malformed' };

/**
 * Parses a multipart (or urlencoded) body without ever holding more than `maxBytes` of it:
 * a declared Content-Length above the limit is refused before reading, and a body sent
 * without one (chunked) is cut off as soon as it passes the limit.
 */
export async function readFormData(request: Request, maxBytes: number): Promise<ReadFormDataResult> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'too_large' };
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(contentType)) {
    return { ok: false, reason: 'malformed' };
  }

  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  }

  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    const formData = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    return { ok: true, formData };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
