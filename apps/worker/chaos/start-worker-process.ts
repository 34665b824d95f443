import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export type WorkerProcess = {
  workerId: string;
  /** Signals the whole process group: the worker and its scoring processes. */
  signal: (signal: 'SIGKILL' | 'SIGTERM') => void;
  /** Resolves with the worker's exit code (or signal) once every process of its group is gone. */
  exited: Promise<number | string>;
  isRunning: () => boolean;
};

function isGroupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `node apps/worker/dist/index.mjs` (its build), as the worker's start script does, in its
 * own process group so that a SIGKILL takes its scoring processes down with it, as when a
 * machine dies. Not `npx tsx`: tsx's CLI SIGKILLs its child when the child does not acknowledge
 * a SIGTERM within about 60 ms, which a worker busy handing images to a scoring process cannot
 * promise, so a graceful stop would turn into a kill. Output is appended to `logPath`.
 */
export function startWorkerProcess(options: {
  workerId: string;
  env: Record<string, string>;
  logPath: string;
}): WorkerProcess {
  const child = spawn(process.execPath, ['apps/worker/dist/index.mjs'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env, WORKER_ID: options.workerId },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logPath, { flags: 'a' });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = once(child, 'exit').then(async ([code, signal]) => {
    // A scoring process may outlive the worker for a moment: done means the whole group is gone.
    while (child.pid !== undefined && isGroupAlive(child.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    log.end();
    return (code ?? signal) as number | string;
  });
  return {
    workerId: options.workerId,
    signal: (signal) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    },
    exited,
    isRunning: () => child.pid !== undefined && isGroupAlive(child.pid),
  };
}
