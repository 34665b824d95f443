import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CliError, EXIT } from './exit-codes.ts';

const configSchema = z.object({ url: z.string().min(1), token: z.string().min(1) });
export type StoredConfig = z.infer<typeof configSchema>;

export const configPath = (configDir: string) => join(configDir, 'config.json');

/** The saved login, or null when there is none. A damaged file is an error, not silently ignored. */
export async function readConfig(configDir: string): Promise<StoredConfig | null> {
  const path = configPath(configDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const config = configSchema.safeParse(parsed);
  if (!config.success) {
    throw new CliError(`${path} is damaged: delete it and run \`tenfold login\` again.`, EXIT.usage, 'config_invalid');
  }
  return config.data;
}

/** Writes the login readable by its owner only (0600, in a 0700 folder): it holds a secret. */
export async function writeConfig(configDir: string, config: StoredConfig): Promise<string> {
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  const path = configPath(configDir);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFile is masked by the umask and ignored for an existing file.
  await chmod(temporary, 0o600);
  await rename(temporary, path);
  return path;
}

export async function deleteConfig(configDir: string): Promise<boolean> {
  const path = configPath(configDir);
  const existed = (await readConfig(configDir).catch(() => true)) !== null;
  await rm(path, { force: true });
  return existed;
}
