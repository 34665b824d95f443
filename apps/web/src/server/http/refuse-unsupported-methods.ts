import { type IncomingMessage, Server, type ServerResponse } from 'node:http';

/** Every method some page or route of the site answers. */
export const SUPPORTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const SUPPORTED = new Set(SUPPORTED_METHODS);
const INSTALLED = Symbol.for('tenfold.refuseUnsupportedMethods');

/**
 * Answers 405 with `Allow` to any other method (TRACE, PROPFIND, ...) before Next.js sees the
 * request: Next builds a WHATWG Request from it, which throws on TRACE (a bare 500), and renders
 * pages for methods no page means to answer. `next start` offers no earlier hook than the
 * server's request event, hence the wrapper on Server.prototype.emit, installed once.
 */
export function refuseUnsupportedMethods(): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (!SUPPORTED.has(request.method ?? '')) {
        response.writeHead(405, {
          Allow: SUPPORTED_METHODS.join(', '),
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        response.end(`Method not allowed: use one of ${SUPPORTED_METHODS.join(', ')}.\n`);
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof prototype.emit;
}
