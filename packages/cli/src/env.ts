import { homedir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  TENFOLD_URL: z.string().trim().min(1).optional().catch(undefined),
  TENFOLD_TOKEN: z.string().trim().min(1).optional().catch(undefined),
  XDG_CONFIG_HOME: z.string().min(1).optional().catch(undefined),
  INIT_CWD: z.string().min(1).optional().catch(undefined),
});

export type CliEnv = {
  url?: string;
  token?: string;
  configDir: string;
  /** The folder `tenfold` was run from, against which the paths typed resolve. */
  workingDir: string;
};

/**
 * Where the command was typed. npx starts a workspace's bin in the workspace's folder, above the
 * one it was typed in, and says which in INIT_CWD. Every process npm starts inherits INIT_CWD,
 * so it counts only below the working folder: `tenfold` started elsewhere by a script (or a
 * test run under npm) keeps its own working folder.
 */
function typedIn(initCwd: string | undefined): string {
  const cwd = process.cwd();
  if (!initCwd || !isAbsolute(initCwd)) return cwd;
  const below = relative(cwd, initCwd);
  return below && !below.startsWith('..') && !isAbsolute(below) ? initCwd : cwd;
}

/** The CLI's environment, read once. An empty variable counts as unset. */
export function readCliEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  const env = envSchema.parse({
    TENFOLD_URL: source.TENFOLD_URL || undefined,
    TENFOLD_TOKEN: source.TENFOLD_TOKEN || undefined,
    XDG_CONFIG_HOME: source.XDG_CONFIG_HOME || undefined,
    INIT_CWD: source.INIT_CWD || undefined,
  });
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const configHome =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return {
    url: env.TENFOLD_URL,
    token: env.TENFOLD_TOKEN,
    configDir: join(configHome, 'tenfold'),
    workingDir: typedIn(env.INIT_CWD),
  };
}
