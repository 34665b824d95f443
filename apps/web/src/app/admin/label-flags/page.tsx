import { getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { BulkActionBar, type BulkActionOption } from '@/components/admin/bulk-action-bar';
import { RowCheckbox } from '@/components/admin/row-checkbox';
import { SelectAll } from '@/components/admin/select-all';
import { TestImage } from '@/components/consensus/test-image';
import { formatDateTime } from '@/lib/format';
import { listLabelFlags } from '@/server/admin/list-label-flags';
import { requireAdminViewer } from '@/server/admin/require-admin-viewer';
import type { SearchParams } from '@/server/admin/search-params';
import { getRequestDb } from '@/server/db';

export const metadata: Metadata = { title: 'Label flags · Admin' };

const FORM_ID = 'bulk-label-flags';

const ACTIONS: BulkActionOption[] = [
  { value: 'agree', label: 'Agree: the label looks wrong' },
  { value: 'dismiss', label: 'Dismiss: the label is right' },
];

export default async function LabelFlagsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminViewer('/admin/label-flags');
  const status = (await searchParams).status === 'reviewed' ? 'reviewed' : 'open';
  const flags = await listLabelFlags(await getRequestDb(), status);
  const className = (datasetId: Parameters<typeof getDatasetInfo>[0], index: number | null) =>
    index === null ? '–' : `${index} · ${getDatasetInfo(datasetId).classNames[index]}`;

  return (
    <>
      <section>
        <p className="eyebrow">Admin</p>
        <h1>Label flags</h1>
        <p className="muted">
          Test images signed-in users say are labelled wrongly, beside what the strongest models answer. A review
          records your conclusion in the audit log; official labels and scores never change.
        </p>
        <p className="small">
          {status === 'open' ? (
            <>
              Open · <Link href="/admin/label-flags?status=reviewed">reviewed</Link>
            </>
          ) : (
            <>
              <Link href="/admin/label-flags">Open</Link> · reviewed
            </>
          )}
        </p>
      </section>
      {status === 'open' ? (
        <BulkActionBar formId={FORM_ID} endpoint="/api/admin/label-flags/review" actions={ACTIONS} />
      ) : null}
      {flags.length === 0 ? (
        <p className="empty" data-testid="no-label-flags">
          {status === 'open' ? 'No open flags.' : 'No reviewed flags yet.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table admin-table" data-testid="label-flag-list">
            <thead>
              <tr>
                {status === 'open' ? (
                  <th scope="col" className="check">
                    <SelectAll formId={FORM_ID} />
                  </th>
                ) : null}
                <th scope="col">Image</th>
                <th scope="col">Official label</th>
                <th scope="col">Strong models say</th>
                <th scope="col">Flagged by</th>
                <th scope="col">{status === 'open' ? 'Suggested' : 'Review'}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((flag) => (
                <tr key={flag.id} data-testid="label-flag-row" data-id={flag.id}>
                  {status === 'open' ? (
                    <td className="check">
                      <RowCheckbox
                        formId={FORM_ID}
                        id={flag.id}
                        label={`Select the flag on ${flag.datasetId} #${flag.imageIndex}`}
                      />
                    </td>
                  ) : null}
                  <td>
                    <TestImage
                      datasetSlug={flag.datasetId}
                      imageIndex={flag.imageIndex}
                      alt={`${getDatasetInfo(flag.datasetId).name} test image #${flag.imageIndex}`}
                    />
                    <div className="muted small">
                      <Link href={`/datasets/${flag.datasetId}/label-errors`}>
                        {getDatasetInfo(flag.datasetId).name} #{flag.imageIndex}
                      </Link>
                    </div>
                  </td>
                  <td>{className(flag.datasetId, flag.label)}</td>
                  <td>
                    {className(flag.datasetId, flag.strongClass)}
                    <div className="muted small">
                      {flag.strongVotes} of {flag.strongCount} strong models · {flag.correctCount} of{' '}
                      {flag.modelsCounted} models agree with the label
                    </div>
                  </td>
                  <td className="small">
                    {flag.flaggedBy}
                    <div className="muted">{formatDateTime(flag.createdAt)}</div>
                    {flag.note ? <div data-testid="label-flag-note">“{flag.note}”</div> : null}
                  </td>
                  <td className="small">
                    {status === 'open'
                      ? className(flag.datasetId, flag.suggestedClass)
                      : `${flag.reviewOutcome} by ${flag.reviewerName ?? 'a former admin'}${flag.reviewedAt ? `, ${formatDateTime(flag.reviewedAt)}` : ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
