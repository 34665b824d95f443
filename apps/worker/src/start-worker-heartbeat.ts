import { hostname } from 'node:os';
import type { DatasetEnum } from '@tenfold/datasets';
import type { Db } from '@tenfold/db';
import type { DatasetAvailability } from './dataset-availability.ts';
import { runPeriodically } from './run-periodically.ts';

export type WorkerIdentity = { workerId: string; concurrency: number };

/**
 * Keeps this process's WorkerHeartbeat row fresh, so operators (and the ETA on submission pages)
 * see which workers are alive, how many jobs they take and which datasets they can score (with
 * why not). Each beat first looks again for the datasets still missing, so files installed
 * while the worker runs are noticed; then `onChecked` hears of the datasets that became scorable
 * since the last beat (the first beat: all there are), after the row says so, and again at the
 * next beat if it threw. `stop` deletes the row: a process that exits cleanly is not mistaken
 * for one that died.
 */
export function startWorkerHeartbeat(
  db: Db,
  identity: WorkerIdentity,
  datasets: DatasetAvailability,
  intervalMs: number,
  handlers: { onChecked: (becameScorable: DatasetEnum[]) => Promise<void>; onError: (error: unknown) => void },
): { stop: () => Promise<void> } {
  // Scorable datasets `onChecked` has heard of; one it has not (or that threw) is told again.
  const told = new Set<DatasetEnum>();
  const loop = runPeriodically(
    async () => {
      await datasets.refresh();
      const { scorable, problems } = datasets.status();
      const row = {
        hostname: hostname(),
        pid: process.pid,
        concurrency: identity.concurrency,
        scorableDatasets: scorable,
        datasetProblems: problems,
      };
      await db.workerHeartbeat.upsert({
        where: { id: identity.workerId },
        create: { id: identity.workerId, ...row },
        update: { ...row, lastSeenAt: new Date() },
      });
      const becameScorable = scorable.filter((dataset) => !told.has(dataset));
      await handlers.onChecked(becameScorable);
      for (const dataset of becameScorable) told.add(dataset);
    },
    intervalMs,
    handlers.onError,
  );
  return {
    stop: async () => {
      await loop.stop();
      await db.workerHeartbeat.deleteMany({ where: { id: identity.workerId } });
    },
  };
}
