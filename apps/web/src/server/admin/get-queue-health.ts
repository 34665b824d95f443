import 'server-only';
import { DATASETS, type DatasetEnum } from '@tenfold/datasets';
import type { Db, FailureKind, SubmissionStatus } from '@tenfold/db';
import { STALE_WORKER_AFTER_MS } from './admin-thresholds.ts';

const HOUR_MS = 3_600_000;

export type HourBucket = { start: Date; scored: number; modelFailures: number; platformFailures: number };

export type WorkerView = {
  id: string;
  hostname: string;
  pid: number;
  concurrency: number;
  startedAt: Date;
  lastSeenAt: Date;
  ageMs: number;
  isStale: boolean;
};

export type QueueHealth = {
  now: Date;
  /** BullMQ's counts per job state, or the reason Redis could not be asked. */
  jobs: { ok: true; counts: Record<string, number> } | { ok: false; error: string };
  submissions: Record<SubmissionStatus, number>;
  oldestQueuedAt: Date | null;
  workers: WorkerView[];
  /**
   * Datasets that no live worker can score (their submissions wait QUEUED), each with the
   * distinct reasons the live workers gave (none when no worker is alive at all).
   */
  unscorableDatasets: Array<{ dataset: DatasetEnum; name: string; reasons: string[] }>;
  /** One bucket per hour over the last 7 days, oldest first; the last 24 are the last day. */
  hours: HourBucket[];
  recentFailures: Array<{
    id: string;
    modelName: string;
    failureKind: FailureKind | null;
    statusReason: string | null;
    finishedAt: Date | null;
  }>;
};

/** What the console needs from the queue; the real one is the scoring queue's getJobCounts. */
export type JobCounter = () => Promise<Record<string, number>>;

type HeartbeatRow = { scorableDatasets: DatasetEnum[]; datasetProblems: unknown };

/** What the live workers' heartbeats say about each dataset nobody can score. */
export function findUnscorableDatasets(live: HeartbeatRow[]): QueueHealth['unscorableDatasets'] {
  return Object.values(DATASETS)
    .filter((info) => !live.some((worker) => worker.scorableDatasets.includes(info.enumValue)))
    .map((info) => {
      const reasons = live.flatMap((worker) => {
        const problems = (worker.datasetProblems ?? {}) as Partial<Record<DatasetEnum, unknown>>;
        const why = problems[info.enumValue];
        return typeof why === 'string' ? [why] : [];
      });
      return { dataset: info.enumValue, name: info.name, reasons: [...new Set(reasons)] };
    });
}

/** Buckets finished submissions by the hour they finished in, `hours` hours back from `now`. */
export function bucketByHour(
  rows: Array<{ hour: Date; status: SubmissionStatus; failureKind: FailureKind | null; count: number }>,
  now: Date,
  hours: number,
): HourBucket[] {
  const lastStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const buckets = Array.from({ length: hours }, (_, i) => ({
    start: new Date(lastStart - (hours - 1 - i) * HOUR_MS),
    scored: 0,
    modelFailures: 0,
    platformFailures: 0,
  }));
  for (const row of rows) {
    const index = hours - 1 - Math.round((lastStart - row.hour.getTime()) / HOUR_MS);
    const bucket = buckets[index];
    if (!bucket) continue;
    if (row.status === 'SCORED') bucket.scored += row.count;
    else if (row.failureKind === 'PLATFORM') bucket.platformFailures += row.count;
    else bucket.modelFailures += row.count;
  }
  return buckets;
}

/**
 * Queue health: jobs per BullMQ state beside submissions per PostgreSQL status (they disagree
 * when Redis lost jobs; the reconciler fixes that), workers with their heartbeats, and hourly
 * outcomes by finishing time (indexed) for the throughput and failure-rate charts.
 */
export async function getQueueHealth(db: Db, countJobs: JobCounter, now = new Date()): Promise<QueueHealth> {
  const weekAgo = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 167 * HOUR_MS);
  const [jobs, statusCounts, oldestQueued, workers, hourRows, recentFailures] = await Promise.all([
    countJobs().then(
      (counts) => ({ ok: true as const, counts }),
      (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
    ),
    db.submission.groupBy({ by: ['status'], _count: { _all: true } }),
    db.submission.findFirst({
      where: { status: 'QUEUED' },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true },
    }),
    db.workerHeartbeat.findMany({ orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }] }),
    db.$queryRaw<Array<{ hour: Date; status: SubmissionStatus; failureKind: FailureKind | null; count: number }>>`
      SELECT date_trunc('hour', "finishedAt") AS hour, status, "failureKind", count(*)::int AS count
      FROM "Submission"
      WHERE "finishedAt" >= ${weekAgo} AND status IN ('SCORED', 'FAILED')
      GROUP BY 1, 2, 3`,
    db.submission.findMany({
      where: { status: 'FAILED' },
      orderBy: [{ finishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
      take: 15,
      select: { id: true, failureKind: true, statusReason: true, finishedAt: true, model: { select: { name: true } } },
    }),
  ]);
  const workerViews = workers.map((worker) => {
    const ageMs = now.getTime() - worker.lastSeenAt.getTime();
    return { ...worker, ageMs, isStale: ageMs > STALE_WORKER_AFTER_MS };
  });
  const submissions = { QUEUED: 0, RUNNING: 0, SCORED: 0, FAILED: 0, CANCELLED: 0 };
  for (const row of statusCounts) submissions[row.status] = row._count._all;
  return {
    now,
    jobs,
    submissions,
    oldestQueuedAt: oldestQueued?.createdAt ?? null,
    workers: workerViews,
    unscorableDatasets: findUnscorableDatasets(workerViews.filter((worker) => !worker.isStale)),
    hours: bucketByHour(hourRows, now, 168),
    recentFailures: recentFailures.map(({ model, ...row }) => ({ ...row, modelName: model.name })),
  };
}
