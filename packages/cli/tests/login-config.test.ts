import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, writeConfig } from '../src/config-store.ts';
import { readCliEnv } from '../src/env.ts';
import { CliError } from '../src/exit-codes.ts';
import { resolveSession } from '../src/resolve-session.ts';
import { normalizeServerUrl } from '../src/server-url.ts';

let home: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'tenfold-cli-config-'));
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('the saved login', () => {
  it('lives in $XDG_CONFIG_HOME/tenfold/config.json, readable by its owner only', async () => {
    const env = readCliEnv({ XDG_CONFIG_HOME: home });
    expect(env.configDir).toBe(join(home, 'tenfold'));
    const path = await writeConfig(env.configDir, { url: 'https://tenfold.example', token: 'tf_secret' });
    expect(path).toBe(join(home, 'tenfold', 'config.json'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(env.configDir)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ url: 'https://tenfold.example', token: 'tf_secret' });
    // Saving again over a file someone made world-readable tightens it again.
    await writeFile(path, '{}', { mode: 0o644 });
    await writeConfig(env.configDir, { url: 'https://tenfold.example', token: 'tf_other' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await expect(readConfig(env.configDir)).resolves.toEqual({ url: 'https://tenfold.example', token: 'tf_other' });
  });

  it('defaults to ~/.config/tenfold and ignores a relative XDG_CONFIG_HOME, as the XDG spec says', () => {
    expect(readCliEnv({ XDG_CONFIG_HOME: 'relative/dir' }).configDir).toMatch(/\/\.config\/tenfold$/);
    expect(readCliEnv({ TENFOLD_TOKEN: '', TENFOLD_URL: '' })).toMatchObject({ url: undefined, token: undefined });
  });

  it('reports a damaged file instead of ignoring it', async () => {
    const configDir = join(home, 'damaged');
    await writeConfig(configDir, { url: 'http://a', token: 'tf_x' });
    await writeFile(join(configDir, 'config.json'), 'not json');
    await expect(readConfig(configDir)).rejects.toThrow(/damaged: delete it and run `tenfold login`/);
  });
});

describe('which server and token a command uses', () => {
  it('sends the saved token only to the server it was saved for', async () => {
    const env = readCliEnv({ XDG_CONFIG_HOME: home });
    await writeConfig(env.configDir, { url: 'https://tenfold.example', token: 'tf_saved' });
    await expect(resolveSession(env, undefined)).resolves.toEqual({
      url: 'https://tenfold.example',
      token: 'tf_saved',
      tokenSource: 'config',
    });
    await expect(resolveSession(env, 'https://tenfold.example/')).resolves.toMatchObject({ token: 'tf_saved' });
    await expect(resolveSession(env, 'https://evil.example')).resolves.toEqual({
      url: 'https://evil.example',
      token: null,
      tokenSource: null,
    });
    const withEnv = readCliEnv({
      XDG_CONFIG_HOME: home,
      TENFOLD_URL: 'http://127.0.0.1:4000',
      TENFOLD_TOKEN: 'tf_env',
    });
    await expect(resolveSession(withEnv, undefined)).resolves.toEqual({
      url: 'http://127.0.0.1:4000',
      token: 'tf_env',
      tokenSource: 'TENFOLD_TOKEN',
    });
  });

  it('defaults to http://localhost:3000 and checks URLs', async () => {
    const env = readCliEnv({ XDG_CONFIG_HOME: join(home, 'nobody') });
    await expect(resolveSession(env, undefined)).resolves.toEqual({
      url: 'http://localhost:3000',
      token: null,
      tokenSource: null,
    });
    expect(normalizeServerUrl('https://example.org/tenfold/')).toBe('https://example.org/tenfold');
    expect(() => normalizeServerUrl('localhost:3000')).toThrow(CliError);
    expect(() => normalizeServerUrl('ftp://example.org')).toThrow(/not an http\(s\) URL/);
    expect(() => normalizeServerUrl('https://user:tf_x@example.org')).toThrow(/not in the URL/);
  });
});
