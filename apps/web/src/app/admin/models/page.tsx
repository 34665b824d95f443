import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPagination } from '@/components/admin/admin-pagination';
import { BulkActionBar, type BulkActionOption } from '@/components/admin/bulk-action-bar';
import { ReasonText } from '@/components/admin/reason-text';
import { RowCheckbox } from '@/components/admin/row-checkbox';
import { SelectAll } from '@/components/admin/select-all';
import { formatCount, formatDate } from '@/lib/format';
import { listAdminModels, parseAdminModelFilters } from '@/server/admin/list-admin-models';
import { requireAdminViewer } from '@/server/admin/require-admin-viewer';
import type { SearchParams } from '@/server/admin/search-params';
import { getRequestDb } from '@/server/db';

export const metadata: Metadata = { title: 'Models · Admin' };

const FORM_ID = 'bulk-models';

const ACTIONS: BulkActionOption[] = [
  { value: 'hide', label: 'Hide', needsReason: true },
  { value: 'unhide', label: 'Unhide' },
  { value: 'disqualify', label: 'Disqualify', needsReason: true },
  { value: 'requalify', label: 'Requalify' },
  { value: 'baseline', label: 'Mark as baseline' },
  { value: 'unbaseline', label: 'Unmark as baseline' },
];

export default async function AdminModelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminViewer('/admin/models');
  const filters = parseAdminModelFilters(await searchParams);
  const list = await listAdminModels(await getRequestDb(), filters);

  return (
    <>
      <section>
        <p className="eyebrow">Admin</p>
        <h1>Models</h1>
        <p className="muted">
          A hidden or disqualified model takes every one of its submissions off public view and the boards; its owner
          sees your reason. Baselines are reference entries, badged on boards and charts.
        </p>
      </section>
      <form className="card admin-filters" method="get" action="/admin/models" data-testid="model-filters">
        <label className="filters__field">
          <span>State</span>
          <select name="state" defaultValue={filters.state ?? ''}>
            <option value="">Any</option>
            <option value="hidden">hidden</option>
            <option value="disqualified">disqualified</option>
            <option value="baseline">baseline</option>
          </select>
        </label>
        <label className="filters__field">
          <span>Search</span>
          <input type="text" name="q" defaultValue={filters.q ?? ''} placeholder="id, name, owner email" />
        </label>
        <button type="submit" className="button button--small">
          Apply
        </button>
      </form>

      <BulkActionBar formId={FORM_ID} endpoint="/api/admin/models/bulk" actions={ACTIONS} rescoreParam="models" />

      {list.rows.length === 0 ? (
        <p className="empty">No model matches these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="table admin-table" data-testid="admin-models">
            <thead>
              <tr>
                <th scope="col" className="check">
                  <SelectAll formId={FORM_ID} />
                </th>
                <th scope="col">Model</th>
                <th scope="col">Moderation</th>
                <th scope="col" className="num hide-narrow">
                  Submissions
                </th>
                <th scope="col" className="hide-narrow">
                  Created
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id} data-testid="admin-model-row" data-id={row.id}>
                  <td className="check">
                    <RowCheckbox formId={FORM_ID} id={row.id} label={`Select ${row.name}`} />
                  </td>
                  <td>
                    <Link href={`/models/${row.id}`} className="strong-link">
                      {row.name}
                    </Link>
                    {row.isBaseline ? <span className="badge badge--baseline">Baseline</span> : null}
                    <div className="muted small">
                      {row.owner.name} ({row.owner.email}) · {row.visibility === 'PUBLIC' ? 'public' : 'private'} ·{' '}
                      <Link href={`/admin/submissions?q=${row.id}`}>submissions</Link> ·{' '}
                      <Link href={`/admin/audit?targetId=${row.id}`}>audit</Link>
                    </div>
                  </td>
                  <td className="small reason-text">
                    {row.hiddenAt ? <ReasonText text={`Hidden: ${row.hiddenReason ?? ''}`} /> : null}
                    {row.disqualifiedAt ? <ReasonText text={`Disqualified: ${row.disqualifiedReason ?? ''}`} /> : null}
                    {!row.hiddenAt && !row.disqualifiedAt ? <span className="muted">–</span> : null}
                  </td>
                  <td className="num hide-narrow">{formatCount(row.submissions)}</td>
                  <td className="hide-narrow muted small nowrap">{formatDate(row.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminPagination
        basePath="/admin/models"
        params={{ state: filters.state, q: filters.q }}
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
      />
    </>
  );
}
