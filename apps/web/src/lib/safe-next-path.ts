/**
 * Where to go after signing in, from a `?next=` parameter anyone can put in a link: only a
 * path on this site, never another origin (`//evil.example`, `/\evil.example`, `https:...`).
 */
export function safeNextPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || path.length > 512 || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop control characters from URLs, turning /<tab>/x into //x.
  if (/[\u0000-\u001f\u007f]/.test(path)) return '/';
  return path;
}
