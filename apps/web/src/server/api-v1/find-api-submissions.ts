import 'server-only';
import { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import { type DatasetId, datasetEnumFromId, datasetIdFromEnum, getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Db, Prisma, Role, SubmissionStatus } from '@tenfold/db';
import { getCachedLeaderboard } from '@/server/queries/get-cached-leaderboard';
import { visibleSubmissionsWhere } from '@/server/queries/public-submissions';
import { reasonReaderOf, statusReasonFor } from '@/server/submissions/status-reason-for';
import { describePage, type PageRequest } from './paginate.ts';
import type { ApiPagination, ApiSubmission } from './schemas.ts';
import { EVALUATION_SELECT, serializeEvaluation } from './serialize-evaluation.ts';

const SUBMISSION_SELECT = {
  id: true,
  status: true,
  statusReason: true,
  failureKind: true,
  progressImages: true,
  dataset: true,
  format: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  model: { select: { id: true, name: true, visibility: true, ownerId: true } },
  evaluations: { orderBy: NEWEST_EVALUATIONS_FIRST, select: EVALUATION_SELECT },
} satisfies Prisma.SubmissionSelect;

type SubmissionRow = Prisma.SubmissionGetPayload<{ select: typeof SUBMISSION_SELECT }>;

type Standing = { rank: number; isShared: boolean };

/**
 * Ranks on the public boards of the datasets these rows are on, by submission id (each board read
 * once, cached), and whether other models share the rank (written "3 =", standing-words.ts).
 */
async function readRanks(db: Db, rows: SubmissionRow[]): Promise<Map<string, Standing>> {
  const datasets = new Set(rows.filter((row) => row.status === 'SCORED').map((row) => datasetIdFromEnum(row.dataset)));
  const ranks = new Map<string, Standing>();
  for (const datasetId of datasets) {
    const board = await getCachedLeaderboard(db, datasetId);
    const holders = new Map<number, number>();
    for (const entry of board) holders.set(entry.tieRank, (holders.get(entry.tieRank) ?? 0) + 1);
    for (const entry of board) {
      ranks.set(entry.submissionId, { rank: entry.tieRank, isShared: (holders.get(entry.tieRank) ?? 0) > 1 });
    }
  }
  return ranks;
}

/** 1 = next to be scored: queued submissions created before it, plus one. */
function readQueuePosition(db: Db, row: SubmissionRow): Promise<number | null> {
  if (row.status !== 'QUEUED') return Promise.resolve(null);
  return db.submission
    .count({ where: { status: 'QUEUED', createdAt: { lt: row.createdAt } } })
    .then((ahead) => ahead + 1);
}

type Viewer = { userId: string; role: Role } | null;

async function serializeSubmissions(
  db: Db,
  rows: SubmissionRow[],
  viewer: Viewer,
  appUrl: string,
): Promise<ApiSubmission[]> {
  const [ranks, positions] = await Promise.all([
    readRanks(db, rows),
    Promise.all(rows.map((row) => readQueuePosition(db, row))),
  ]);
  return rows.map((row, index) => {
    const datasetId = datasetIdFromEnum(row.dataset);
    const evaluation = row.status === 'SCORED' ? (pickEvaluationInForce(row.evaluations) ?? null) : null;
    return {
      id: row.id,
      url: `${appUrl}/submissions/${row.id}`,
      modelId: row.model.id,
      modelName: row.model.name,
      dataset: datasetId,
      format: row.format,
      visibility: row.model.visibility,
      status: row.status,
      statusReason: statusReasonFor(reasonReaderOf(viewer, row.model.ownerId), row),
      failureKind: row.failureKind,
      progress: { images: row.progressImages, total: getDatasetInfo(datasetId).splits.test.count },
      queuePosition: positions[index] ?? null,
      createdAt: row.createdAt.toISOString(),
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      evaluation: evaluation ? serializeEvaluation(evaluation, datasetId) : null,
      rank: ranks.get(row.id)?.rank ?? null,
      rankIsShared: ranks.get(row.id)?.isShared ?? null,
    };
  });
}

/** One submission as the API shows it, or null when it does not exist or the viewer may not see it (as its page). */
export async function getApiSubmission(
  db: Db,
  id: string,
  viewer: Viewer,
  appUrl: string,
): Promise<ApiSubmission | null> {
  const row = await db.submission.findFirst({
    where: { AND: [{ id }, visibleSubmissionsWhere(viewer)] },
    select: SUBMISSION_SELECT,
  });
  if (!row) return null;
  const [submission] = await serializeSubmissions(db, [row], viewer, appUrl);
  return submission ?? null;
}

export type OwnSubmissionFilter = PageRequest & { dataset?: DatasetId; status?: SubmissionStatus };

/** The submissions a user uploaded, newest first, one page. */
export async function listOwnSubmissions(
  db: Db,
  viewer: { userId: string; role: Role },
  filter: OwnSubmissionFilter,
  appUrl: string,
): Promise<{ data: ApiSubmission[]; pagination: ApiPagination }> {
  const where: Prisma.SubmissionWhereInput = {
    submitterId: viewer.userId,
    ...(filter.dataset ? { dataset: datasetEnumFromId(filter.dataset) } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [total, rows] = await Promise.all([
    db.submission.count({ where }),
    db.submission.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * filter.perPage,
      take: filter.perPage,
      select: SUBMISSION_SELECT,
    }),
  ]);
  return { data: await serializeSubmissions(db, rows, viewer, appUrl), pagination: describePage(filter, total) };
}
