import type { z } from 'zod';
import { errorEnvelopeSchema } from './api-schemas.ts';
import { CliError, EXIT, type ExitCode } from './exit-codes.ts';
import type { Session } from './resolve-session.ts';

export type ApiRequest = {
  method?: 'GET' | 'POST';
  body?: FormData;
  accept?: string;
  /** Refuse before sending when there is no token (every write needs one). */
  needsToken?: boolean;
};

const CLI_USER_AGENT = 'tenfold-cli';

function tokenHint(session: Session): string {
  const where = `${session.url}/settings/tokens`;
  if (session.tokenSource === 'TENFOLD_TOKEN') return `Check TENFOLD_TOKEN: make a new token at ${where}.`;
  return `Run \`tenfold login\` with a token from ${where} (or set TENFOLD_TOKEN).`;
}

function exitCodeFor(status: number): ExitCode {
  if (status === 401 || status === 403) return EXIT.auth;
  if (status === 429) return EXIT.rateLimited;
  if (status >= 500) return EXIT.server;
  return EXIT.usage;
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'internal' : 'invalid_input';
}

/** Turns a non-2xx answer into one error saying what is wrong and what to do. */
async function errorFromResponse(session: Session, response: Response): Promise<CliError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: a proxy's page, or a server without REST API v1.
  }
  const envelope = errorEnvelopeSchema.safeParse(body);
  const status = response.status;
  const code = envelope.success ? envelope.data.error.code : fallbackCode(status);
  let message = envelope.success
    ? envelope.data.error.message
    : status === 404
      ? `${session.url} answered 404 Not Found: check the id, or that --url names a Tenfold server with REST API v1.`
      : `${session.url} answered HTTP ${status} ${response.statusText}.`;
  if (envelope.success && envelope.data.error.fields) {
    const fields = Object.entries(envelope.data.error.fields).map(([field, why]) => `  ${field}: ${why}`);
    if (fields.length > 0) message = `${message}\n${fields.join('\n')}`;
  }
  if (status === 401) message = `${message} ${tokenHint(session)}`;
  if (status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    if (Number.isFinite(retryAfter) && retryAfter > 0) message = `${message} Try again in ${formatWait(retryAfter)}.`;
  }
  return new CliError(message, exitCodeFor(status), code);
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3600)} h`;
}

/** Why fetch failed, in words: Node hides the socket error in `cause`. */
function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** One request to REST API v1; answers 2xx or throws a CliError. */
export async function callApi(session: Session, path: string, request: ApiRequest = {}): Promise<Response> {
  if (request.needsToken && !session.token) {
    throw new CliError(`Not logged in to ${session.url}. ${tokenHint(session)}`, EXIT.auth, 'unauthorized');
  }
  const headers: Record<string, string> = {
    Accept: request.accept ?? 'application/json',
    'User-Agent': CLI_USER_AGENT,
  };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  let response: Response;
  try {
    response = await fetch(`${session.url}/api/v1${path}`, {
      method: request.method ?? 'GET',
      headers,
      body: request.body,
      redirect: 'error',
    });
  } catch (error) {
    throw new CliError(
      `Cannot reach the Tenfold server at ${session.url} (${describeNetworkError(error)}). Is it running? Choose another with --url or TENFOLD_URL.`,
      EXIT.server,
      'unreachable',
    );
  }
  if (!response.ok) throw await errorFromResponse(session, response);
  return response;
}

/** A JSON answer checked against the shape the CLI relies on. */
export async function callApiJson<T extends z.ZodType>(
  session: Session,
  path: string,
  schema: T,
  request: ApiRequest = {},
): Promise<z.infer<T>> {
  const response = await callApi(session, path, request);
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    throw new CliError(
      `${session.url}/api/v1${path} answered something this CLI does not understand (${parsed.error.issues[0]?.path.join('.') ?? 'body'}): is the server a different version?`,
      EXIT.server,
      'unexpected_response',
    );
  }
  return parsed.data;
}
