import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server } from 'node:http';
import { pickEncoding } from './pick-encoding.ts';

/** The encodings of one export body, under its ETag; filled by `encodeExport` once per change. */
type Encodings = { gzip: Buffer; br: Buffer };
type Store = { byEtag: Map<string, Encodings> };

const STORE = Symbol.for('tenfold.precompressedExports');
const INSTALLED = Symbol.for('tenfold.sendPrecompressedExports');
/** Bodies kept: two datasets x three export kinds, current and previous version. */
const MAX_BODIES = 12;

/** Shared through globalThis: the route handlers and this hook live in different bundles. */
function store(): Store {
  const holder = globalThis as { [STORE]?: Store };
  holder[STORE] ??= { byEtag: new Map() };
  return holder[STORE];
}

export function rememberEncodings(etag: string, encodings: Encodings): void {
  const { byEtag } = store();
  byEtag.delete(etag);
  byEtag.set(etag, encodings);
  for (const oldest of byEtag.keys()) {
    if (byEtag.size <= MAX_BODIES) break;
    byEtag.delete(oldest);
  }
}

const EXPORT_PATH = /^\/api\/(datasets\/[a-z-]+\/leaderboard\.(csv|json)|v1\/leaderboards\/[a-z-]+\/export)(\?|$)/;

/**
 * Route handlers cannot send a compressed body: Next.js drops their `Content-Encoding` and then
 * compresses what they return, on every request (`compress` covers every response). For the
 * whole-board exports, which are megabytes, that is most of their cost. So for those paths this
 * hook hides `Accept-Encoding` from Next.js (which then sends the plain body, with the ETag the
 * route set) and, when that ETag has encodings stored by `encodeExport`, sends those bytes
 * instead, with the right `Content-Encoding`: compressed once per change, never twice. Anything
 * else (a 304, an unknown ETag, another path) goes out as Next.js wrote it.
 */
export function sendPrecompressedExports(): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const coding = pickEncoding(String(request.headers['accept-encoding'] ?? ''));
      if ((request.method === 'GET' || request.method === 'HEAD') && coding && EXPORT_PATH.test(request.url ?? '')) {
        delete request.headers['accept-encoding'];
        replaceBodyWithStoredEncoding(response, coding);
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof prototype.emit;
}

function replaceBodyWithStoredEncoding(response: ServerResponse, coding: 'br' | 'gzip'): void {
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  const flushHeaders = response.flushHeaders.bind(response);
  let stored: Buffer | null | undefined;
  const decide = (): Buffer | null => {
    if (stored !== undefined) return stored;
    const etag = response.getHeader('etag');
    const encodings = response.statusCode === 200 && typeof etag === 'string' ? store().byEtag.get(etag) : undefined;
    stored = encodings ? encodings[coding] : null;
    if (stored) {
      response.setHeader('Content-Encoding', coding);
      response.setHeader('Content-Length', String(stored.byteLength));
      response.removeHeader('Transfer-Encoding');
    }
    return stored;
  };
  // Next.js flushes the headers before the first chunk: the choice is made by then.
  response.flushHeaders = () => {
    decide();
    flushHeaders();
  };
  response.write = ((...args: unknown[]) =>
    decide() ? true : Reflect.apply(write, response, args)) as ServerResponse['write'];
  response.end = ((...args: unknown[]) => {
    const body = decide();
    if (!body) return Reflect.apply(end, response, args);
    const callback = args.find((arg): arg is () => void => typeof arg === 'function');
    return response.req?.method === 'HEAD' ? end(callback) : end(body, callback);
  }) as ServerResponse['end'];
}
