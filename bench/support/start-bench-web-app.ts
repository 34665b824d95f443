import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getFreePort, type Spawned, startProcess, waitForHttp } from '../../apps/web/tests/e2e/processes.ts';

const WEB_DIR = fileURLToPath(new URL('../../apps/web/', import.meta.url));

/** Fails before any seeding when apps/web has no production build to start. */
export function requireWebBuild(): void {
  if (!existsSync(join(WEB_DIR, '.next', 'BUILD_ID'))) throw new Error('Run `npx next build` in apps/web first.');
}

/** `next start` of the production build on a free port, over the given database, answering. */
export async function startBenchWebApp(databaseUrl: string): Promise<{ baseUrl: string; web: Spawned }> {
  const port = await getFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const nextBin = createRequire(join(WEB_DIR, 'package.json')).resolve('next/dist/bin/next');
  const web = startProcess(
    'next start',
    process.execPath,
    [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: WEB_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_SECRET: 'b'.repeat(32),
        APP_URL: baseUrl,
        // Every client of a bench is one address: the per-address limit on anonymous reads
        // (README, "Accounts and limits") would answer 429 where a bench measures serving.
        ANONYMOUS_API_READS_PER_MINUTE: '1000000',
      },
    },
  );
  await waitForHttp(`${baseUrl}/`, web, 60_000);
  return { baseUrl, web };
}
