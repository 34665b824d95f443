import { getSessionCookie } from 'better-auth/cookies';
import { type NextRequest, NextResponse } from 'next/server';
import { getEnv } from '@/env';
import { buildContentSecurityPolicy } from '../page-cache/content-security-policy.mjs';
import { findCachedPageRoute } from './server/cache/cached-page-path.ts';

/** Link prefetches are not documents: they get no policy, but the same rewrite as the page. */
function isPrefetch(request: NextRequest): boolean {
  return request.headers.has('next-router-prefetch') || request.headers.get('purpose') === 'prefetch';
}

export function proxy(request: NextRequest) {
  const env = getEnv();
  const requestHeaders = new Headers(request.headers);
  // Set here, never taken from the client: layouts do not know the page's path, and a sign-in
  // redirect from one should bring the visitor back to the page they asked for.
  requestHeaders.set('x-request-path', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const route = findCachedPageRoute(request.nextUrl, getSessionCookie(request) !== null);
  let response: NextResponse;
  if (route.isCached) {
    // Served from the page cache, which stores each page with a policy made of the hashes of
    // its own inline scripts (page-cache/page-cache-handler.mjs): no nonce here, or the
    // browser would enforce both policies and refuse the cached page's scripts.
    const target = route.rewriteTo === null ? null : new URL(route.rewriteTo, request.url);
    response = target
      ? NextResponse.rewrite(target, { request: { headers: requestHeaders } })
      : NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    // A fresh nonce per page rendered per request: Next.js reads it from the request's CSP
    // header and puts it on its own inline and bundle scripts, so the policy can forbid every
    // other script ('strict-dynamic' lets those scripts load the chunks they need).
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const policy = buildContentSecurityPolicy({
      scripts: [`'nonce-${nonce}'`, "'strict-dynamic'"],
      styles: [`'nonce-${nonce}'`],
      isDevelopment: env.NODE_ENV === 'development',
    });
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    if (!isPrefetch(request)) response.headers.set('Content-Security-Policy', policy);
  }
  // Served over https, browsers should never try plain http again (session cookies are Secure then).
  if (env.APP_URL.startsWith('https://')) {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  return response;
}

export const config = {
  matcher: [
    // Pages only: route handlers get a no-script policy from next.config.ts, and static files run nothing.
    '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)',
  ],
};
