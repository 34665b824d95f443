import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { findFreePort } from './find-free-port.ts';

export type PrivateRedis = {
  url: string;
  /** Kills the server (SIGKILL) and starts an empty one on the same port: Redis lost its data. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

const READY = /Ready to accept connections/;
const START_TIMEOUT_MS = 10_000;

/**
 * A Redis server of the harness's own, without persistence, so a restart loses every job: the
 * shared server other tests use is never touched.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await findFreePort();
  let server = await launch(port);
  const kill = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGKILL');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    restart: async () => {
      await kill();
      server = await launch(port);
    },
    stop: kill,
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), START_TIMEOUT_MS);
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (READY.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not run (${error.message}); install it: apt-get install redis-server`));
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  // Keep draining its output so a full pipe never blocks the server.
  server.stdout?.removeAllListeners('data').resume();
  server.stderr?.resume();
  return server;
}
