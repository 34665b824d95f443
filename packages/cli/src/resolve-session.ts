import { readConfig } from './config-store.ts';
import type { CliEnv } from './env.ts';
import { DEFAULT_SERVER_URL, normalizeServerUrl } from './server-url.ts';

export type Session = {
  url: string;
  token: string | null;
  /** Where the token came from, for messages about a bad one. */
  tokenSource: 'TENFOLD_TOKEN' | 'config' | null;
};

/**
 * The server and token a command uses. Server: --url, TENFOLD_URL, the saved login's, the
 * default. Token: TENFOLD_TOKEN, else the saved one, but only for the server it was saved
 * for, so a token for one server is never sent to another.
 */
export async function resolveSession(env: CliEnv, urlFlag: string | undefined): Promise<Session> {
  const config = await readConfig(env.configDir);
  const url = normalizeServerUrl(urlFlag ?? env.url ?? config?.url ?? DEFAULT_SERVER_URL);
  if (env.token) return { url, token: env.token, tokenSource: 'TENFOLD_TOKEN' };
  if (config && normalizeServerUrl(config.url) === url) return { url, token: config.token, tokenSource: 'config' };
  return { url, token: null, tokenSource: null };
}
