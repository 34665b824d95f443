import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { addRequestHook } from './add-request-hook.ts';
import { pickEncoding } from './pick-encoding.ts';

/** An export body in each encoding clients ask for, made once per change of the board. */
export type ExportEncodings = { identity: Buffer; gzip: Buffer; br: Buffer };

type Handoff = { header: string; byRequest: Map<string, ExportEncodings | null> };

const HANDOFF = Symbol.for('tenfold.precompressedExports');

/**
 * Shared through globalThis: the route handlers and this hook live in different bundles. The
 * header's name holds a random per-process secret (as in stamp-socket-address.ts), so a client
 * cannot send a request that looks handed over.
 */
function handoff(): Handoff {
  const holder = globalThis as { [HANDOFF]?: Handoff };
  holder[HANDOFF] ??= { header: `x-tenfold-export-${randomBytes(16).toString('hex')}`, byRequest: new Map() };
  return holder[HANDOFF];
}

/**
 * For a route answering an export: when this hook will send the stored encoded bytes of this
 * request, takes them and returns true (the route then answers without a body); false when the
 * route must send the plain body itself (no hook, or a client that accepts no encoding).
 */
export function handOverEncodings(request: Request, encodings: ExportEncodings): boolean {
  const { header, byRequest } = handoff();
  const id = request.headers.get(header);
  if (id === null || !byRequest.has(id)) return false;
  byRequest.set(id, encodings);
  return true;
}

const EXPORT_PATH =
  /^\/api\/(datasets\/[a-z-]+\/leaderboard\.(csv|json)|v1\/leaderboards\/[a-z-]+\/export|v1\/datasets\/[a-z-]+\/consensus)(\?|$)/;

/**
 * The whole-board exports and the image consensus; `leaderboard.json?page=N` is one page, small,
 * left to Next.js's own compression.
 */
function isExport(url: string): boolean {
  if (!EXPORT_PATH.test(url)) return false;
  try {
    return !new URL(url, 'http://localhost').searchParams.has('page');
  } catch {
    return false;
  }
}
let nextId = 0;

/**
 * Route handlers cannot send a compressed body: Next.js drops their `Content-Encoding` and then
 * compresses what they return, on every request (`compress` covers every response). For the
 * whole-board exports, which are megabytes, that was most of their cost, and so was passing the
 * plain megabytes through Next.js's response stream only to replace them. So for those paths this
 * hook hides `Accept-Encoding` from Next.js and gives the request a handoff slot; the route,
 * which still runs as always (rate limits, ETag, 304), puts its stored encodings in the slot and
 * answers without a body (`respondWithExport`), and the hook sends the stored bytes in the
 * client's encoding, with `Content-Encoding` and their length: compressed once per change, never
 * twice, never copied. Anything the route answers without handing over goes out as Next.js wrote it.
 */
export function sendPrecompressedExports(): void {
  addRequestHook('sendPrecompressedExports', (request, response) => {
    const coding = pickEncoding(String(request.headers['accept-encoding'] ?? ''));
    if ((request.method === 'GET' || request.method === 'HEAD') && coding && isExport(request.url ?? '')) {
      const { header, byRequest } = handoff();
      nextId += 1;
      const id = String(nextId);
      delete request.headers['accept-encoding'];
      request.headers[header] = id;
      byRequest.set(id, null);
      response.once('close', () => byRequest.delete(id));
      sendHandedOverBody(response, coding, () => byRequest.get(id) ?? null);
    }
    return false;
  });
}

function sendHandedOverBody(response: ServerResponse, coding: 'br' | 'gzip', take: () => ExportEncodings | null): void {
  const writeHead = response.writeHead.bind(response);
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  const flushHeaders = response.flushHeaders.bind(response);
  let stored: Buffer | null | undefined;
  const decide = (status: number): Buffer | null => {
    if (stored !== undefined) return stored;
    const encodings = status === 200 ? take() : null;
    stored = encodings ? encodings[coding] : null;
    if (stored) {
      response.setHeader('Content-Encoding', coding);
      response.setHeader('Content-Length', String(stored.byteLength));
      response.removeHeader('Transfer-Encoding');
    }
    return stored;
  };
  // Next.js sends the headers with writeHead (a body-less answer) or flushes them before the
  // first chunk: the choice is made by then.
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (decide(status)) {
      // Headers passed here would override the stored body's length and encoding.
      const headers = rest.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null);
      for (const [name, value] of Object.entries(headers ?? {})) {
        if (!/^(content-length|content-encoding|transfer-encoding)$/i.test(name))
          response.setHeader(name, value as string);
      }
      return writeHead(status);
    }
    return Reflect.apply(writeHead, response, [status, ...rest]);
  }) as ServerResponse['writeHead'];
  response.flushHeaders = () => {
    decide(response.statusCode);
    flushHeaders();
  };
  response.write = ((...args: unknown[]) =>
    decide(response.statusCode) ? true : Reflect.apply(write, response, args)) as ServerResponse['write'];
  response.end = ((...args: unknown[]) => {
    const body = decide(response.statusCode);
    if (!body) return Reflect.apply(end, response, args);
    const callback = args.find((arg): arg is () => void => typeof arg === 'function');
    return response.req?.method === 'HEAD' ? end(callback) : end(body, callback);
  }) as ServerResponse['end'];
}
