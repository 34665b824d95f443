import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  TENFOLD_URL: z.string().trim().min(1).optional().catch(undefined),
  TENFOLD_TOKEN: z.string().trim().min(1).optional().catch(undefined),
  XDG_CONFIG_HOME: z.string().min(1).optional().catch(undefined),
});

export type CliEnv = { url?: string; token?: string; configDir: string };

/** The CLI's environment, read once. An empty variable counts as unset. */
export function readCliEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  const env = envSchema.parse({
    TENFOLD_URL: source.TENFOLD_URL || undefined,
    TENFOLD_TOKEN: source.TENFOLD_TOKEN || undefined,
    XDG_CONFIG_HOME: source.XDG_CONFIG_HOME || undefined,
  });
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const configHome =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return { url: env.TENFOLD_URL, token: env.TENFOLD_TOKEN, configDir: join(configHome, 'tenfold') };
}
