import { callApiJson } from '../api-client.ts';
import { type Me, meSchema } from '../api-schemas.ts';
import type { CommandContext } from '../command-context.ts';
import { configPath, deleteConfig, readConfig, writeConfig } from '../config-store.ts';
import { CliError, EXIT, usageError } from '../exit-codes.ts';
import type { Command } from '../parse-command-line.ts';
import { readTokenInput } from '../read-token-input.ts';
import { DEFAULT_SERVER_URL, normalizeServerUrl } from '../server-url.ts';

/** Tenfold's API tokens start with tf_ (apps/web's token format); anything else is a paste mistake. */
const TOKEN_PATTERN = /^tf_[A-Za-z0-9_-]{8,}$/;

export async function runLogin(command: Extract<Command, { name: 'login' }>, context: CommandContext): Promise<number> {
  const { env, io } = context;
  const saved = await readConfig(env.configDir).catch(() => null);
  const url = normalizeServerUrl(command.url ?? env.url ?? saved?.url ?? DEFAULT_SERVER_URL);
  const token = command.token ?? env.token ?? (await readTokenInput(io, `${url}/settings/tokens`));
  if (token === '')
    throw usageError(`No token given: make one at ${url}/settings/tokens and paste it, or use --token.`);
  if (!TOKEN_PATTERN.test(token)) {
    throw usageError(
      `That is not a Tenfold API token (they look like tf_...): copy it again from ${url}/settings/tokens.`,
    );
  }
  let me: Me;
  try {
    me = await callApiJson({ url, token, tokenSource: null }, '/me', meSchema);
  } catch (error) {
    if (error instanceof CliError && error.exitCode === EXIT.auth) {
      throw new CliError(
        `${url} does not accept this token (revoked, expired or for another server): make a new one at ${url}/settings/tokens.`,
        EXIT.auth,
        error.code,
      );
    }
    throw error;
  }
  const path = await writeConfig(env.configDir, { url, token });
  if (command.isJson) io.out(JSON.stringify({ url, user: me, config: path }, null, 2));
  else io.out(`Logged in to ${url} as ${me.name} <${me.email}>. Token saved in ${path}.`);
  return EXIT.ok;
}

export async function runLogout(
  command: Extract<Command, { name: 'logout' }>,
  { env, io }: CommandContext,
): Promise<number> {
  const hadLogin = await deleteConfig(env.configDir);
  const path = configPath(env.configDir);
  if (command.isJson) io.out(JSON.stringify({ loggedOut: hadLogin, config: path }));
  else io.out(hadLogin ? `Deleted ${path}. Revoke the token on the site if nobody needs it.` : 'Not logged in.');
  return EXIT.ok;
}
