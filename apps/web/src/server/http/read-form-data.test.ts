import { describe, expect, it } from 'vitest';
import { readFormData } from './read-form-data.ts';

function multipart(fileBytes: number): Request {
  const form = new FormData();
  form.set('modelName', 'tiny');
  form.set('file', new File([new Uint8Array(fileBytes)], 'model.onnx'));
  return new Request('http://tenfold.test/api/submissions', { method: 'POST', body: form });
}

describe('readFormData', () => {
  it('parses a multipart body under the limit', async () => {
    const result = await readFormData(multipart(1000), 10_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.formData.get('modelName')).toBe('tiny');
    const file = result.formData.get('file');
    expect(file).toBeInstanceOf(File);
    expect((file as File).size).toBe(1000);
  });

  it('refuses a body over the limit by its Content-Length, without reading it', async () => {
    const request = new Request('http://tenfold.test/', {
      method: 'POST',
      headers: { 'content-length': '20000', 'content-type': 'multipart/form-data; boundary=x' },
      body: 'never read',
    });
    expect(await readFormData(request, 10_000)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(4096));
      },
    });
    const request = new Request('http://tenfold.test/', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(await readFormData(request, 10_000)).toEqual({ ok: false, reason: 'too_large' });
    expect(pulled).toBeLessThan(10);
  });

  it('calls anything but a form malformed', async () => {
    const json = new Request('http://tenfold.test/', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(await readFormData(json, 10_000)).toEqual({ ok: false, reason: 'malformed' });
    const broken = new Request('http://tenfold.test/', {
      method: 'POST',
      body: 'not multipart at all',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
    });
    expect(await readFormData(broken, 10_000)).toEqual({ ok: false, reason: 'malformed' });
  });
});
