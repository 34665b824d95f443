/**
 * Browsers posting the HTML form ask for text/html and get redirects; scripts, the CLI and
 * our own enhanced form (Accept: application/json) get JSON. A client that names neither
 * (curl's default) gets JSON too.
 */
export function wantsJson(accept: string | null): boolean {
  if (!accept) return true;
  const value = accept.toLowerCase();
  if (value.includes('application/json')) return true;
  return !value.includes('text/html');
}
