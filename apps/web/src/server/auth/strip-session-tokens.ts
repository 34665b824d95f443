/**
 * better-auth also returns the session token in JSON bodies (sign-in, sign-up, get-session,
 * list-sessions), where any script on the page could read it; the HttpOnly cookie is the only
 * place the browser needs it. Removes every `token` property; Tenfold's UI uses none of them.
 */
export function stripSessionTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSessionTokens);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'token')
      .map(([key, entry]) => [key, stripSessionTokens(entry)]),
  );
}
