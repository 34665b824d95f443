/**
 * Where to go after signing in, from a `?next=` parameter anyone can put in a link: only a
 * path on this site, never another origin (`//evil.example`, `/\evil.example`, `https:...`);
 * anything else is `/`.
 */
export function safeNextPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || path.length > 512 || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/';
  // Printable ASCII only: browsers drop control characters from URLs (turning /<tab>/x into
  // //x), and a redirect's Location header cannot carry characters beyond Latin-1 (Node
  // refuses to send it: a 500). Links the site makes are percent-encoded anyway.
  if (!/^[\u0021-\u007e]+$/.test(path)) return '/';
  return path;
}
