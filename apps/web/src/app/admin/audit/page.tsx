import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPagination } from '@/components/admin/admin-pagination';
import { formatDateTime } from '@/lib/format';
import { listAuditEntries, parseAuditFilters } from '@/server/admin/list-audit-entries';
import { requireAdminViewer } from '@/server/admin/require-admin-viewer';
import type { SearchParams } from '@/server/admin/search-params';
import { getRequestDb } from '@/server/db';

export const metadata: Metadata = { title: 'Audit log · Admin' };

const TARGET_TYPES = ['Submission', 'Model', 'User', 'RescoreBatch', 'Queue', 'Image'] as const;

/** Where a target lives in the site, when it has a page. */
function targetHref(type: string, id: string): string | null {
  if (type === 'Submission') return `/submissions/${id}`;
  if (type === 'Model') return `/models/${id}`;
  if (type === 'RescoreBatch') return `/admin/rescores/${id}`;
  if (type === 'User') return '/admin/users';
  if (type === 'Image') return '/admin/label-flags';
  return null;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminViewer('/admin/audit');
  const filters = parseAuditFilters(await searchParams);
  const page = await listAuditEntries(await getRequestDb(), filters);

  return (
    <>
      <section>
        <p className="eyebrow">Admin</p>
        <h1>Audit log</h1>
        <p className="muted">
          Every admin action: who, what, when and why. Rows are written in the same transaction as the change they
          describe.
        </p>
      </section>
      <form className="card admin-filters" method="get" action="/admin/audit" data-testid="audit-filters">
        <label className="filters__field">
          <span>Actor</span>
          <input type="text" name="actor" defaultValue={filters.actor ?? ''} placeholder="email, name or id" />
        </label>
        <label className="filters__field">
          <span>Action</span>
          <select name="action" defaultValue={filters.action ?? ''} data-testid="audit-filter-action">
            <option value="">Any</option>
            {page.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field">
          <span>Target type</span>
          <select name="targetType" defaultValue={filters.targetType ?? ''}>
            <option value="">Any</option>
            {TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field">
          <span>Target id</span>
          <input type="text" name="targetId" defaultValue={filters.targetId ?? ''} data-testid="audit-filter-target" />
        </label>
        <label className="filters__field">
          <span>From (UTC)</span>
          <input type="date" name="from" defaultValue={filters.from ?? ''} />
        </label>
        <label className="filters__field">
          <span>To (UTC)</span>
          <input type="date" name="to" defaultValue={filters.to ?? ''} />
        </label>
        <button type="submit" className="button button--small" data-testid="audit-filter-apply">
          Apply
        </button>
      </form>

      {page.rows.length === 0 ? (
        <p className="empty" data-testid="no-audit">
          No entry matches these filters.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table admin-table" data-testid="audit-list">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => {
                const href = targetHref(row.targetType, row.targetId);
                return (
                  <tr key={row.id} data-testid="audit-row" data-action={row.action} data-target-id={row.targetId}>
                    <td className="small muted">{formatDateTime(row.createdAt)}</td>
                    <td className="small">
                      {row.actor ? (
                        <>
                          {row.actor.name}
                          <div className="muted">{row.actor.email}</div>
                        </>
                      ) : (
                        <span className="muted">system or deleted user</span>
                      )}
                    </td>
                    <td className="small">
                      <code>{row.action}</code>
                      <div>
                        {row.targetType}{' '}
                        {href ? (
                          <Link href={href} className="mono">
                            {row.targetId}
                          </Link>
                        ) : (
                          <span className="mono">{row.targetId}</span>
                        )}
                      </div>
                      {row.details ? <div className="muted mono reason-text">{JSON.stringify(row.details)}</div> : null}
                    </td>
                    <td className="small reason-text" data-testid="audit-reason">
                      {row.reason ?? <span className="muted">–</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <AdminPagination
        basePath="/admin/audit"
        params={{
          actor: filters.actor,
          action: filters.action,
          targetType: filters.targetType,
          targetId: filters.targetId,
          from: filters.from,
          to: filters.to,
        }}
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
      />
    </>
  );
}
