import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pickEncoding } from '../http/pick-encoding.ts';
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

  it('answers the plain body with its ETag where no hook takes the encodings', async () => {
    const response = respondWithExport(request({ 'accept-encoding': 'gzip, br' }), encoded, { 'Content-Type': 'a/b' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('etag')).toBe(encoded.etag);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(Buffer.from(await response.arrayBuffer()).equals(encoded.identity)).toBe(true);
  });

  it('picks Brotli, then gzip, honouring q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('')).toBeNull();
  });

  it('answers 304 without a body to a client whose copy is current, and 200 to an older one', async () => {
    const fresh = respondWithExport(request({ 'if-none-match': `W/${encoded.etag}` }), encoded, {});
    expect(fresh.status).toBe(304);
    expect(await fresh.text()).toBe('');
    const old = respondWithExport(request({ 'if-none-match': '"older"' }), encoded, {});
    expect(old.status).toBe(200);
  });
});
