import 'server-only';
import { datasetIdFromEnum, getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Db, Role } from '@tenfold/db';
import type { SubmissionProgress } from '@/lib/submission-progress';
import { estimateEtaMs } from './estimate-eta.ts';
import { visibleSubmissionsWhere } from './public-submissions.ts';

/** The recent throughput the ETA is learnt from. */
const RECENT_EVALUATIONS = 20;
/** Workers seen this recently count as live (they refresh their row every few seconds). */
const LIVE_WORKER_MS = 60_000;

/**
 * What the submission page shows live, from PostgreSQL alone: status, images scored, place in
 * the queue (QUEUED submissions created before it) and an ETA from the mean duration of recent
 * evaluations and the live workers' capacity. Null when it does not exist or the viewer may not
 * see it (the same rule as its page).
 */
export async function getSubmissionProgress(
  db: Db,
  id: string,
  viewer: { userId: string; role: Role } | null,
  now = new Date(),
): Promise<SubmissionProgress | null> {
  const row = await db.submission.findFirst({
    where: { AND: [{ id }, visibleSubmissionsWhere(viewer)] },
    select: { status: true, progressImages: true, dataset: true, createdAt: true, startedAt: true },
  });
  if (!row) return null;
  const totalImages = getDatasetInfo(datasetIdFromEnum(row.dataset)).splits.test.count;
  const progress = { status: row.status, progressImages: row.progressImages, totalImages };
  if (row.status !== 'QUEUED' && row.status !== 'RUNNING') return { ...progress, queuedAhead: null, etaMs: null };

  const [queuedAhead, recent, workers] = await Promise.all([
    row.status === 'QUEUED'
      ? db.submission.count({ where: { status: 'QUEUED', createdAt: { lt: row.createdAt } } })
      : Promise.resolve(null),
    db.evaluation.findMany({ orderBy: { createdAt: 'desc' }, take: RECENT_EVALUATIONS, select: { durationMs: true } }),
    db.workerHeartbeat.aggregate({
      _sum: { concurrency: true },
      where: { lastSeenAt: { gte: new Date(now.getTime() - LIVE_WORKER_MS) } },
    }),
  ]);
  const etaMs = estimateEtaMs({
    status: row.status,
    queuedAhead: queuedAhead ?? 0,
    meanDurationMs: recent.length ? recent.reduce((sum, { durationMs }) => sum + durationMs, 0) / recent.length : null,
    parallelism: workers._sum.concurrency ?? 0,
    elapsedMs: row.startedAt ? now.getTime() - row.startedAt.getTime() : 0,
  });
  return { ...progress, queuedAhead, etaMs: etaMs === null ? null : Math.round(etaMs) };
}
