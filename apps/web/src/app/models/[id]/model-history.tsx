import Link from 'next/link';
import { formatDate, formatPercent } from '@/lib/format';
import { FORMAT_LABELS } from '@/lib/model-format';
import type { ModelSubmission } from '@/server/queries/get-model';

/** Change of a recall in percentage points, bucketed for colour: a class up or down by 0.1 pt or more. */
function trend(delta: number): 'up' | 'down' | 'flat' {
  if (delta >= 0.001) return 'up';
  if (delta <= -0.001) return 'down';
  return 'flat';
}

function formatDelta(delta: number): string {
  return `${delta >= 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(1)}`;
}

type Props = { submissions: ModelSubmission[]; classNames: readonly string[] };

/** The model's submissions on one dataset, oldest first, each with how accuracy per class moved since the previous scored one. */
export function ModelHistory({ submissions, classNames }: Props) {
  let previous: ModelSubmission['evaluation'] = null;
  const rows = submissions.map((submission) => {
    const before = previous;
    if (submission.evaluation) previous = submission.evaluation;
    return { submission, before };
  });
  return (
    <div className="table-wrap">
      <table className="table history" data-testid="model-history">
        <thead>
          <tr>
            <th scope="col">Submitted</th>
            <th scope="col" className="num">
              Accuracy
            </th>
            {classNames.map((name) => (
              <th key={name} scope="col" className="num hide-narrow" title={name}>
                {name.length > 6 ? `${name.slice(0, 5)}…` : name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ submission, before }) => {
            const evaluation = submission.evaluation;
            return (
              <tr key={submission.id} data-testid="history-row">
                <td>
                  <Link href={`/submissions/${submission.id}`}>{formatDate(submission.createdAt)}</Link>
                  <div className="muted small">{FORMAT_LABELS[submission.format]}</div>
                </td>
                <td className="num">
                  {evaluation ? (
                    formatPercent(evaluation.accuracy)
                  ) : (
                    <span className="muted">{submission.status.toLowerCase()}</span>
                  )}
                  {evaluation && before ? (
                    <div className={`delta delta--${trend(evaluation.accuracy - before.accuracy)} small`}>
                      {formatDelta(evaluation.accuracy - before.accuracy)} pt
                    </div>
                  ) : null}
                </td>
                {classNames.map((name, index) => {
                  const recall = evaluation?.perClassRecall[index];
                  const earlier = before?.perClassRecall[index];
                  return (
                    <td key={name} className="num hide-narrow small">
                      {recall === undefined ? '' : formatPercent(recall, 1)}
                      {recall !== undefined && earlier !== undefined ? (
                        <div className={`delta delta--${trend(recall - earlier)}`}>{formatDelta(recall - earlier)}</div>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
