import { formatPoints } from '@tenfold/datasets/standing-words';
import Link from 'next/link';
import { formatPercent } from '@/lib/format';
import type { RescoreReportRow } from '@/server/rescoring/get-rescore-report';
import type { RankMove } from '@/server/rescoring/rank-move';

const MOVE_LABELS: Record<RankMove, string> = {
  up: '▲ up',
  down: '▼ down',
  unchanged: 'unchanged',
  entered: 'entered the board',
  left: 'left the board',
  'off-board': 'not on the board',
};

/** Board positions are unique (ties unmerged, so a move always shows): written as a position, not a rank. */
const position = (value: number | null) => (value === null ? '–' : String(value));

function Delta({ delta }: { delta: number | null }) {
  if (delta === null) return <span className="muted">–</span>;
  const className = delta > 0 ? 'delta--up' : delta < 0 ? 'delta--down' : 'delta--flat';
  return <span className={className}>{formatPoints(delta)}</span>;
}

/** One row per entry: old and new accuracy and board position; moved rows are tinted. */
export function ReportTable({ rows, isFinal }: { rows: RescoreReportRow[]; isFinal: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table rescore-report" data-testid="rescore-report">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" className="hide-narrow">
              Dataset
            </th>
            <th scope="col" className="num hide-narrow">
              Old acc.
            </th>
            <th scope="col" className="num">
              New acc.
            </th>
            <th scope="col" className="num hide-narrow">
              Δ
            </th>
            <th scope="col">Board position</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.itemId}
              className={isFinal ? `move move--${row.move}` : undefined}
              data-testid="report-row"
              data-submission-id={row.submissionId}
              data-move={row.move}
              data-status={row.status}
            >
              <td>
                <Link href={`/models/${row.modelId}`}>{row.modelName}</Link>
                <div className="hide-narrow">
                  <Link className="muted small mono report-id" href={`/submissions/${row.submissionId}`}>
                    {row.submissionId}
                  </Link>
                </div>
                {row.reason ? (
                  <p className="field__error small" data-testid="report-reason">
                    {row.status === 'FAILED' ? 'Failed: ' : ''}
                    {row.reason}
                  </p>
                ) : null}
              </td>
              <td className="hide-narrow">{row.dataset}</td>
              <td className="num hide-narrow">{row.oldAccuracy === null ? '–' : formatPercent(row.oldAccuracy)}</td>
              <td className="num" data-testid="report-new-accuracy">
                {row.newAccuracy === null ? (
                  '–'
                ) : (
                  <Link href={`/submissions/${row.submissionId}`}>{formatPercent(row.newAccuracy)}</Link>
                )}
              </td>
              <td className="num hide-narrow">
                <Delta delta={row.delta} />
              </td>
              <td data-testid="report-rank">
                {isFinal ? (
                  <>
                    {`position ${position(row.oldRank)} → ${position(row.newRank)}`}
                    <br />
                    <span className="small move__label">{MOVE_LABELS[row.move]}</span>
                  </>
                ) : (
                  <span className="muted">{`position ${position(row.oldRank)} → when done`}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
