import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { getSessionCookie } from 'better-auth/cookies';
import { type CachedEntry, readCachedPage } from '../../../page-cache/page-cache-handler.mjs';
import { findCachedPageRoute } from '../cache/cached-page-path.ts';
import { addRequestHook } from './add-request-hook.ts';
import { pickEncoding } from './pick-encoding.ts';

/** A cached page's response as Next.js sent it, with its body encoded once. */
type StoredResponse = {
  headers: OutgoingHttpHeaders;
  etag: string | null;
  /** When Next.js itself would start treating the entry as stale (its `s-maxage`). */
  freshUntil: number;
  bodies: { identity: Buffer; gzip: Buffer; br: Buffer };
};

/** Keyed by the page cache's own entry: a revalidation that drops the entry drops this too. */
const responses = new WeakMap<CachedEntry, StoredResponse>();
/** Entries whose response is being encoded, so that concurrent hits encode it once. */
const encoding = new WeakSet<CachedEntry>();

/** Headers of the connection or of one body's framing: each response sets its own. */
const PER_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
]);

/** Client-side navigations and prefetches (RSC payloads), server actions: all Next.js's to answer. */
function isPlainDocumentRequest(request: IncomingMessage, url: URL): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (url.searchParams.has('_rsc')) return false;
  if (request.headers.purpose === 'prefetch') return false;
  return !Object.keys(request.headers).some(
    (name) => name === 'rsc' || name.startsWith('next-') || name.startsWith('x-middleware'),
  );
}

/** The path of the cached page this request asks for, as Next.js renders it, or null when it is not one. */
function cachedPathOf(request: IncomingMessage): string | null {
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
  if (!isPlainDocumentRequest(request, url)) return null;
  const cookie = request.headers.cookie;
  const isSignedIn = cookie !== undefined && getSessionCookie(new Headers({ cookie })) !== null;
  const route = findCachedPageRoute(url, isSignedIn);
  if (!route.isCached) return null;
  // Next.js renders (and keys) the decoded path; a view is the only encoded segment.
  try {
    return decodeURIComponent(route.rewriteTo ?? url.pathname);
  } catch {
    return null;
  }
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

function send(request: IncomingMessage, response: ServerResponse, stored: StoredResponse): void {
  if (matchesEtag(request.headers['if-none-match'], stored.etag)) {
    response.writeHead(304, stored.headers);
    response.end();
    return;
  }
  const coding = pickEncoding(String(request.headers['accept-encoding'] ?? ''));
  const body = stored.bodies[coding ?? 'identity'];
  response.writeHead(200, {
    ...stored.headers,
    ...(coding ? { 'content-encoding': coding } : {}),
    'content-length': String(body.byteLength),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function freshForSeconds(cacheControl: unknown): number | null {
  const match = /(?:^|,)\s*s-maxage=(\d+)/.exec(String(cacheControl ?? ''));
  return match ? Number(match[1]) : null;
}

async function encodeBodies(identity: Buffer): Promise<StoredResponse['bodies']> {
  const [gzipped, brotli] = await Promise.all([
    promisify(gzip)(identity, { level: 9 }),
    promisify(brotliCompress)(identity, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
      },
    }),
  ]);
  return { identity, gzip: gzipped, br: brotli };
}

/**
 * Lets Next.js answer this request (a hit from its page cache) uncompressed, keeps a copy of the
 * response as it went out, and stores it encoded for the entry it came from, if the entry is
 * still the one stored once the response has ended.
 */
function recordResponse(request: IncomingMessage, response: ServerResponse, path: string, entry: CachedEntry): void {
  encoding.add(entry);
  delete request.headers['accept-encoding'];
  const chunks: Buffer[] = [];
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  const keep = (chunk: unknown, encodingName?: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, (encodingName as BufferEncoding) || 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return Reflect.apply(write, response, [chunk, ...rest]);
  }) as ServerResponse['write'];
  response.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') keep(args[0], args[1]);
    return Reflect.apply(end, response, args);
  }) as ServerResponse['end'];
  response.once('finish', () => {
    const headers = response.getHeaders();
    const freshFor = freshForSeconds(headers['cache-control']);
    const storable =
      response.statusCode === 200 &&
      headers['x-nextjs-cache'] === 'HIT' &&
      headers['set-cookie'] === undefined &&
      freshFor !== null &&
      readCachedPage(path) === entry;
    if (!storable) {
      encoding.delete(entry);
      return;
    }
    const kept: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) {
      if (!PER_RESPONSE_HEADERS.has(name) && value !== undefined) kept[name] = value;
    }
    encodeBodies(Buffer.concat(chunks))
      .then((bodies) => {
        responses.set(entry, {
          headers: kept,
          etag: typeof headers.etag === 'string' ? headers.etag : null,
          freshUntil: entry.lastModified + freshFor * 1000,
          bodies,
        });
      })
      .catch(() => undefined)
      .finally(() => encoding.delete(entry));
  });
}

/** Answers the request from a stored response, or arranges to store this one; false: Next.js answers. */
function answerFromPageCache(request: IncomingMessage, response: ServerResponse): boolean {
  const path = cachedPathOf(request);
  if (path === null) return false;
  const entry = readCachedPage(path);
  if (!entry) return false;
  const stored = responses.get(entry);
  if (stored && Date.now() < stored.freshUntil) {
    send(request, response, stored);
    return true;
  }
  if (!stored && request.method === 'GET' && !encoding.has(entry)) recordResponse(request, response, path, entry);
  return false;
}

/**
 * The front door of the page cache. A page Next.js has rendered into its page cache
 * (page-cache/page-cache-handler.mjs) still costs a trip through `next start` on every hit:
 * routing, the proxy, the cache lookup, and gzip of a 100+ KiB document, about four times what a
 * static file costs. So once Next.js has served a hit of an entry, its response (headers as
 * Next.js set them, the hash-based CSP included) is kept with the entry, encoded once as
 * identity, gzip and Brotli, and later plain document requests for that page are answered from
 * it before Next.js sees them. It is not a second cache: what is served is the entry Next.js
 * stored, only while it is stored (a revalidation drops both at once) and fresh by Next.js's own
 * `s-maxage`; anything else (RSC requests, signed-in model pages, misses, stale entries) goes
 * to Next.js.
 */
export function sendCachedPages(): void {
  addRequestHook('sendCachedPages', answerFromPageCache);
}
