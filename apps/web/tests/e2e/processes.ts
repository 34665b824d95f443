import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export type Spawned = { name: string; child: ChildProcess; output: string[] };

/** A command in its own process group, so stopping it also stops whatever it started (npx -> tsx -> node). */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Spawned {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output };
}

/** SIGTERM to the group (graceful shutdown), SIGKILL if it is still there after `graceMs`. */
export async function stopProcess(spawned: Spawned | undefined, graceMs = 10_000): Promise<void> {
  const pid = spawned?.child.pid;
  if (!spawned || pid === undefined || spawned.child.exitCode !== null || spawned.child.signalCode !== null) return;
  const exited = once(spawned.child, 'exit');
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

export async function getFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls `url` until it answers with `status`, failing early if the process died. */
export async function waitForHttp(url: string, spawned: Spawned, timeoutMs: number, status = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawned.child.exitCode !== null) {
      throw new Error(`${spawned.name} exited with ${spawned.child.exitCode}:\n${spawned.output.join('')}`);
    }
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status === status) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms:\n${spawned.output.join('')}`);
}

export type Finished = { code: number | null; stdout: string; stderr: string };

/** Runs a command to its end, as a person at a shell would, and keeps what it printed. */
export async function runToEnd(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<Finished> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdin.end(options.input ?? '');
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}
