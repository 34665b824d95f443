export type ApiCallResult<T> = { ok: true; data: T | null } | { ok: false; status: number; error: string };

/**
 * Same-origin fetch for the app's own JSON API from client components. The browser adds the
 * session cookie and the Origin header the server checks; refusals come back as their message.
 */
export async function callApi<T = unknown>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiCallResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = response.status === 204 ? null : ((await response.json().catch(() => null)) as T | null);
    if (response.ok) return { ok: true, data };
    const message = (data as { error?: unknown; message?: unknown } | null) ?? {};
    const error = typeof message.error === 'string' ? message.error : message.message;
    return {
      ok: false,
      status: response.status,
      error: typeof error === 'string' && error ? error : `Refused (HTTP ${response.status}).`,
    };
  } catch {
    return { ok: false, status: 0, error: 'Tenfold could not be reached. Check your connection and try again.' };
  }
}
