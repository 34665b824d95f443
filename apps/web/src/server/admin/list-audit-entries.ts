import 'server-only';
import type { Db, Prisma } from '@tenfold/db';
import { firstParam, pageParam, type SearchParams } from './search-params.ts';

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  /** The actor's id, or part of their email or name. */
  actor?: string;
  /** An exact action (`submission.hide`) or a prefix ending in a dot (`submission.`). */
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  page: number;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | undefined): string | undefined {
  return value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;
}

export function parseAuditFilters(params: SearchParams): AuditFilters {
  const text = (key: string) => firstParam(params, key)?.slice(0, 200);
  return {
    actor: text('actor'),
    action: text('action'),
    targetType: text('targetType'),
    targetId: text('targetId'),
    from: day(firstParam(params, 'from')),
    to: day(firstParam(params, 'to')),
    page: pageParam(params),
  };
}

export function auditWhere(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.actor) {
    const contains = { contains: filters.actor, mode: 'insensitive' } as const;
    and.push({ OR: [{ actorId: filters.actor }, { actor: { email: contains } }, { actor: { name: contains } }] });
  }
  if (filters.action) {
    and.push(filters.action.endsWith('.') ? { action: { startsWith: filters.action } } : { action: filters.action });
  }
  if (filters.targetType) and.push({ targetType: filters.targetType });
  if (filters.targetId) and.push({ targetId: filters.targetId });
  if (filters.from) and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) and.push({ createdAt: { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) } });
  return { AND: and };
}

export type AuditRow = {
  id: string;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  details: Prisma.JsonValue;
  actor: { id: string; name: string; email: string } | null;
};

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pageCount: number; actions: string[] };

/** The audit log, newest first, a page at a time, with every action name ever used for the filter. */
export async function listAuditEntries(db: Db, filters: AuditFilters): Promise<AuditPage> {
  const where = auditWhere(filters);
  const [total, rows, actions] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        action: true,
        targetType: true,
        targetId: true,
        reason: true,
        details: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
    db.auditLog.groupBy({ by: ['action'], orderBy: { action: 'asc' } }),
  ]);
  return {
    rows,
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((row) => row.action),
  };
}
