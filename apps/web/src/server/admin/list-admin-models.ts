import 'server-only';
import type { Db, Prisma } from '@tenfold/db';
import { ADMIN_PAGE_SIZE } from './list-admin-submissions.ts';
import { firstParam, pageParam, type SearchParams } from './search-params.ts';

export type AdminModelFilters = { q?: string; state?: 'hidden' | 'disqualified' | 'baseline'; page: number };

export function parseAdminModelFilters(params: SearchParams): AdminModelFilters {
  const state = firstParam(params, 'state');
  return {
    q: firstParam(params, 'q')?.slice(0, 200),
    state: state === 'hidden' || state === 'disqualified' || state === 'baseline' ? state : undefined,
    page: pageParam(params),
  };
}

export type AdminModelRow = {
  id: string;
  name: string;
  visibility: 'PUBLIC' | 'PRIVATE';
  isBaseline: boolean;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  disqualifiedAt: Date | null;
  disqualifiedReason: string | null;
  createdAt: Date;
  owner: { id: string; name: string; email: string };
  submissions: number;
};

/** Every model, private and moderated ones included, newest first. */
export async function listAdminModels(db: Db, filters: AdminModelFilters) {
  const and: Prisma.ModelWhereInput[] = [];
  if (filters.state === 'hidden') and.push({ hiddenAt: { not: null } });
  if (filters.state === 'disqualified') and.push({ disqualifiedAt: { not: null } });
  if (filters.state === 'baseline') and.push({ isBaseline: true });
  if (filters.q) {
    const contains = { contains: filters.q, mode: 'insensitive' } as const;
    and.push({ OR: [{ id: filters.q }, { name: contains }, { owner: { email: contains } }] });
  }
  const where = { AND: and };
  const [total, rows] = await Promise.all([
    db.model.count({ where }),
    db.model.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        visibility: true,
        isBaseline: true,
        hiddenAt: true,
        hiddenReason: true,
        disqualifiedAt: true,
        disqualifiedReason: true,
        createdAt: true,
        owner: { select: { id: true, name: true, email: true } },
        _count: { select: { submissions: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
    rows: rows.map(({ _count, ...row }): AdminModelRow => ({ ...row, submissions: _count.submissions })),
  };
}
