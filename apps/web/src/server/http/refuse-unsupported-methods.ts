import { addRequestHook } from './add-request-hook.ts';

/** Every method some page or route of the site answers. */
export const SUPPORTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const SUPPORTED = new Set(SUPPORTED_METHODS);

/**
 * Answers 405 with `Allow` to any other method (TRACE, PROPFIND, ...) before Next.js sees the
 * request: Next builds a WHATWG Request from it, which throws on TRACE (a bare 500), and renders
 * pages for methods no page means to answer.
 */
export function refuseUnsupportedMethods(): void {
  addRequestHook('refuseUnsupportedMethods', (request, response) => {
    if (SUPPORTED.has(request.method ?? '')) return false;
    response.writeHead(405, {
      Allow: SUPPORTED_METHODS.join(', '),
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(`Method not allowed: use one of ${SUPPORTED_METHODS.join(', ')}.\n`);
    return true;
  });
}
