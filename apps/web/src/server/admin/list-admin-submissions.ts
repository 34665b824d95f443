import 'server-only';
import { Dataset, type Db, FailureKind, type Prisma, SubmissionStatus } from '@tenfold/db';
import { STUCK_QUEUED_AFTER_MS, STUCK_RUNNING_AFTER_MS } from './admin-thresholds.ts';
import { firstParam, pageParam, type SearchParams } from './search-params.ts';

export const ADMIN_PAGE_SIZE = 50;

export type AdminSubmissionFilters = {
  status?: SubmissionStatus;
  dataset?: Dataset;
  failureKind?: FailureKind;
  stuck: boolean;
  moderation?: 'hidden' | 'disqualified' | 'moderated';
  /** A submission, model or user id, a model name, or a submitter's email (case-insensitive, part of it). */
  q?: string;
  page: number;
};

const pick = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((candidate) => candidate === value);

/** Filters from the page's query string; unknown values are ignored rather than refused. */
export function parseAdminSubmissionFilters(params: SearchParams): AdminSubmissionFilters {
  const q = firstParam(params, 'q');
  return {
    status: pick(Object.values(SubmissionStatus), firstParam(params, 'status')),
    dataset: pick(Object.values(Dataset), firstParam(params, 'dataset')),
    failureKind: pick(Object.values(FailureKind), firstParam(params, 'failureKind')),
    stuck: firstParam(params, 'stuck') === '1',
    moderation: pick(['hidden', 'disqualified', 'moderated'] as const, firstParam(params, 'moderation')),
    q: q?.slice(0, 200),
    page: pageParam(params),
  };
}

/** Stuck: RUNNING with a heartbeat nobody refreshed, or QUEUED for long. */
export function stuckSubmissionsWhere(now: Date): Prisma.SubmissionWhereInput {
  const staleHeartbeat = new Date(now.getTime() - STUCK_RUNNING_AFTER_MS);
  return {
    OR: [
      { status: 'RUNNING', OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleHeartbeat } }] },
      { status: 'QUEUED', createdAt: { lt: new Date(now.getTime() - STUCK_QUEUED_AFTER_MS) } },
    ],
  };
}

function filtersWhere(filters: AdminSubmissionFilters, now: Date): Prisma.SubmissionWhereInput {
  const and: Prisma.SubmissionWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.dataset) and.push({ dataset: filters.dataset });
  if (filters.failureKind) and.push({ failureKind: filters.failureKind });
  if (filters.stuck) and.push(stuckSubmissionsWhere(now));
  if (filters.moderation === 'hidden')
    and.push({ OR: [{ hiddenAt: { not: null } }, { model: { hiddenAt: { not: null } } }] });
  if (filters.moderation === 'disqualified') {
    and.push({ OR: [{ disqualifiedAt: { not: null } }, { model: { disqualifiedAt: { not: null } } }] });
  }
  if (filters.moderation === 'moderated') {
    and.push({
      OR: [
        { hiddenAt: { not: null } },
        { disqualifiedAt: { not: null } },
        { model: { OR: [{ hiddenAt: { not: null } }, { disqualifiedAt: { not: null } }] } },
      ],
    });
  }
  if (filters.q) {
    const contains = { contains: filters.q, mode: 'insensitive' } as const;
    and.push({
      OR: [
        { id: filters.q },
        { modelId: filters.q },
        { submitterId: filters.q },
        { model: { name: contains } },
        { submitter: { email: contains } },
      ],
    });
  }
  return { AND: and };
}

export type AdminSubmissionRow = {
  id: string;
  status: SubmissionStatus;
  statusReason: string | null;
  failureKind: FailureKind | null;
  dataset: Dataset;
  attempts: number;
  countsAgainstQuota: boolean;
  heartbeatAt: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
  hiddenReason: string | null;
  disqualifiedReason: string | null;
  isHidden: boolean;
  isDisqualified: boolean;
  model: {
    id: string;
    name: string;
    isBaseline: boolean;
    isHidden: boolean;
    isDisqualified: boolean;
    isPublic: boolean;
  };
  submitter: { id: string; name: string; email: string };
};

export type AdminSubmissionPage = { rows: AdminSubmissionRow[]; total: number; page: number; pageCount: number };

/** Every submission, private and moderated ones included, newest first, a page at a time. */
export async function listAdminSubmissions(
  db: Db,
  filters: AdminSubmissionFilters,
  now = new Date(),
): Promise<AdminSubmissionPage> {
  const where = filtersWhere(filters, now);
  const [total, rows] = await Promise.all([
    db.submission.count({ where }),
    db.submission.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        statusReason: true,
        failureKind: true,
        dataset: true,
        attempts: true,
        countsAgainstQuota: true,
        heartbeatAt: true,
        createdAt: true,
        finishedAt: true,
        hiddenAt: true,
        hiddenReason: true,
        disqualifiedAt: true,
        disqualifiedReason: true,
        model: {
          select: { id: true, name: true, isBaseline: true, visibility: true, hiddenAt: true, disqualifiedAt: true },
        },
        submitter: { select: { id: true, name: true, email: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
    rows: rows.map(({ hiddenAt, disqualifiedAt, model, ...row }) => ({
      ...row,
      isHidden: hiddenAt !== null,
      isDisqualified: disqualifiedAt !== null,
      model: {
        id: model.id,
        name: model.name,
        isBaseline: model.isBaseline,
        isHidden: model.hiddenAt !== null,
        isDisqualified: model.disqualifiedAt !== null,
        isPublic: model.visibility === 'PUBLIC',
      },
    })),
  };
}
