/** Every refusal of the JSON API has this shape: `{ "error": "<what to do about it>" }`. */
export function jsonError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
