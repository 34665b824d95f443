import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeExport, respondWithExport } from './encode-export.ts';

const text = JSON.stringify({ entries: Array.from({ length: 500 }, (_, i) => ({ rank: i + 1, name: `model ${i}` })) });
const encoded = encodeExport(text);
const request = (headers: Record<string, string>) => new Request('http://localhost/x', { headers });

describe('encodeExport / respondWithExport', () => {
  it('stores each encoding of the same bytes, under one ETag that follows the content', () => {
    expect(gunzipSync(encoded.gzip).toString('utf8')).toBe(text);
    expect(brotliDecompressSync(encoded.br).toString('utf8')).toBe(text);
    expect(encoded.identity.toString('utf8')).toBe(text);
    expect(encodeExport(text).etag).toBe(encoded.etag);
    expect(encodeExport(`${text} `).etag).not.toBe(encoded.etag);
  });

  it('answers the encoding the client accepts, with Content-Encoding and Content-Length', async () => {
    const cases: [string, string | null, Buffer][] = [
      ['gzip, deflate, br', 'br', encoded.br],
      ['gzip', 'gzip', encoded.gzip],
      ['br;q=0, gzip', 'gzip', encoded.gzip],
      ['', null, encoded.identity],
      ['identity', null, encoded.identity],
    ];
    for (const [accept, coding, bytes] of cases) {
      const response = respondWithExport(request({ 'accept-encoding': accept }), encoded, { 'Content-Type': 'a/b' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding'), accept).toBe(coding);
      expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
      expect(response.headers.get('etag')).toBe(encoded.etag);
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes), accept).toBe(true);
    }
  });

  it('answers 304 without a body to a client whose copy is current, and 200 to an older one', async () => {
    const fresh = respondWithExport(request({ 'if-none-match': `W/${encoded.etag}` }), encoded, {});
    expect(fresh.status).toBe(304);
    expect(await fresh.text()).toBe('');
    const old = respondWithExport(request({ 'if-none-match': '"older"' }), encoded, {});
    expect(old.status).toBe(200);
  });
});
