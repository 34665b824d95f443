/**
 * CSRF defence for requests that carry cookies: browsers send `Origin` on every cross-origin
 * request and on same-origin POST, PUT, PATCH and DELETE, and no page can forge it. Without an
 * Origin, `Sec-Fetch-Site` (also browser-set) must say same-origin. A request with neither did
 * not come from a current browser; it can authenticate with an API token instead.
 */
export function isSameOriginRequest(headers: Headers, appOrigin: string): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return origin === appOrigin;
  return headers.get('sec-fetch-site') === 'same-origin';
}
