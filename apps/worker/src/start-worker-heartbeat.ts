import { hostname } from 'node:os';
import type { Db } from '@tenfold/db';
import { runPeriodically } from './run-periodically.ts';

export type WorkerIdentity = { workerId: string; concurrency: number };

/**
 * Keeps this process's WorkerHeartbeat row fresh, so operators (and the ETA on submission pages)
 * see which workers are alive and how many jobs they take. `stop` deletes the row: a process
 * that exits cleanly is not mistaken for one that died.
 */
export function startWorkerHeartbeat(
  db: Db,
  identity: WorkerIdentity,
  intervalMs: number,
  onError: (error: unknown) => void,
): { stop: () => Promise<void> } {
  const row = { hostname: hostname(), pid: process.pid, concurrency: identity.concurrency };
  const loop = runPeriodically(
    async () => {
      await db.workerHeartbeat.upsert({
        where: { id: identity.workerId },
        create: { id: identity.workerId, ...row },
        update: { ...row, lastSeenAt: new Date() },
      });
    },
    intervalMs,
    onError,
  );
  return {
    stop: async () => {
      await loop.stop();
      await db.workerHeartbeat.deleteMany({ where: { id: identity.workerId } });
    },
  };
}
