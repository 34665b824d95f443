import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatCount, formatDateTime } from '@/lib/format';
import { getViewer } from '@/server/auth/get-viewer';
import { getRequestDb } from '@/server/db';
import { isResourceId } from '@/server/http/is-resource-id';
import { getRescoreProgress } from '@/server/rescoring/get-rescore-progress';
import { formatReportSummary, getRescoreReport } from '@/server/rescoring/get-rescore-report';
import { describeStoredSelection } from '@/server/rescoring/list-rescore-batches';
import { BatchStatusBadge } from '../batch-status-badge.tsx';
import { AutoRefresh } from './auto-refresh.tsx';
import { CancelBatchButton } from './cancel-batch-button.tsx';
import { ReportTable } from './report-table.tsx';

export const metadata: Metadata = { title: 'Rescore batch' };

type Props = { params: Promise<{ id: string }> };

/** Rows rendered on the page; the CSV has them all. */
const ROWS_SHOWN = 500;

function skippedOf(selection: unknown): Array<[string, number]> {
  const skipped = typeof selection === 'object' && selection ? (selection as { skipped?: unknown }).skipped : null;
  if (typeof skipped !== 'object' || !skipped) return [];
  return Object.entries(skipped).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
}

export default async function RescoreBatchPage({ params }: Props) {
  const viewer = await getViewer();
  if (viewer?.role !== 'ADMIN') notFound();
  const { id } = await params;
  if (!isResourceId(id)) notFound();
  const db = await getRequestDb();
  const progress = await getRescoreProgress(db, id);
  if (!progress) notFound();
  const batch = await db.rescoreBatch.findUniqueOrThrow({
    where: { id },
    select: { reason: true, selection: true, cancelledAt: true, createdBy: { select: { name: true } } },
  });
  const report = await getRescoreReport(db, id);
  const isRunning = progress.status === 'RUNNING';
  const skipped = skippedOf(batch.selection);

  return (
    <>
      <section>
        <p className="eyebrow">
          <Link href="/admin/rescores">Rescoring</Link>
        </p>
        <h1>Rescore of {describeStoredSelection(batch.selection)}</h1>
        <p className="muted">
          {batch.reason} · by {batch.createdBy.name} · {formatDateTime(progress.createdAt)} · scorer{' '}
          <code>{progress.scorerVersion}</code>
        </p>
      </section>
      <section className="card status-card progress-block" data-testid="rescore-progress">
        <div className="status-card__head">
          <h2>Progress</h2>
          <BatchStatusBadge status={progress.status} />
        </div>
        <progress max={progress.total} value={progress.finished} aria-label="Items finished" />
        <p data-testid="rescore-progress-text">
          {formatCount(progress.finished)} of {formatCount(progress.total)} finished
        </p>
        <dl className="stats">
          {(['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'] as const).map((status) => (
            <div className="stat" key={status}>
              <dt>{status.toLowerCase()}</dt>
              <dd data-testid={`count-${status.toLowerCase()}`}>{formatCount(progress.counts[status])}</dd>
            </div>
          ))}
        </dl>
        {skipped.length > 0 ? (
          <p className="muted small" data-testid="rescore-skipped">
            Skipped: {skipped.map(([reason, count]) => `${formatCount(count)} ${reason}`).join(', ')}.
          </p>
        ) : null}
        <AutoRefresh isRunning={isRunning} />
        {isRunning ? (
          <div className="row-actions">
            <CancelBatchButton batchId={id} />
          </div>
        ) : null}
      </section>
      <section>
        <div className="section-head">
          <h2>Report</h2>
          <a className="button button--small button--ghost" href={`/api/admin/rescores/${id}/report.csv`} download>
            Download CSV
          </a>
        </div>
        <p className="lead" data-testid="rescore-summary">
          {isRunning ? 'Ranks are compared when the batch ends.' : `${formatReportSummary(report.summary)}.`}
        </p>
        <p className="muted small">
          Old: the evaluation in force and the board position when the batch started. New: this batch&apos;s evaluation
          and the board position when it ended. Rank is the position on the dataset&apos;s board (ties not merged); –
          means the submission was not its model&apos;s board entry.
        </p>
        <ReportTable rows={report.rows.slice(0, ROWS_SHOWN)} isFinal={!isRunning} />
        {report.rows.length > ROWS_SHOWN ? (
          <p className="muted small">
            Showing {ROWS_SHOWN} of {formatCount(report.rows.length)} entries, moved ones first: the CSV has all.
          </p>
        ) : null}
      </section>
    </>
  );
}
