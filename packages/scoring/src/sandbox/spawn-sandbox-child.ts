import { type ChildProcess, fork } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD_ENTRY = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url));
const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');

export type SandboxChild = { child: ChildProcess; jobDir: string; dispose: () => Promise<void> };

/**
 * Forks a scoring child in a fresh job folder (its cwd and TMPDIR: onnxruntime-node writes
 * session files there) with nothing of the parent's environment but PATH.
 */
export async function spawnSandboxChild(workDir: string, memoryMb: number): Promise<SandboxChild> {
  await mkdir(workDir, { recursive: true });
  const jobDir = await mkdtemp(join(workDir, 'job-'));
  const child = fork(CHILD_ENTRY, [], {
    cwd: jobDir,
    execArgv: ['--import', TSX_LOADER, `--max-old-space-size=${memoryMb}`],
    env: { TMPDIR: jobDir, PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const dispose = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    await rm(jobDir, { recursive: true, force: true });
  };
  return { child, jobDir, dispose };
}

// Starting a child (Node, the TypeScript loader, ONNX Runtime) takes about half a second, so a
// worker keeps one started child per setting ready for its next job.
const spares = new Map<string, Promise<SandboxChild>>();

function spareKey(workDir: string, memoryMb: number): string {
  return `${workDir}\0${memoryMb}`;
}

/** A started child: the spare when there is one (then a new spare is started), else a new one. */
export async function takeSandboxChild(workDir: string, memoryMb: number, keepWarm: boolean): Promise<SandboxChild> {
  const key = spareKey(workDir, memoryMb);
  const spare = spares.get(key);
  spares.delete(key);
  if (keepWarm) {
    const next = spawnSandboxChild(workDir, memoryMb);
    next.catch(() => spares.delete(key));
    spares.set(key, next);
  }
  const ready = spare ? await spare.catch(() => null) : null;
  if (ready && ready.child.exitCode === null && ready.child.connected) return ready;
  return spawnSandboxChild(workDir, memoryMb);
}

/** Stops the spare children (at shutdown, so no process outlives the worker). */
export async function disposeSpareSandboxes(): Promise<void> {
  const pending = [...spares.values()];
  spares.clear();
  await Promise.all(pending.map(async (spare) => (await spare.catch(() => null))?.dispose()));
}
