import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPagination } from '@/components/admin/admin-pagination';
import { BulkActionBar, type BulkActionOption } from '@/components/admin/bulk-action-bar';
import { ReasonText } from '@/components/admin/reason-text';
import { RowCheckbox } from '@/components/admin/row-checkbox';
import { SelectAll } from '@/components/admin/select-all';
import { StatusBadge } from '@/components/status-badge';
import { formatDateTime } from '@/lib/format';
import { formatAge } from '@/lib/format-age';
import { listAdminSubmissions, parseAdminSubmissionFilters } from '@/server/admin/list-admin-submissions';
import { requireAdminViewer } from '@/server/admin/require-admin-viewer';
import type { SearchParams } from '@/server/admin/search-params';
import { getRequestDb } from '@/server/db';

export const metadata: Metadata = { title: 'Submissions · Admin' };

const FORM_ID = 'bulk-submissions';

const ACTIONS: BulkActionOption[] = [
  { value: 'retry', label: 'Retry failed' },
  { value: 'cancel', label: 'Cancel (queued or running)' },
  { value: 'give-back-quota', label: 'Give back quota' },
  { value: 'hide', label: 'Hide', needsReason: true },
  { value: 'unhide', label: 'Unhide' },
  { value: 'disqualify', label: 'Disqualify', needsReason: true },
  { value: 'requalify', label: 'Requalify' },
  { value: 'baseline', label: 'Mark model as baseline' },
  { value: 'unbaseline', label: 'Unmark model as baseline' },
];

const DATASETS = { MNIST: 'MNIST', FASHION_MNIST: 'Fashion-MNIST' } as const;

export default async function AdminSubmissionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminViewer('/admin/submissions');
  const filters = parseAdminSubmissionFilters(await searchParams);
  const now = new Date();
  const list = await listAdminSubmissions(await getRequestDb(), filters, now);
  const kept = {
    status: filters.status,
    dataset: filters.dataset,
    failureKind: filters.failureKind,
    stuck: filters.stuck ? '1' : undefined,
    moderation: filters.moderation,
    q: filters.q,
  };

  return (
    <>
      <section>
        <p className="eyebrow">Admin</p>
        <h1>Submissions</h1>
        <p className="muted">
          Every submission, private and moderated ones included. Retrying a platform failure does not count against its
          submitter&apos;s quota; hiding and disqualifying take an entry off the boards and show the owner your reason.
        </p>
      </section>

      <form className="card admin-filters" method="get" action="/admin/submissions" data-testid="submission-filters">
        <label className="filters__field">
          <span>Status</span>
          <select name="status" defaultValue={filters.status ?? ''} data-testid="filter-status">
            <option value="">Any</option>
            {['QUEUED', 'RUNNING', 'SCORED', 'FAILED', 'CANCELLED'].map((status) => (
              <option key={status} value={status}>
                {status.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field">
          <span>Dataset</span>
          <select name="dataset" defaultValue={filters.dataset ?? ''} data-testid="filter-dataset">
            <option value="">Any</option>
            {Object.entries(DATASETS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field">
          <span>Failure</span>
          <select name="failureKind" defaultValue={filters.failureKind ?? ''} data-testid="filter-failure">
            <option value="">Any</option>
            <option value="MODEL">model&apos;s fault</option>
            <option value="PLATFORM">platform&apos;s fault</option>
          </select>
        </label>
        <label className="filters__field">
          <span>Moderation</span>
          <select name="moderation" defaultValue={filters.moderation ?? ''} data-testid="filter-moderation">
            <option value="">Any</option>
            <option value="hidden">hidden</option>
            <option value="disqualified">disqualified</option>
            <option value="moderated">hidden or disqualified</option>
          </select>
        </label>
        <label className="filters__field">
          <span>Search</span>
          <input
            type="text"
            name="q"
            defaultValue={filters.q ?? ''}
            placeholder="id, model, email"
            data-testid="filter-q"
          />
        </label>
        <label className="filters__field">
          <span>
            <input type="checkbox" name="stuck" value="1" defaultChecked={filters.stuck} data-testid="filter-stuck" />{' '}
            Stuck only
          </span>
        </label>
        <button type="submit" className="button button--small" data-testid="filter-apply">
          Apply
        </button>
      </form>

      <BulkActionBar formId={FORM_ID} endpoint="/api/admin/submissions/bulk" actions={ACTIONS} rescoreParam="ids" />

      {list.rows.length === 0 ? (
        <p className="empty" data-testid="no-submissions">
          No submission matches these filters.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table admin-table" data-testid="admin-submissions">
            <thead>
              <tr>
                <th scope="col" className="check">
                  <SelectAll formId={FORM_ID} />
                </th>
                <th scope="col">Submission</th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-narrow">
                  Submitter
                </th>
                <th scope="col" className="hide-narrow">
                  Submitted
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id} data-testid="admin-submission-row" data-id={row.id} data-status={row.status}>
                  <td className="check">
                    <RowCheckbox formId={FORM_ID} id={row.id} label={`Select ${row.model.name} (${row.id})`} />
                  </td>
                  <td>
                    <Link href={`/submissions/${row.id}`} className="strong-link">
                      {row.model.name}
                    </Link>{' '}
                    <span className="muted small">on {DATASETS[row.dataset]}</span>
                    <div className="muted small">
                      <span className="mono">{row.id}</span> · <Link href={`/models/${row.model.id}`}>model</Link> ·{' '}
                      <Link href={`/admin/audit?targetId=${row.id}`}>audit</Link>
                    </div>
                    <div className="admin-flags">
                      {row.model.isPublic ? null : <span className="badge badge--private">Private</span>}
                      {row.model.isBaseline ? <span className="badge badge--baseline">Baseline</span> : null}
                      {row.isHidden ? (
                        <span
                          className="badge badge--cancelled"
                          data-testid="flag-hidden"
                          title={row.hiddenReason ?? ''}
                        >
                          Hidden
                        </span>
                      ) : null}
                      {row.isDisqualified ? (
                        <span
                          className="badge badge--failed"
                          data-testid="flag-disqualified"
                          title={row.disqualifiedReason ?? ''}
                        >
                          Disqualified
                        </span>
                      ) : null}
                      {row.model.isHidden ? <span className="badge badge--cancelled">Model hidden</span> : null}
                      {row.model.isDisqualified ? (
                        <span className="badge badge--failed">Model disqualified</span>
                      ) : null}
                      {row.countsAgainstQuota ? null : (
                        <span className="badge badge--cancelled">Not counted in quota</span>
                      )}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={row.status} />
                    {row.failureKind ? <span className="small muted"> {row.failureKind.toLowerCase()}</span> : null}
                    {row.status === 'RUNNING' ? (
                      <div className="small muted">
                        heartbeat{' '}
                        {row.heartbeatAt ? `${formatAge(now.getTime() - row.heartbeatAt.getTime())} ago` : 'never'}
                      </div>
                    ) : null}
                    {row.attempts > 0 ? <div className="small muted">attempts: {row.attempts}</div> : null}
                    {row.statusReason ? <ReasonText text={row.statusReason} className="small" /> : null}
                  </td>
                  <td className="hide-narrow small cell-name">
                    {row.submitter.name}
                    <div className="muted">{row.submitter.email}</div>
                  </td>
                  <td className="hide-narrow muted small nowrap">{formatDateTime(row.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminPagination
        basePath="/admin/submissions"
        params={kept}
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
      />
    </>
  );
}
