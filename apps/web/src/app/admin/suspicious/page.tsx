import type { Metadata } from 'next';
import Link from 'next/link';
import { BulkActionBar, type BulkActionOption } from '@/components/admin/bulk-action-bar';
import { RowCheckbox } from '@/components/admin/row-checkbox';
import { SelectAll } from '@/components/admin/select-all';
import { formatDateTime, formatPercent } from '@/lib/format';
import {
  findSuspiciousSubmissions,
  SUSPICION_RULES,
  type SuspicionReason,
} from '@/server/admin/find-suspicious-submissions';
import { requireAdminViewer } from '@/server/admin/require-admin-viewer';
import { getRequestDb } from '@/server/db';

export const metadata: Metadata = { title: 'Suspicious results · Admin' };

const FORM_ID = 'bulk-suspicious';

const ACTIONS: BulkActionOption[] = [
  { value: 'review', label: 'Mark reviewed (let it stand)' },
  { value: 'hide', label: 'Hide', needsReason: true },
  { value: 'disqualify', label: 'Disqualify', needsReason: true },
];

function Reason({ reason }: { reason: SuspicionReason }) {
  switch (reason.rule) {
    case 'shift-gap':
      return <>{formatPercent(reason.gap, 1)} better than on the images moved one pixel (memorised test set?)</>;
    case 'near-perfect':
      return <>Perfect or near-perfect accuracy ({formatPercent(reason.accuracy)})</>;
    case 'same-artifact':
      return (
        <>
          The same file was submitted by {reason.otherSubmitters} other{' '}
          {reason.otherSubmitters === 1 ? 'user' : 'users'}
        </>
      );
    case 'jump':
      return (
        <>
          Jump from {formatPercent(reason.previousAccuracy)} on the model&apos;s{' '}
          <Link href={`/submissions/${reason.previousId}`}>previous submission</Link>
        </>
      );
  }
}

export default async function SuspiciousPage() {
  await requireAdminViewer('/admin/suspicious');
  const flagged = await findSuspiciousSubmissions(await getRequestDb());

  return (
    <>
      <section>
        <p className="eyebrow">Admin</p>
        <h1>Suspicious results</h1>
        <p className="muted">
          Scored public submissions nobody reviewed yet with accuracy more than{' '}
          {formatPercent(SUSPICION_RULES.shiftGap, 0)} above the shifted-copy accuracy, at least{' '}
          {formatPercent(SUSPICION_RULES.nearPerfect, 1)}, a file another user submitted too, or a jump of more than{' '}
          {formatPercent(SUSPICION_RULES.jump, 0)} over the model&apos;s previous submission. Marking one reviewed takes
          it off this list.
        </p>
      </section>
      <BulkActionBar formId={FORM_ID} endpoint="/api/admin/submissions/bulk" actions={ACTIONS} />
      {flagged.length === 0 ? (
        <p className="empty" data-testid="no-suspicious">
          Nothing to review.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table admin-table" data-testid="suspicious-list">
            <thead>
              <tr>
                <th scope="col" className="check">
                  <SelectAll formId={FORM_ID} />
                </th>
                <th scope="col">Submission</th>
                <th scope="col" className="num">
                  Accuracy
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {flagged.map((row) => (
                <tr key={row.id} data-testid="suspicious-row" data-id={row.id}>
                  <td className="check">
                    <RowCheckbox formId={FORM_ID} id={row.id} label={`Select ${row.modelName} (${row.id})`} />
                  </td>
                  <td>
                    <Link href={`/submissions/${row.id}`} className="strong-link">
                      {row.modelName}
                    </Link>
                    <div className="muted small">
                      by {row.submitterName} · {formatDateTime(row.createdAt)} ·{' '}
                      <Link href={`/models/${row.modelId}`}>model</Link>
                    </div>
                  </td>
                  <td className="num">
                    {formatPercent(row.accuracy)}
                    <div className="muted small">
                      shifted {row.shiftedAccuracy === null ? '–' : formatPercent(row.shiftedAccuracy)}
                    </div>
                  </td>
                  <td className="small">
                    <ul className="bulk-bar__results">
                      {row.reasons.map((reason) => (
                        <li key={reason.rule} data-testid="suspicion-reason" data-rule={reason.rule}>
                          <Reason reason={reason} />
                        </li>
                      ))}
                    </ul>
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
